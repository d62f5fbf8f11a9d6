package io.polycodec.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.Codec;
import io.polycodec.Codecs;
import io.polycodec.DecodeException;
import io.polycodec.GenericRecord;
import io.polycodec.schema.Field;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * byte and short are int8 and int16: they round-trip at their edges, and wider values do not decode, in
 * every format whose int32 writer and int8/int16 reader share an encoding (FlatBuffers widths differ on
 * the wire: its own tests cover byte and short).
 */
class NarrowIntegersTest {
  record Small(byte b, short s, Byte boxedByte, Short boxedShort) {}

  @ParameterizedTest
  @ValueSource(strings = {"json", "msgpack", "protobuf"})
  void byteAndShortAreInt8AndInt16AndRoundTripAtTheirEdges(String format) {
    RecordSchema schema = Codecs.schemaOf(Small.class);
    assertEquals(Schema.int8(), schema.field("b").type());
    assertEquals(Schema.int16(), schema.field("s").type());
    Codec<Small> codec = Codecs.get(format, Small.class);
    for (Small v : new Small[] {
        new Small(Byte.MIN_VALUE, Short.MAX_VALUE, Byte.MAX_VALUE, Short.MIN_VALUE),
        new Small((byte) -1, (short) 0, (byte) 0, (short) -1)}) {
      assertEquals(v, codec.decode(codec.encode(v)));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "msgpack", "protobuf"})
  void aValueOutsideTheRangeIsADecodeExceptionNamingTheField(String format) {
    // The same record with int32 fields writes what an int8/int16 reader must refuse.
    RecordSchema wide = RecordSchema.of("Small", Field.of("b", 1, Schema.int32()), Field.of("s", 2, Schema.int32()),
        Field.of("boxedByte", 3, Schema.int32()), Field.of("boxedShort", 4, Schema.int32()));
    Codec<Small> codec = Codecs.get(format, Small.class);
    Codec<GenericRecord> writer = Codecs.generic(format, wide);
    byte[] byteTooBig = writer.encode(GenericRecord.builder(wide).set("b", 128).build());
    DecodeException e = assertThrows(DecodeException.class, () -> codec.decode(byteTooBig));
    assertTrue(e.getMessage().contains("Small.b") && e.getMessage().contains("int8"), e.getMessage());
    byte[] shortTooSmall = writer.encode(GenericRecord.builder(wide).set("boxedShort", -32769).build());
    DecodeException f = assertThrows(DecodeException.class, () -> codec.decode(shortTooSmall));
    assertTrue(f.getMessage().contains("Small.boxedShort") && f.getMessage().contains("int16"), f.getMessage());
  }
}
