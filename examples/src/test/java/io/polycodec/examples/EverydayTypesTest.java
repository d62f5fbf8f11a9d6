package io.polycodec.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.polycodec.Codec;
import io.polycodec.Codecs;
import io.polycodec.GenericRecord;
import io.polycodec.bind.RecordBinding;
import io.polycodec.schema.RecordSchema;
import io.polycodec.tck.gen.TypedValues;
import io.polycodec.tck.zoo.Zoo;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's "done when", section 2: one record holding every everyday type (byte, short, UUID, URI,
 * BigDecimal, BigInteger, LocalDate, LocalTime, LocalDateTime, OffsetDateTime, Duration, Set, SortedSet,
 * Optional and lists and maps of them: {@link Zoo.Everyday}) at the edges of each type round-trips exactly
 * in all four formats, as the Java record and as a GenericRecord. Its .proto export compiles with protoc in
 * codec-protobuf's ProtoExportTest, its .fbs export with flatc in codec-flatbuffers' FlatcOracleTest, and
 * every backend's TCK round-trips generated values of it.
 */
class EverydayTypesTest {
  private static final List<String> FORMATS = List.of("json", "protobuf", "msgpack", "flatbuffers");

  @Test
  void everyEverydayTypeRoundTripsExactlyInEveryFormatTypedAndGeneric() {
    Zoo.Everyday value = Zoo.everydayEdges();
    RecordBinding<Zoo.Everyday> binding = RecordBinding.of(Zoo.Everyday.class);
    RecordSchema schema = binding.schema();
    GenericRecord generic = TypedValues.toGeneric(binding, value);
    for (String format : FORMATS) {
      Codec<Zoo.Everyday> typed = Codecs.get(format, Zoo.Everyday.class);
      Codec<GenericRecord> untyped = Codecs.generic(format, schema);
      byte[] bytes = typed.encode(value);
      Zoo.Everyday back = typed.decode(bytes);
      // Record equality is exact here: BigDecimal compares scales, OffsetDateTime offsets, sets their elements.
      assertEquals(value, back, format);
      assertEquals(value.price().scale(), back.price().scale(), format);
      assertEquals(generic, untyped.decode(bytes), format + ": the GenericRecord reads the typed bytes");
      assertEquals(generic, untyped.decode(untyped.encode(generic)), format + ": GenericRecord round trip");
      assertEquals(value, typed.decode(untyped.encode(generic)), format + ": the record reads the generic bytes");
      assertArrayEquals(bytes, typed.encode(back), format + ": decoding and encoding again changes no byte");
    }
  }

  @Test
  void equalValuesThatJavaWritesDifferentlyStayDistinct() {
    // 1.50 and 1.5 are different BigDecimals (equals keeps the scale): no format may merge them.
    Zoo.Everyday a = Zoo.everydayEdges();
    Zoo.Everyday b = withPrice(a, new BigDecimal("1.50"));
    Zoo.Everyday c = withPrice(a, new BigDecimal("1.5"));
    for (String format : FORMATS) {
      Codec<Zoo.Everyday> codec = Codecs.get(format, Zoo.Everyday.class);
      assertNotEquals(codec.decode(codec.encode(b)).price(), codec.decode(codec.encode(c)).price(), format);
      assertEquals("1.50", codec.decode(codec.encode(b)).price().toString(), format);
    }
  }

  private static Zoo.Everyday withPrice(Zoo.Everyday e, BigDecimal price) {
    return new Zoo.Everyday(e.id(), e.home(), price, e.big(), e.day(), e.time(), e.local(), e.stamp(), e.ttl(), e.tiny(),
        e.small(), e.tags(), e.ranks(), e.parent(), e.grace(), e.seen(), e.discount(), e.timeout(), e.ids(), e.days(),
        e.times(), e.bigs(), e.steps(), e.stamps(), e.prices(), e.timeouts(), e.links(), e.sortedIds());
  }
}
