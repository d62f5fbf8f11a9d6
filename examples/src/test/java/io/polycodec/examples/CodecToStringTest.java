package io.polycodec.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.polycodec.Codec;
import io.polycodec.CodecOptions;
import io.polycodec.Codecs;
import io.polycodec.GenericRecord;
import io.polycodec.Limits;
import io.polycodec.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A codec in a log line says which format, which type and which options: every backend alike. */
class CodecToStringTest {
  record Point(@Tag(1) int x, @Tag(2) int y) {}

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"json", "protobuf", "msgpack", "flatbuffers"})
  void namesFormatTypeAndOptions(String format) {
    CodecOptions options = CodecOptions.defaults().withLimits(Limits.defaults().withMaxDepth(7));
    Codec<Point> typed = Codecs.get(format, Point.class, options);
    assertEquals(format + " codec of Point as " + Point.class.getName() + ", " + options, typed.toString());

    Codec<GenericRecord> generic = Codecs.generic(format, Codecs.schemaOf(Point.class));
    assertEquals(format + " codec of Point as " + GenericRecord.class.getName() + ", " + CodecOptions.defaults(),
        generic.toString());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"json", "msgpack"})
  void schemalessCodecsSayTheyAre(String format) {
    assertEquals(format + " codec of plain Java values (schema-less), " + CodecOptions.defaults(),
        Codecs.schemaless(format).toString());
  }
}
