package io.polycodec.flatbuffers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.CodecOptions;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.GenericRecord;
import io.polycodec.SchemaException;
import io.polycodec.Tag;
import io.polycodec.bind.RecordBinding;
import io.polycodec.schema.RecordSchema;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FlatBuffers structs: inline fixed layout as flatc lays it out (alignment, padding, force_align),
 * structs of structs, vectors of structs, fixed-size arrays of numbers, enums and structs; typed
 * ({@link FlatStruct}, {@link FlatArray}) and generic ({@link FlatLayout}); flatc as the oracle both ways;
 * allocation-free struct reads from views; the verifier on mutated buffers.
 */
class StructTest {
  @FlatEnum("ubyte")
  enum Color { Red, Green, Blue }

  @FlatEnum("long")
  enum Wide { Narrow, Broad }

  @FlatEnum("short")
  enum Medium { Low, High }

  /** flatc: size 4, align 2 (a short, a byte, one byte of padding). */
  @FlatStruct
  record Duo(short a, byte b) {}

  /** flatc: x,y,z at 0,4,8; test1 at 16 (8-aligned); test2 (ubyte) at 24; test3 at 26; size 32, align 8. */
  @FlatStruct
  record Vec3(float x, float y, float z, double test1, Color test2, Duo test3) {}

  /** force_align 16 on one byte: size 16. */
  @FlatStruct(forceAlign = 16)
  record Aligned(byte tag) {}

  @FlatStruct
  record Nested(@FlatArray(2) List<Integer> a, Color b, @FlatArray(2) List<Color> c, @FlatArray(2) List<Long> d) {}

  @FlatStruct
  record Arrays(float a, @FlatArray(15) List<Integer> b, byte c, @FlatArray(2) List<Nested> d, int e,
      @FlatArray(2) List<Long> f) {}

  record Monster(@Tag(1) Vec3 pos, @Tag(2) String name, @Tag(3) List<Vec3> path, @Tag(4) Optional<Duo> maybe,
      @Tag(5) Arrays arrays, @Tag(6) Aligned aligned, @Tag(7) List<Duo> tests, @Tag(8) int hp,
      @Tag(9) Wide wide, @Tag(10) List<Medium> mediums) {}

