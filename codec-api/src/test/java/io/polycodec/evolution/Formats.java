package io.polycodec.evolution;

import io.polycodec.FieldKeying;
import io.polycodec.Format;
import java.util.LinkedHashMap;
import java.util.Map;

/** The formats the rules distinguish, built as the backends declare them; plus two unknown ones. */
final class Formats {
  static final Format PROTOBUF = Format.builder("protobuf").mediaType("application/x-protobuf")
      .keying(FieldKeying.NUMBER).build();
  static final Format FLATBUFFERS = Format.builder("flatbuffers").mediaType("application/x-flatbuffers")
      .keying(FieldKeying.NUMBER).build();
  static final Format JSON = Format.builder("json").mediaType("application/json").binary(false)
      .keying(FieldKeying.NAME).build();
  static final Format MSGPACK = Format.builder("msgpack").mediaType("application/msgpack")
      .keying(FieldKeying.NAME).build();
  static final Format MSGPACK_COMPACT = MSGPACK.withKeying(FieldKeying.NUMBER);
  static final Format OTHER_BY_NUMBER = Format.builder("thrift").mediaType("application/x-thrift")
      .keying(FieldKeying.NUMBER).build();
  static final Format OTHER_BY_NAME = Format.builder("yaml").mediaType("application/yaml").binary(false)
      .keying(FieldKeying.NAME).build();

  /** Every format by the short name tests use. */
  static final Map<String, Format> ALL = new LinkedHashMap<>();

  static {
    ALL.put("protobuf", PROTOBUF);
    ALL.put("flatbuffers", FLATBUFFERS);
    ALL.put("json", JSON);
    ALL.put("msgpack", MSGPACK);
    ALL.put("compact", MSGPACK_COMPACT);
    ALL.put("other-number", OTHER_BY_NUMBER);
    ALL.put("other-name", OTHER_BY_NAME);
  }

  private Formats() {}
}
