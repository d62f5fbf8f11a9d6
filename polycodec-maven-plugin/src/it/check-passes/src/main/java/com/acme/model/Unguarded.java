package com.acme.model;

/** Not annotated: the plugin leaves it alone although it has no history. */
public record Unguarded(int x) {}
