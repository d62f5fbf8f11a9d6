package io.polycodec.protobuf.json;

import io.polycodec.Limits;

/** What a codec was built with, shared by all its plans; immutable. */
final class Settings {
  final Limits limits;
  final boolean emitDefaults;
  final boolean protoNames;
  final boolean ignoreUnknown;
  final boolean ignoreUnknownEnums;

  Settings(Limits limits, boolean emitDefaults, boolean protoNames, boolean ignoreUnknown, boolean ignoreUnknownEnums) {
    this.limits = limits;
    this.emitDefaults = emitDefaults;
    this.protoNames = protoNames;
    this.ignoreUnknown = ignoreUnknown;
    this.ignoreUnknownEnums = ignoreUnknownEnums;
  }
}
