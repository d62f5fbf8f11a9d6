package io.polycodec.msgpack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.Codec;
import io.polycodec.CodecOptions;
import io.polycodec.Codecs;
import io.polycodec.DecodeException;
import io.polycodec.GenericEnum;
import io.polycodec.GenericRecord;
import io.polycodec.SchemaName;
import io.polycodec.Tag;
import io.polycodec.msgpack.TestTypes.Point;
import io.polycodec.schema.EnumSchema;
import io.polycodec.schema.Field;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Reading data written with another version of the schema, as the shared decisions specify. */
class EvolutionTest {
  static CodecOptions mode(MsgpackKeys k) {
    return CodecOptions.defaults().with(MsgpackOptions.KEYS, k);
  }

  static <W, R> R rewrite(W value, Class<W> writer, Class<R> reader, MsgpackKeys keys) {
    byte[] bytes = Codecs.get("msgpack", writer, mode(keys)).encode(value);
    return Codecs.get("msgpack", reader, mode(keys)).decode(bytes);
  }

  enum Unit { CELSIUS, KELVIN }

  enum UnitV2 { CELSIUS, KELVIN, FAHRENHEIT }

  @SchemaName("Reading")
  record ReadingV1(@Tag(1) String sensor, @Tag(2) double value) {}

  @SchemaName("Reading")
  record ReadingV2(@Tag(1) String sensor, @Tag(2) double value, @Tag(3) List<Point> extra, @Tag(4) Map<String, Long> tags,
      @Tag(5) Optional<Instant> at, @Tag(6) byte[] raw, @Tag(7) Point origin, @Tag(8) Unit unit) {}

  @ParameterizedTest
  @EnumSource(MsgpackKeys.class)
  void unknownFieldsAreSkippedAndMissingOnesDefault(MsgpackKeys keys) {
    ReadingV2 v2 = new ReadingV2("s1", 21.5, List.of(new Point(1, 2)), Map.of("a", 1L), Optional.of(Instant.EPOCH),
        new byte[] {1, 2, 3}, new Point(3, 4), Unit.KELVIN);
    assertEquals(new ReadingV1("s1", 21.5), rewrite(v2, ReadingV2.class, ReadingV1.class, keys));
    ReadingV2 fromOld = rewrite(new ReadingV1("s2", -1), ReadingV1.class, ReadingV2.class, keys);
    assertEquals("s2", fromOld.sensor());
    assertEquals(-1.0, fromOld.value());
    assertEquals(List.of(), fromOld.extra());
    assertEquals(Map.of(), fromOld.tags());
    assertEquals(Optional.empty(), fromOld.at());
    assertEquals(0, fromOld.raw().length);
    assertEquals(new Point(0, 0), fromOld.origin());
    assertEquals(Unit.CELSIUS, fromOld.unit());
  }

  @SchemaName("V") record IntV(int v) {}

  @SchemaName("V") record LongV(long v) {}

  @SchemaName("V") record FloatV(float v) {}

  @SchemaName("V") record DoubleV(double v) {}

  @SchemaName("V") record IntsV(List<Integer> v) {}

  @SchemaName("V") record LongsV(List<Long> v) {}

  @SchemaName("V") record DoublesV(List<Double> v) {}

  @ParameterizedTest
  @EnumSource(MsgpackKeys.class)
  void wideningReads(MsgpackKeys keys) {
    assertEquals(new LongV(-7), rewrite(new IntV(-7), IntV.class, LongV.class, keys));
    assertEquals(new LongV(Integer.MIN_VALUE), rewrite(new IntV(Integer.MIN_VALUE), IntV.class, LongV.class, keys));
    assertEquals(new FloatV(3f), rewrite(new IntV(3), IntV.class, FloatV.class, keys));
    assertEquals(new DoubleV(-5e12), rewrite(new LongV(-5_000_000_000_000L), LongV.class, DoubleV.class, keys));
    assertEquals(new DoubleV(0.1f), rewrite(new FloatV(0.1f), FloatV.class, DoubleV.class, keys));
    assertEquals(new DoubleV(Double.NEGATIVE_INFINITY),
        rewrite(new FloatV(Float.NEGATIVE_INFINITY), FloatV.class, DoubleV.class, keys));
    assertEquals(new LongsV(List.of(1L, -2L)), rewrite(new IntsV(List.of(1, -2)), IntsV.class, LongsV.class, keys));
    assertEquals(new DoublesV(List.of(1.0, 2.0)), rewrite(new LongsV(List.of(1L, 2L)), LongsV.class, DoublesV.class, keys));
    // Narrowing is fine while the value fits, an error once it does not.
    assertEquals(new IntV(5), rewrite(new LongV(5), LongV.class, IntV.class, keys));
    assertEquals(new FloatV(0.5f), rewrite(new DoubleV(0.5), DoubleV.class, FloatV.class, keys));
    DecodeException e = assertThrows(DecodeException.class, () -> rewrite(new LongV(1L << 40), LongV.class, IntV.class, keys));
    assertEquals("V.v", e.path());
    assertTrue(e.problem().contains("1099511627776 does not fit int32"), e.problem());
    assertThrows(DecodeException.class, () -> rewrite(new DoubleV(1e300), DoubleV.class, FloatV.class, keys));
    assertThrows(DecodeException.class, () -> rewrite(new DoubleV(1.5), DoubleV.class, IntV.class, keys));
  }

