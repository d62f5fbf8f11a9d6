package io.polycodec.protobuf.json;

import com.fasterxml.jackson.core.JsonFactory;
import io.polycodec.Limits;

/** What a codec was built with, shared by all its plans; immutable. */
final class Settings {
  final Limits limits;
  final boolean emitDefaults;
  final boolean protoNames;
  final boolean ignoreUnknown;
  final boolean ignoreUnknownEnums;
  final AnyTypes anyTypes;
  /** The codec's factory, to read again an Any object whose "@type" came late. */
  final JsonFactory factory;

  Settings(Limits limits, boolean emitDefaults, boolean protoNames, boolean ignoreUnknown, boolean ignoreUnknownEnums,
      AnyTypes anyTypes, JsonFactory factory) {
    this.limits = limits;
    this.emitDefaults = emitDefaults;
    this.protoNames = protoNames;
    this.ignoreUnknown = ignoreUnknown;
    this.ignoreUnknownEnums = ignoreUnknownEnums;
    this.anyTypes = anyTypes;
    this.factory = factory;
  }
}
