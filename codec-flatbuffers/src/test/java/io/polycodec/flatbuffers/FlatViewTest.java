package io.polycodec.flatbuffers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.CodecOptions;
import io.polycodec.GenericRecord;
import io.polycodec.Quantized;
import io.polycodec.schema.Kind;
import io.polycodec.schema.Quantization;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Views read in place: right values, nothing decoded up front, no allocation for scalars. */
class FlatViewTest {

  enum Level { LOW, HIGH }

  record Point(int x, int y) {}

  sealed interface Payload permits Text, Blob {}

  record Text(String text) implements Payload {}

  record Blob(byte[] data) implements Payload {}

  record Message(long id, int count, double score, boolean urgent, float ratio, String title, byte[] raw,
      Instant sent, Level level, Point origin, Optional<Point> target, Payload payload, List<String> tags,
      List<Point> path, List<Integer> numbers, List<byte[]> chunks, List<Payload> parts, float[] embedding,
      double[] series, @Quantized(Quantization.FP16) float[] half, Map<String, Integer> counts,
      Optional<String> note, Optional<Integer> maybe) {}

  static Message message() {
    return new Message(1L << 40, -3, 2.5, true, 0.25f, "héllo wörld", new byte[] {9, 8, 7},
        Instant.parse("2030-01-02T03:04:05.000000006Z"), Level.HIGH, new Point(1, 2), Optional.empty(),
        new Text("inside"), List.of("a", "", "ü"), List.of(new Point(3, 4), new Point(5, 6)), List.of(10, -20),
        List.of(new byte[] {1}, new byte[0]), List.of(new Blob(new byte[] {4}), new Text("t")),
        new float[] {1f, -2f, 3.5f}, new double[] {0.5, -0.25}, new float[] {1f, 0.5f}, Map.of("k", 1),
        Optional.empty(), Optional.of(0));
  }

  private final FlatBuffersCodec<Message> codec = FlatBuffersCodec.of(Message.class);

  @Test
  void gettersReadEachKindInPlace() {
    byte[] bytes = codec.encode(message());
    FlatView<Message> v = codec.view(ByteBuffer.wrap(bytes));
    assertEquals(1L << 40, v.getLong("id"));
    assertEquals(-3, v.getInt("count"));
    assertEquals(2.5, v.getDouble("score"));
    assertTrue(v.getBoolean("urgent"));
    assertEquals(0.25f, v.getFloat("ratio"));
    assertEquals("héllo wörld", v.getString("title"));
    assertEquals(ByteBuffer.wrap("héllo wörld".getBytes(StandardCharsets.UTF_8)), v.getUtf8("title"));
    assertEquals(ByteBuffer.wrap(new byte[] {9, 8, 7}), v.getBytes("raw"));
    assertEquals(Instant.parse("2030-01-02T03:04:05.000000006Z"), v.getTimestamp("sent"));
    assertEquals(1, v.getEnumNumber("level"));
    assertEquals(Level.HIGH, v.get("level"));
    assertEquals(2, v.getRecord("origin").getInt("y"));
    assertNull(v.getRecord("target"));
    assertEquals("Text", v.getUnionMember("payload"));
    assertEquals("inside", v.getUnion("payload").getString("text"));
    assertEquals(new Text("inside"), v.getUnion("payload").toValue());

    FlatList tags = v.getList("tags");
    assertEquals(3, tags.size());
    assertEquals(Kind.STRING, tags.elementKind());
    assertEquals("ü", tags.getString(2));
    assertEquals(0, tags.getUtf8(1).remaining());
    assertEquals(6, v.getList("path").getRecord(1).getInt("y"));
    assertEquals(-20, v.getList("numbers").getInt(1));
    assertEquals(List.of(10, -20), v.getList("numbers").toList());
    assertEquals(ByteBuffer.wrap(new byte[] {1}), v.getList("chunks").getBytes(0));
    assertEquals(0, v.getList("chunks").getBytes(1).remaining());
    assertEquals("t", v.getList("parts").getUnion(1).getString("text"));
    assertEquals(ByteBuffer.wrap(new byte[] {4}), v.getList("parts").getUnion(0).getBytes("data"));

    FloatBuffer emb = v.getFloatVector("embedding");
    assertEquals(3, emb.remaining());
    assertEquals(3.5f, emb.get(2));
    assertEquals(-0.25, v.getDoubleVector("series").get(1));
    assertArrayEquals(new float[] {1f, 0.5f}, (float[]) v.get("half"));
    assertThrows(IllegalArgumentException.class, () -> v.getFloatVector("half"), "quantized has no in-place form");
    assertEquals(Map.of("k", 1), v.get("counts"));
    assertNull(v.getString("note"));
    assertNull(v.get("note"));
    assertTrue(v.has("maybe"));
    assertEquals(0, v.get("maybe"));
  }

  @Test
  void absentFieldsReadAsTheirDefaults() {
    Message empty = new Message(0, 0, 0, false, 0, "", new byte[0], Instant.EPOCH, Level.LOW, new Point(0, 0),
        Optional.empty(), new Text(""), List.of(), List.of(), List.of(), List.of(), List.of(), new float[0], new double[0],
        new float[0], Map.of(), Optional.empty(), Optional.empty());
    FlatView<Message> v = codec.view(codec.encode(empty));
    assertFalse(v.has("id"));
    assertEquals(0L, v.getLong("id"));
    assertEquals("", v.getString("title"));
    assertEquals(0, v.getUtf8("title").remaining());
    assertEquals(0, v.getBytes("raw").remaining());
    assertEquals(Instant.EPOCH, v.getTimestamp("sent"));
    assertEquals(0, v.getEnumNumber("level"));
    assertEquals(0, v.getList("tags").size());
    assertEquals(0, v.getFloatVector("embedding").remaining());
    assertEquals(List.of(), v.get("tags"));
    assertFalse(v.has("maybe"));
    assertNull(v.get("maybe"));
  }

