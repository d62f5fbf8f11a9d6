package com.acme.model;

import io.polycodec.Tag;
import io.polycodec.evolution.Snapshot;
import java.util.Optional;

/** Guarded: the same shape as the history's latest version, Account.v2.json. */
@Snapshot
public record Account(@Tag(1) long id, @Tag(2) String owner, @Tag(3) Optional<String> email) {}
