package com.acme.model;

import io.polycodec.Tag;
import io.polycodec.evolution.Snapshot;

/** Breaking: owner was a string in Account.v1.json. */
@Snapshot
public record Account(@Tag(1) long id, @Tag(2) long owner) {}
