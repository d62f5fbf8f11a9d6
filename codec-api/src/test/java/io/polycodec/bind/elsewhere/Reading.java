package io.polycodec.bind.elsewhere;

/** A record outside io.polycodec.bind, for AccessorsTest: lambda classes are defined in its package. */
public record Reading(float temperature, long micros) {}
