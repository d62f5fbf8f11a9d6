package io.polycodec.bench.model;

import io.polycodec.Tag;
import java.util.List;

/** The 100 user objects of twitter.json's statuses, as one message. */
public record TwitterUsers(@Tag(1) List<TwitterUser> users) {}
