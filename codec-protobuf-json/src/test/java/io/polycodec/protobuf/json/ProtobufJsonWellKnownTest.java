package io.polycodec.protobuf.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.protobuf.BoolValue;
import com.google.protobuf.ByteString;
import com.google.protobuf.BytesValue;
import com.google.protobuf.DoubleValue;
import com.google.protobuf.Duration;
import com.google.protobuf.FieldMask;
import com.google.protobuf.Int64Value;
import com.google.protobuf.StringValue;
import com.google.protobuf.Timestamp;
import com.google.protobuf.UInt32Value;
import com.google.protobuf.util.JsonFormat;
import io.polycodec.Codec;
import io.polycodec.Codecs;
import io.polycodec.GenericRecord;
import io.polycodec.protobuf.json.testproto.WellKnownTypes;
import io.polycodec.schema.Field;
import io.polycodec.schema.IntEncoding;
import io.polycodec.schema.Kind;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.ScalarSchema;
import io.polycodec.schema.Schema;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Well-known types in an imported schema (records named {@code google.protobuf.*}, as codec-protobuf's
 * ProtoImport makes them) against JsonFormat on the generated {@code WellKnownTypes}: same text modulo
 * whitespace and key order, each reading the other's. The seed is in the test's name.
 */
class ProtobufJsonWellKnownTest {
  private static RecordSchema secondsNanos(String name) {
    return RecordSchema.of(name, Field.of("seconds", 1, ScalarSchema.of(Kind.INT64)),
        Field.of("nanos", 2, ScalarSchema.of(Kind.INT32)));
  }

  private static RecordSchema wrapper(String name, ScalarSchema value) {
    return RecordSchema.of("google.protobuf." + name, Field.of("value", 1, value));
  }

  private static final RecordSchema TIMESTAMP = secondsNanos("google.protobuf.Timestamp");
  private static final RecordSchema DURATION = secondsNanos("google.protobuf.Duration");
  private static final RecordSchema INT64 = wrapper("Int64Value", ScalarSchema.of(Kind.INT64));
  private static final RecordSchema UINT32 = wrapper("UInt32Value", ScalarSchema.of(Kind.INT32, IntEncoding.UNSIGNED));
  private static final RecordSchema DOUBLE = wrapper("DoubleValue", ScalarSchema.of(Kind.FLOAT64));
  private static final RecordSchema BOOL = wrapper("BoolValue", ScalarSchema.of(Kind.BOOL));
  private static final RecordSchema STRING = wrapper("StringValue", ScalarSchema.of(Kind.STRING));
  private static final RecordSchema BYTES = wrapper("BytesValue", ScalarSchema.of(Kind.BYTES));
  private static final RecordSchema MASK = RecordSchema.of("google.protobuf.FieldMask",
      Field.of("paths", 1, Schema.list(ScalarSchema.of(Kind.STRING))));
  private static final RecordSchema ROOT = RecordSchema.of("polycodec.pbjson.test.WellKnownTypes",
      Field.optional("at", 1, TIMESTAMP), Field.optional("took", 2, DURATION), Field.optional("big", 3, INT64),
      Field.optional("count", 4, UINT32), Field.optional("ratio", 5, DOUBLE), Field.optional("flag", 6, BOOL),
      Field.optional("name", 7, STRING), Field.optional("blob", 8, BYTES), Field.optional("mask", 9, MASK));
  private static final Codec<GenericRecord> CODEC = Codecs.generic("protobuf-json", ROOT);

  static LongStream seeds() {
    return LongStream.range(0, 200).map(i -> 77 + i * 0x9E3779B97F4A7C15L);
  }

  private static GenericRecord rec(RecordSchema s, Object... values) {
    GenericRecord.Builder b = GenericRecord.builder(s);
    for (int i = 0; i < values.length; i++) {
      b.set(i, values[i]);
    }
    return b.build();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void sameTextAndEachReadsTheOther(long seed) throws Exception {
    Random r = new Random(seed);
    GenericRecord.Builder g = GenericRecord.builder(ROOT);
    WellKnownTypes.Builder m = WellKnownTypes.newBuilder();
    if (r.nextBoolean()) {
      long s = -62135596800L + (long) (r.nextDouble() * 315537897599L);
      int n = pick(r, r.nextInt(1_000_000_000));
      g.set("at", rec(TIMESTAMP, s, n));
      m.setAt(Timestamp.newBuilder().setSeconds(s).setNanos(n));
    }
    if (r.nextBoolean()) {
      long s = (long) ((r.nextDouble() * 2 - 1) * 315_576_000_000L);
      int n = pick(r, r.nextInt(1_000_000_000));
      n = s < 0 ? -n : s == 0 && r.nextBoolean() ? -n : n;
      g.set("took", rec(DURATION, s, n));
      m.setTook(Duration.newBuilder().setSeconds(s).setNanos(n));
    }
    if (r.nextBoolean()) {
      long v = r.nextLong();
      g.set("big", rec(INT64, v));
      m.setBig(Int64Value.of(v));
    }
    if (r.nextBoolean()) {
      int v = r.nextInt();
      g.set("count", rec(UINT32, v));
      m.setCount(UInt32Value.of(v));
    }
    if (r.nextBoolean()) {
      double v = r.nextBoolean() ? Double.NaN : r.nextDouble() * 1e10;
      g.set("ratio", rec(DOUBLE, v));
      m.setRatio(DoubleValue.of(v));
    }
    if (r.nextBoolean()) {
      boolean v = r.nextBoolean();
      g.set("flag", rec(BOOL, v));
      m.setFlag(BoolValue.of(v));
    }
    if (r.nextBoolean()) {
      String v = r.nextBoolean() ? "" : "n\u00e9" + r.nextInt();
      g.set("name", rec(STRING, v));
      m.setName(StringValue.of(v));
    }
    if (r.nextBoolean()) {
      byte[] v = new byte[r.nextInt(5)];
      r.nextBytes(v);
      g.set("blob", rec(BYTES, (Object) v));
      m.setBlob(BytesValue.of(ByteString.copyFrom(v)));
    }
    if (r.nextBoolean()) {
      List<String> paths = List.of("user_id", "address.zip_code", "a").subList(0, r.nextInt(4));
      g.set("mask", rec(MASK, paths));
      m.setMask(FieldMask.newBuilder().addAllPaths(paths));
    }
    GenericRecord value = g.build();
    WellKnownTypes message = m.build();

    String ours = new String(CODEC.encode(value), StandardCharsets.UTF_8);
    String theirs = JsonFormat.printer().print(message);
    String where = "seed " + seed + "\nours:   " + ours + "\ntheirs: " + theirs;
    assertNull(JsonTrees.difference(JsonTrees.parse(ours), JsonTrees.parse(theirs), "$"), where);
    WellKnownTypes.Builder b = WellKnownTypes.newBuilder();
    JsonFormat.parser().merge(ours, b);
    assertEquals(message, b.build(), where);
    WellKnownTypes.Builder again = WellKnownTypes.newBuilder();
    JsonFormat.parser().merge(new String(CODEC.encode(CODEC.decode(theirs.getBytes(StandardCharsets.UTF_8))),
        StandardCharsets.UTF_8), again);
    assertEquals(message, again.build(), where);
  }

  private static int pick(Random r, int nanos) {
    switch (r.nextInt(4)) {
      case 0: return 0;
      case 1: return nanos / 1_000_000 * 1_000_000;
      case 2: return nanos / 1_000 * 1_000;
      default: return nanos;
    }
  }
}