  static Monster monster(long seed) {
    Random rnd = new Random(seed);
    List<Vec3> path = new ArrayList<>();
    for (int i = rnd.nextInt(4); i > 0; i--) {
      path.add(vec(rnd));
    }
    List<Duo> tests = new ArrayList<>();
    for (int i = rnd.nextInt(4); i > 0; i--) {
      tests.add(test(rnd));
    }
    Nested n1 = nested(rnd);
    Nested n2 = nested(rnd);
    List<Integer> b = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      b.add(rnd.nextInt());
    }
    Arrays arrays = new Arrays(rnd.nextInt(1000) / 8f, b, (byte) rnd.nextInt(), List.of(n1, n2), rnd.nextInt(),
        List.of(rnd.nextLong(), rnd.nextLong()));
    return new Monster(vec(rnd), "orc" + seed, path, rnd.nextBoolean() ? Optional.of(test(rnd)) : Optional.empty(),
        arrays, new Aligned((byte) rnd.nextInt()), tests, rnd.nextInt(200), Wide.values()[rnd.nextInt(2)],
        rnd.nextBoolean() ? List.of(Medium.High, Medium.Low) : List.of());
  }

  private static Vec3 vec(Random rnd) {
    // Multiples of 1/8 print exactly in flatc's 6-decimal floats.
    return new Vec3(rnd.nextInt(1000) / 8f, -rnd.nextInt(1000) / 8f, rnd.nextInt(10), rnd.nextInt(1 << 20) / 64.0,
        Color.values()[rnd.nextInt(3)], test(rnd));
  }

  private static Duo test(Random rnd) {
    return new Duo((short) rnd.nextInt(), (byte) rnd.nextInt());
  }

  private static Nested nested(Random rnd) {
    return new Nested(List.of(rnd.nextInt(), rnd.nextInt()), Color.values()[rnd.nextInt(3)],
        List.of(Color.values()[rnd.nextInt(3)], Color.values()[rnd.nextInt(3)]), List.of(rnd.nextLong(), rnd.nextLong()));
  }

  private static final FlatBuffersCodec<Monster> CODEC = FlatBuffersCodec.of(Monster.class);

  @Test
  void typedRoundTrip() {
    for (long seed = 0; seed < 50; seed++) {
      Monster m = monster(seed);
      assertEquals(m, CODEC.decode(CODEC.encode(m)), "seed " + seed);
    }
  }

  @Test
  void exportDeclaresStructsArraysAndForceAlign() {
    String fbs = CODEC.fbs();
    assertTrue(fbs.contains("struct Vec3 {"), fbs);
    assertTrue(fbs.contains("struct Aligned (force_align: 16) {"), fbs);
    assertTrue(fbs.contains("  b: [int:15];"), fbs);
    assertTrue(fbs.contains("  d: [io.polycodec.flatbuffers.StructTest.Nested:2];")
        || fbs.contains("  d: [StructTest.Nested:2];") || fbs.matches("(?s).*  d: \\[[A-Za-z.]*Nested:2\\];.*"), fbs);
    assertTrue(fbs.indexOf("struct Duo {") < fbs.indexOf("struct Vec3 {"), "nested structs first:\n" + fbs);
    assertTrue(fbs.contains("table Monster {"), fbs);
    assertTrue(fbs.contains("enum Color : ubyte {") && fbs.contains("enum Wide : long {")
        && fbs.contains("enum Medium : short {"), fbs);
  }

  /** Sizes and offsets of flatc's struct layout, checked on Polycodec's own bytes. */
  @Test
  void layoutIsFlatcs() {
    Monster m = new Monster(new Vec3(1f, 2f, 3f, 4.0, Color.Blue, new Duo((short) 5, (byte) 6)), "", List.of(),
        Optional.empty(), CODEC.decode(CODEC.encode(monster(1))).arrays(), new Aligned((byte) 7), List.of(), 0, Wide.Broad, List.of());
    ByteBuffer bb = ByteBuffer.wrap(CODEC.encode(m)).order(ByteOrder.LITTLE_ENDIAN);
    int root = bb.getInt(0);
    int vt = root - bb.getInt(root);
    int pos = root + bb.getShort(vt + 4);
    assertEquals(0, pos % 8, "Vec3 is 8-aligned");
    assertEquals(1f, bb.getFloat(pos));
    assertEquals(3f, bb.getFloat(pos + 8));
    assertEquals(4.0, bb.getDouble(pos + 16));
    assertEquals(2, bb.get(pos + 24));
    assertEquals(5, bb.getShort(pos + 26));
    assertEquals(6, bb.get(pos + 28));
    int wide = root + bb.getShort(vt + 4 + 2 * 8);
    assertEquals(1L, bb.getLong(wide), "a long enum takes 8 bytes");
    int aligned = root + bb.getShort(vt + 4 + 2 * 5);
    assertEquals(0, aligned % 16, "force_align 16");
    assertEquals(7, bb.get(aligned));
    StructLayout vec3 = (StructLayout) layout(0);
    assertEquals(32, vec3.slotSize());
    StructLayout arrays = (StructLayout) layout(4);
    // flatc's ArrayStruct (arrays_test.fbs): a at 0, b[15] at 4, c at 64, d[2] of 32-byte NestedStruct at 72,
    // e at 136, f at 144: 160 bytes.
    assertEquals(160, arrays.slotSize());
    assertEquals(8, arrays.slotAlign());
  }

  private static Layout layout(int field) {
    return PlanCompiler.compile(RecordBinding.of(Monster.class), FlatLayout.DEFAULT).plan().layouts[field];
  }

  @Test
  void flatcBothWays(@TempDir Path dir) throws IOException {
    Flatc.require();
    RecordSchema schema = CODEC.schema();
    // The same schema as GenericRecords, with the layout the annotations gave: the generic path too.
    FlatBuffersCodec<GenericRecord> generic = FlatBuffersCodec.of(RecordBinding.generic(schema),
        CodecOptions.defaults().with(FlatBuffersOptions.LAYOUT, CODEC.layout()));
    assertEquals(CODEC.fbs(), generic.fbs());
    Files.writeString(dir.resolve("m.fbs"), CODEC.fbs());
    int n = 30;
    List<String> toJson = new ArrayList<>(List.of("--json", "--strict-json", "--raw-binary", "-o", "j", "m.fbs", "--"));
    List<String> toBin = new ArrayList<>(List.of("-b", "-o", "b", "m.fbs"));
    List<GenericRecord> values = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      GenericRecord g = generic.decode(CODEC.encode(monster(100 + i)));
      values.add(g);
      Files.write(dir.resolve("p" + i + ".bin"), generic.encode(g));
      toJson.add("p" + i + ".bin");
      Files.writeString(dir.resolve("f" + i + ".json"), FlatcJson.write(g));
      toBin.add("f" + i + ".json");
    }
    Flatc.run(dir, toJson);
    Flatc.run(dir, toBin);
    for (int i = 0; i < n; i++) {
      String context = "seed " + (100 + i);
      GenericRecord printed = FlatcJson.read(Files.readString(dir.resolve("j").resolve("p" + i + ".json")), schema);
      FlatcOracleTest.assertClose(schema, values.get(i), printed, "flatc printed Polycodec's bytes, " + context);
      byte[] flatcBytes = Files.readAllBytes(dir.resolve("b").resolve("f" + i + ".bin"));
      assertEquals(values.get(i), generic.decode(flatcBytes), "Polycodec decoded flatc's bytes, " + context);
      assertEquals(monster(100 + i), CODEC.decode(flatcBytes), context);
    }
  }

  @Test
  void structReadsFromViewsAllocateNothing() {
    Monster m = monster(7);
    FlatView<Monster> view = CODEC.view(CODEC.encode(m));
    int pos = CODEC.fieldIndex("pos");
    int path = CODEC.fieldIndex("path");
    StructView s = new StructView();
    StructView inner = new StructView();
    assertEquals(m.pos().y(), view.getStruct(pos, s).getFloat(1));
    assertEquals(m.pos().test3().a(), s.getStruct(5, inner).getInt(0));
    assertEquals(m.pos().test2().ordinal(), s.getEnumNumber(4));
    assertEquals(m.pos(), s.toValue());
    FlatList list = view.getList(path);
    for (int k = 0; k < list.size(); k++) {
      assertEquals(m.path().get(k).test1(), list.getStruct(k, s).getDouble(3));
    }
    StructView arrays = view.getStruct(CODEC.fieldIndex("arrays"));
    assertEquals(15, arrays.arrayLength(1));
    assertEquals(m.arrays().b().get(14), arrays.getInt(1, 14));
    assertEquals(m.arrays().d().get(1).d().get(1), arrays.getStruct(3, 1, inner).getLong(3, 1));
    assertEquals(m.arrays().d().get(1).c().get(0).ordinal(), inner.getEnumNumber(2, 0));
    assertEquals(m.maybe().isPresent(), view.getStruct(CODEC.fieldIndex("maybe"), s) != null);
    assertThrows(IllegalArgumentException.class, () -> view.getRecord(pos));
    assertThrows(IllegalArgumentException.class, () -> arrays.getInt(0));
    assertThrows(IndexOutOfBoundsException.class, () -> arrays.getInt(1, 15));

    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    double sum = 0;
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 100_000; i++) {
      StructView v = view.getStruct(pos, s);
      sum += v.getFloat(0) + v.getDouble(3) + v.getStruct(5, inner).getInt(1) + arrays.getLong(5, i & 1);
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertTrue(sum != 0);
    // 100,000 reads of five struct members: an allocation per read would be megabytes.
    assertTrue(allocated < 100_000, allocated + " bytes allocated by 100,000 struct reads");
  }

  @Test
  void absentStructsReadAsDefaults() {
    RecordSchema schema = CODEC.schema();
    FlatBuffersCodec<GenericRecord> generic = FlatBuffersCodec.of(RecordBinding.generic(schema),
        CodecOptions.defaults().with(FlatBuffersOptions.LAYOUT, CODEC.layout()));
    // A table with no fields at all: what another writer may send.
    com.google.flatbuffers.FlatBufferBuilder b = new com.google.flatbuffers.FlatBufferBuilder();
    b.startTable(0);
    b.finish(b.endTable());
    Monster m = CODEC.decode(b.sizedByteArray());
    assertEquals(new Vec3(0, 0, 0, 0, Color.Red, new Duo((short) 0, (byte) 0)), m.pos());
    assertEquals(List.of(0, 0), m.arrays().d().get(0).a());
    assertEquals(Optional.empty(), m.maybe());
    assertEquals(m, CODEC.decode(CODEC.encode(m)));
    assertNull(CODEC.view(b.sizedByteArray()).getStruct(0, new StructView()));
    assertEquals(generic.decode(CODEC.encode(m)), generic.decode(generic.encode(generic.decode(CODEC.encode(m)))));
  }

  @FlatStruct
  record WithString(int a, String s) {}

  record HoldsWithString(@Tag(1) WithString w) {}

  @FlatStruct
  record WithList(List<Integer> xs) {}

  record HoldsWithList(@Tag(1) WithList w) {}

  record ArrayInTable(@Tag(1) @FlatArray(2) List<Integer> xs) {}

  @FlatStruct
  record Self(int a, Optional<Integer> b) {}

  record HoldsSelf(@Tag(1) Self s) {}

  @Test
  void whatStructsCannotHoldIsASchemaException() {
    assertTrue(assertThrows(SchemaException.class, () -> FlatBuffersCodec.of(HoldsWithString.class)).getMessage()
        .contains("WithString.s"));
    assertTrue(assertThrows(SchemaException.class, () -> FlatBuffersCodec.of(HoldsWithList.class)).getMessage()
        .contains("fixed-size array"));
    assertTrue(assertThrows(SchemaException.class, () -> FlatBuffersCodec.of(ArrayInTable.class)).getMessage()
        .contains("only allowed in FlatBuffers structs"));
    assertTrue(assertThrows(SchemaException.class, () -> FlatBuffersCodec.of(HoldsSelf.class)).getMessage()
        .contains("cannot be optional"));
  }

  @Test
  void anArrayOfTheWrongLengthIsAnEncodeException() {
    Monster m = monster(3);
    Arrays bad = new Arrays(1f, List.of(1, 2), (byte) 0, m.arrays().d(), 0, m.arrays().f());
    Monster wrong = new Monster(m.pos(), m.name(), m.path(), m.maybe(), bad, m.aligned(), m.tests(), 1, m.wide(),
        m.mediums());
    EncodeException e = assertThrows(EncodeException.class, () -> CODEC.encode(wrong));
    assertTrue(e.getMessage().contains("arrays.b") && e.getMessage().contains("15"), e.getMessage());
  }

  @Test
  void verifierRefusesMisplacedStructsAndVectorsOfThem() {
    byte[] good = CODEC.encode(monster(11));
    ByteBuffer bb = ByteBuffer.wrap(good).order(ByteOrder.LITTLE_ENDIAN);
    int root = bb.getInt(0);
    int vt = root - bb.getInt(root);
    // pos (id 0) moved by 4 bytes: misaligned for an 8-aligned struct.
    byte[] misaligned = good.clone();
    ByteBuffer.wrap(misaligned).order(ByteOrder.LITTLE_ENDIAN).putShort(vt + 4, (short) (bb.getShort(vt + 4) + 4));
    DecodeException e = assertThrows(DecodeException.class, () -> CODEC.decode(misaligned));
    assertTrue(e.getMessage().contains("pos"), e.getMessage());
    // arrays (id 4) pointed past its table: the 160-byte struct runs outside.
    byte[] outside = good.clone();
    ByteBuffer.wrap(outside).order(ByteOrder.LITTLE_ENDIAN).putShort(vt + 4 + 2 * 4, (short) 0x7FF8);
    e = assertThrows(DecodeException.class, () -> CODEC.decode(outside));
    assertTrue(e.getMessage().contains("arrays"), e.getMessage());
    // path (id 2): its vector's length made huge.
    int pathSlot = root + bb.getShort(vt + 4 + 2 * 2);
    int vec = pathSlot + bb.getInt(pathSlot);
    byte[] longVector = good.clone();
    ByteBuffer.wrap(longVector).order(ByteOrder.LITTLE_ENDIAN).putInt(vec, 1 << 20);
    e = assertThrows(DecodeException.class, () -> CODEC.decode(longVector));
    assertTrue(e.getMessage().contains("path"), e.getMessage());
    assertThrows(DecodeException.class, () -> CODEC.view(ByteBuffer.wrap(longVector)));
  }

  /** Every single-byte mutation decodes or is a DecodeException: never an unchecked exception. */
  @Test
  void mutatedBuffersAreDecodeExceptionsOrValues() {
    for (long seed = 0; seed < 20; seed++) {
      byte[] good = CODEC.encode(monster(seed));
      Random rnd = new Random(seed);
      for (int i = 0; i < 400; i++) {
        byte[] bad = good.clone();
        int at = rnd.nextInt(bad.length);
        bad[at] = (byte) rnd.nextInt();
        try {
          CODEC.decode(bad);
        } catch (DecodeException expected) {
          // fine
        } catch (RuntimeException | Error other) {
          throw new AssertionError("seed " + seed + ", byte " + at + " set to " + bad[at] + ": " + other, other);
        }
      }
    }
  }
}
