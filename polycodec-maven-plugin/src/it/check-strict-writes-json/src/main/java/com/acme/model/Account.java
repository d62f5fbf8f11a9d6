package com.acme.model;

import io.polycodec.Tag;
import io.polycodec.evolution.Snapshot;

/** A caveat: id was an int64 in Account.v1.json; protobuf reads old ids truncated to 32 bits. */
@Snapshot
public record Account(@Tag(1) int id, @Tag(2) String owner) {}