  @Test
  void wrongKindsAndNamesAreProgrammingErrors() {
    FlatView<Message> v = codec.view(codec.encode(message()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> v.getInt("id"));
    assertTrue(e.getMessage().contains("Message.id is a int64"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> v.getString("nope"));
    assertThrows(IndexOutOfBoundsException.class, () -> v.getLong(99));
    assertThrows(IllegalArgumentException.class, () -> v.getList("tags").getInt(0));
    assertThrows(IndexOutOfBoundsException.class, () -> v.getList("tags").getString(3));
  }

  @Test
  void viewsShareTheCallersBytesAndCannotWriteThem() {
    byte[] bytes = codec.encode(message());
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    buffer.position(0);
    FlatView<Message> v = codec.view(buffer);
    FloatBuffer emb = v.getFloatVector("embedding");
    assertEquals(0, buffer.position(), "the caller's buffer is untouched");
    assertEquals(bytes.length, buffer.limit());
    assertThrows(ReadOnlyBufferException.class, () -> emb.put(0, 9f));
    assertThrows(ReadOnlyBufferException.class, () -> v.getUtf8("title").put(0, (byte) 'x'));
    // Proof that nothing was copied: a change to the caller's bytes shows through the view.
    int at = indexOf(bytes, FloatBuffer.wrap(new float[] {1f, -2f, 3.5f}));
    ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).putFloat(at, 42f);
    assertEquals(42f, v.getFloatVector("embedding").get(0));
    assertEquals(42f, emb.get(0));
  }

  private static int indexOf(byte[] bytes, FloatBuffer floats) {
    ByteBuffer b = ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i + 12 <= bytes.length; i += 4) {
      if (b.getFloat(i) == floats.get(0) && b.getFloat(i + 4) == floats.get(1) && b.getFloat(i + 8) == floats.get(2)) {
        return i;
      }
    }
    throw new AssertionError("vector not found");
  }

  @Test
  void directAndReadOnlyBuffersAtAnOffset() {
    byte[] bytes = codec.encode(message());
    ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length + 16);
    direct.position(8);
    direct.put(bytes);
    direct.position(8).limit(8 + bytes.length);
    ByteBuffer readOnly = direct.asReadOnlyBuffer();
    FlatView<Message> v = codec.view(readOnly);
    assertEquals("héllo wörld", v.getString("title"));
    assertEquals(-3, v.getInt("count"));
    assertEquals(8, readOnly.position());
    same(message(), v.toValue());
  }

  @Test
  void scalarReadsAllocateNothing() {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    FlatView<Message> v = codec.view(codec.encode(message()));
    int id = codec.fieldIndex("id");
    int count = codec.fieldIndex("count");
    assertEquals(count, v.fieldIndex("count"));
    assertThrows(IllegalArgumentException.class, () -> codec.fieldIndex("nope"));
    int score = v.fieldIndex("score");
    FlatView<?> origin = v.getRecord("origin");
    long sum = 0;
    for (int i = 0; i < 20_000; i++) {
      sum += v.getLong(id) + v.getInt(count) + (long) v.getDouble(score) + origin.getInt(1);
    }
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 100_000; i++) {
      sum += v.getLong(id) + v.getInt(count) + (long) v.getDouble(score) + origin.getInt(1);
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertEquals((1L << 40) * 120_000 + (-3 + 2 + 2) * 120_000L, sum);
    // 400,000 reads: anything per read would be megabytes; allow for the measurement's own noise.
    assertTrue(allocated < 16_384, "allocated " + allocated + " bytes");
  }

  @Test
  void oneFieldOfALargeMessage() {
    Message big = new Message(77, 0, 0, false, 0, "x".repeat(200_000), new byte[100_000], Instant.EPOCH, Level.LOW,
        new Point(0, 0), Optional.empty(), new Text(""), List.of(), List.of(), List.of(), List.of(), List.of(),
        new float[50_000], new double[0], new float[0], Map.of(), Optional.empty(), Optional.empty());
    byte[] bytes = codec.encode(big);
    assertTrue(bytes.length > 500_000);
    FlatBuffersCodec<Message> trusting = FlatBuffersCodec.of(Message.class,
        CodecOptions.defaults().with(FlatBuffersOptions.VERIFY, false));
    assertEquals(77L, trusting.view(bytes).getLong("id"));
    assertEquals(77L, codec.view(bytes).getLong("id"));
  }

  @Test
  void genericViews() {
    GenericRecord value = new RandomValues(5, 4, false).record(TestSchemas.EVERYTHING);
    FlatBuffersCodec<GenericRecord> generic = FlatBuffersCodec.generic(TestSchemas.EVERYTHING);
    FlatView<GenericRecord> v = generic.view(generic.encode(value));
    GenericRecord expected = QuantizedValues.expected(value);
    for (int i = 0; i < TestSchemas.EVERYTHING.size(); i++) {
      // Equality of GenericRecords compares arrays and nested values by content.
      assertEquals(expected, expected.toBuilder().set(i, v.get(i)).build(), TestSchemas.EVERYTHING.field(i).name());
    }
  }

  /** Field-by-field comparison of Messages (they hold arrays). */
  private static void same(Message a, Message b) {
    assertEquals(a.title(), b.title());
    assertArrayEquals(a.raw(), b.raw());
    assertArrayEquals(a.embedding(), b.embedding());
    assertEquals(a.path(), b.path());
    assertEquals(a.payload(), b.payload());
    assertEquals(a.counts(), b.counts());
    assertEquals(a.sent(), b.sent());
  }
}