  @SchemaName("P") record Named(@Tag(1) String title) {}

  @SchemaName("P") record Renamed(@Tag(1) String heading) {}

  @SchemaName("P") record Retagged(@Tag(2) String title) {}

  @Test
  void renamesAreSafeByTagAndTagChangesByName() {
    assertEquals(new Renamed("x"), rewrite(new Named("x"), Named.class, Renamed.class, MsgpackKeys.TAGS));
    assertEquals(new Renamed(""), rewrite(new Named("x"), Named.class, Renamed.class, MsgpackKeys.NAMES));
    assertEquals(new Retagged("x"), rewrite(new Named("x"), Named.class, Retagged.class, MsgpackKeys.NAMES));
    assertEquals(new Retagged(""), rewrite(new Named("x"), Named.class, Retagged.class, MsgpackKeys.TAGS));
  }

  @SchemaName("U") record WithUnitV2(UnitV2 unit) {}

  @SchemaName("U") record WithUnit(Unit unit) {}

  @ParameterizedTest
  @EnumSource(MsgpackKeys.class)
  void unknownEnumConstantsWithoutFallbackFail(MsgpackKeys keys) {
    assertEquals(new WithUnit(Unit.KELVIN), rewrite(new WithUnitV2(UnitV2.KELVIN), WithUnitV2.class, WithUnit.class, keys));
    DecodeException e = assertThrows(DecodeException.class,
        () -> rewrite(new WithUnitV2(UnitV2.FAHRENHEIT), WithUnitV2.class, WithUnit.class, keys));
    assertTrue(e.problem().contains(keys == MsgpackKeys.NAMES ? "'FAHRENHEIT'" : "numbered 2"), e.problem());
  }

  @Test
  void genericRecordsKeepUnknownEnumNumbers() {
    EnumSchema e = EnumSchema.of("Unit", "CELSIUS");
    RecordSchema s = RecordSchema.of("U", Field.of("unit", 1, e));
    Codec<GenericRecord> generic = Codecs.generic("msgpack", s, mode(MsgpackKeys.TAGS));
    byte[] bytes = Codecs.get("msgpack", WithUnitV2.class, mode(MsgpackKeys.TAGS)).encode(new WithUnitV2(UnitV2.FAHRENHEIT));
    GenericRecord r = generic.decode(bytes);
    assertEquals(GenericEnum.unknown(2), r.get("unit"));
    assertEquals(new WithUnitV2(UnitV2.FAHRENHEIT),
        Codecs.get("msgpack", WithUnitV2.class, mode(MsgpackKeys.TAGS)).decode(generic.encode(r)));
    // In name mode an unknown number is still written as its number, and read back.
    Codec<GenericRecord> named = Codecs.generic("msgpack", s);
    GenericRecord unknown = GenericRecord.builder(s).set("unit", GenericEnum.unknown(9)).build();
    assertEquals(Hex.of(Hex.bytes("81 a4 756e6974 09")), Hex.of(named.encode(unknown)));
    assertEquals(unknown, named.decode(named.encode(unknown)));
  }

  @Test
  void genericSchemasEvolveToo() {
    RecordSchema v1 = RecordSchema.of("Sensor", Field.of("id", 1, Schema.string()), Field.of("reading", 2, Schema.int32()));
    RecordSchema v2 = RecordSchema.of("Sensor", Field.of("id", 1, Schema.string()), Field.of("reading", 2, Schema.int64()),
        Field.optional("unit", 3, Schema.string()), Field.of("samples", 4, Schema.list(Schema.float64())));
    for (MsgpackKeys keys : MsgpackKeys.values()) {
      GenericRecord old = GenericRecord.builder(v1).set("id", "a").set("reading", -3).build();
      GenericRecord read = Codecs.generic("msgpack", v2, mode(keys)).decode(Codecs.generic("msgpack", v1, mode(keys)).encode(old));
      assertEquals(GenericRecord.builder(v2).set("id", "a").set("reading", -3L).build(), read);
      assertEquals(null, read.get("unit"));
      GenericRecord back = Codecs.generic("msgpack", v1, mode(keys)).decode(Codecs.generic("msgpack", v2, mode(keys)).encode(
          read.toBuilder().set("unit", "C").set("samples", List.of(1.0, 2.5)).build()));
      assertEquals(old, back);
    }
  }

  @Test
  void nilMeansAbsentAndRepeatedKeysKeepTheLast() {
    record Opt(Optional<String> a, int b) {}
    Codec<Opt> c = Codecs.get("msgpack", Opt.class);
    assertEquals(new Opt(Optional.empty(), 0), c.decode(Hex.bytes("82 a1 61 c0 a1 62 c0")));
    assertEquals(new Opt(Optional.of("y"), 2), c.decode(Hex.bytes("84 a1 62 01 a1 61 a1 78 a1 61 a1 79 a1 62 02")));
    assertEquals(new Opt(Optional.empty(), 1), c.decode(Hex.bytes("83 a1 61 a1 78 a1 62 01 a1 61 c0")));
    // Field order on the wire does not matter.
    assertEquals(new Point(1, 2), Codecs.get("msgpack", Point.class).decode(Hex.bytes("82 a1 79 02 a1 78 01")));
  }

  @ParameterizedTest
  @EnumSource(MsgpackKeys.class)
  void olderGenericReadersReencodeUnknownFieldsInPlace(MsgpackKeys keys) {
    RecordSchema v1 = RecordSchema.of("Sensor", Field.of("b_id", 2, Schema.string()), Field.of("d_reading", 4, Schema.int64()));
    RecordSchema v2 = RecordSchema.of("Sensor", Field.of("a_site", 1, Schema.string()), Field.of("b_id", 2, Schema.string()),
        Field.of("c_tags", 3, Schema.list(Schema.string())), Field.of("d_reading", 4, Schema.int64()),
        Field.optional("e_unit", 5, Schema.string()));
    Codec<GenericRecord> writer = Codecs.generic("msgpack", v2, mode(keys));
    Codec<GenericRecord> reader = Codecs.generic("msgpack", v1, mode(keys));
    GenericRecord written = GenericRecord.builder(v2).set("a_site", "berlin").set("b_id", "s1")
        .set("c_tags", List.of("x", "y")).set("d_reading", 7L).set("e_unit", "C").build();
    byte[] bytes = writer.encode(written);
    GenericRecord read = reader.decode(bytes);
    assertEquals(GenericRecord.builder(v1).set("b_id", "s1").set("d_reading", 7L).build(), read);
    assertEquals(3, countEntries(read.unknownFields().bytes()), "a_site, c_tags, e_unit kept");
    // Unknown entries go back among the known ones in key order: the original bytes, exactly.
    assertEquals(Hex.of(bytes), Hex.of(reader.encode(read)));
    GenericRecord changed = read.toBuilder().set("d_reading", 8L).build();
    assertEquals(written.toBuilder().set("d_reading", 8L).build(), writer.decode(reader.encode(changed)));
    // Typed records cannot keep them; the other keyed mode drops them rather than mixing key types.
    MsgpackKeys other = keys == MsgpackKeys.NAMES ? MsgpackKeys.TAGS : MsgpackKeys.NAMES;
    GenericRecord crossed = Codecs.generic("msgpack", v1, mode(other)).decode(
        Codecs.generic("msgpack", v1, mode(other)).encode(read));
    assertEquals(io.polycodec.UnknownFields.NONE, crossed.unknownFields());
  }

  private static int countEntries(byte[] map) {
    return ((Map<?, ?>) Codecs.schemaless("msgpack").decode(map)).size();
  }

  @Test
  void unknownFieldsThatAreNotAMapAreAnEncodeError() {
    RecordSchema s = RecordSchema.of("S", Field.of("a", 1, Schema.int32()));
    GenericRecord r = GenericRecord.builder(s).unknownFields(io.polycodec.UnknownFields.of("msgpack", new byte[] {1})).build();
    assertThrows(io.polycodec.EncodeException.class, () -> Codecs.generic("msgpack", s).encode(r));
    GenericRecord other = GenericRecord.builder(s).unknownFields(io.polycodec.UnknownFields.of("protobuf", new byte[] {8, 1})).build();
    assertEquals(Hex.of(Hex.bytes("81 a1 61 00")), Hex.of(Codecs.generic("msgpack", s).encode(other)), "other formats' bytes are ignored");
  }
}
