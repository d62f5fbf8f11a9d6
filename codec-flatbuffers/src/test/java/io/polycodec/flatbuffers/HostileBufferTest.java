package io.polycodec.flatbuffers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.flatbuffers.FlatBufferBuilder;
import io.polycodec.CodecOptions;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.GenericRecord;
import io.polycodec.Limits;
import io.polycodec.bind.RecordBinding;
import io.polycodec.schema.Field;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import io.polycodec.schema.UnionSchema;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Hand-crafted hostile buffers: each must give a DecodeException that says where and what. */
class HostileBufferTest {
  private final FlatBuffersCodec<GenericRecord> nodes = FlatBuffersCodec.generic(TestSchemas.NODE);

  /** Node {label: "hi"}, laid out by hand: root offset, vtable, table, string. */
  private static byte[] labelled() {
    ByteBuffer b = ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(0, 12);              // root table at 12
    b.putShort(4, (short) 6);     // vtable at 4: 6 bytes,
    b.putShort(6, (short) 8);     //   table of 8 bytes,
    b.putShort(8, (short) 4);     //   field 0 (label) at table + 4
    b.putInt(12, 12 - 4);         // table: soffset to its vtable
    b.putInt(16, 20 - 16);        // label: uoffset to the string at 20
    b.putInt(20, 2);              // string: length 2, "hi", terminator, padding
    b.put(24, (byte) 'h').put(25, (byte) 'i').put(26, (byte) 0);
    return b.array();
  }

  /** Node {label: "hi", next: <itself>}: the next offset wraps around to point backwards. */
  private static byte[] cyclic() {
    ByteBuffer b = ByteBuffer.allocate(36).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(0, 16);
    b.putShort(4, (short) 10).putShort(6, (short) 12).putShort(8, (short) 4).putShort(10, (short) 0).putShort(12, (short) 8);
    b.putInt(16, 16 - 4);
    b.putInt(20, 28 - 20);
    b.putInt(24, 16 - 24);        // uoffset 0xFFFFFFF8: a signed reader would loop back to the table
    b.putInt(28, 2);
    b.put(32, (byte) 'h').put(33, (byte) 'i');
    return b.array();
  }

  /** Node {children: []}, by hand, so that the vector's length can be patched (at offset 20). */
  private static byte[] withChildren() {
    ByteBuffer b = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(0, 12);
    b.putShort(4, (short) 8).putShort(6, (short) 8).putShort(8, (short) 0).putShort(10, (short) 4);
    b.putInt(12, 12 - 4);
    b.putInt(16, 20 - 16);
    b.putInt(20, 0);
    return b.array();
  }

  private static byte[] patch(byte[] base, Consumer<ByteBuffer> change) {
    byte[] copy = base.clone();
    change.accept(ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN));
    return copy;
  }

  private static DecodeException rejects(FlatBuffersCodec<?> codec, byte[] bytes, String... mentions) {
    DecodeException e = assertThrows(DecodeException.class, () -> codec.decode(bytes));
    assertThrows(DecodeException.class, () -> codec.view(ByteBuffer.wrap(bytes)));
    assertThrows(DecodeException.class, () -> codec.verify(ByteBuffer.wrap(bytes)));
    assertEquals("flatbuffers", e.format());
    for (String m : mentions) {
      assertTrue(e.getMessage().contains(m), () -> "'" + e.getMessage() + "' should mention " + m);
    }
    return e;
  }

  @Test
  void theHandMadeBuffersAreValid() {
    assertEquals("hi", nodes.decode(labelled()).get("label"));
    assertEquals(List.of(), nodes.decode(withChildren()).get("children"));
  }

  @Test
  void tooShortOrTooLong() {
    for (int n = 0; n < 4; n++) {
      rejects(nodes, new byte[n], "at least 4 bytes");
    }
    FlatBuffersCodec<GenericRecord> small = FlatBuffersCodec.of(RecordBinding.generic(TestSchemas.NODE),
        CodecOptions.defaults().withLimits(Limits.defaults().withMaxMessageBytes(16)));
    rejects(small, labelled(), "exceeds the limit of 16");
  }

  @Test
  void rootOffsets() {
    rejects(nodes, patch(labelled(), b -> b.putInt(0, 1000)), "outside the 28-byte buffer", "at offset 0");
    rejects(nodes, patch(labelled(), b -> b.putInt(0, 0)), "points to itself");
    rejects(nodes, patch(labelled(), b -> b.putInt(0, -8)), "outside");
    rejects(nodes, patch(labelled(), b -> b.putInt(0, 13)), "not 4-byte aligned");
    rejects(nodes, patch(labelled(), b -> b.putInt(0, 24)), "vtable at -26960 is outside");
    rejects(nodes, patch(labelled(), b -> b.putInt(0, 26)), "not 4-byte aligned");
  }

  @Test
  void offsetCycleIsRejectedNotFollowed() {
    DecodeException e = rejects(nodes, cyclic(), "outside", "tree.Node.next");
    assertEquals(24, e.offset());
  }

  @Test
  void unverifiedReadsStillFollowOffsetsForwardOnly() {
    FlatBuffersCodec<GenericRecord> trusting = FlatBuffersCodec.of(RecordBinding.generic(TestSchemas.NODE),
        CodecOptions.defaults().with(FlatBuffersOptions.VERIFY, false));
    assertEquals("hi", trusting.decode(labelled()).get("label"));
    // Read as signed, the backward offset would recurse through the same table until the stack overflows.
    assertThrows(IndexOutOfBoundsException.class, () -> trusting.decode(cyclic()));
    assertThrows(IndexOutOfBoundsException.class, () -> trusting.view(ByteBuffer.wrap(cyclic())).getRecord("next"));
  }

  @Test
  void vtables() {
    rejects(nodes, patch(labelled(), b -> b.putInt(12, -1000)), "vtable at 1012 is outside");
    rejects(nodes, patch(labelled(), b -> b.putInt(12, 1000)), "vtable at -988 is outside");
    rejects(nodes, patch(labelled(), b -> b.putInt(12, 12 - 5)), "not 2-byte aligned");
    rejects(nodes, patch(labelled(), b -> b.putShort(4, (short) 5)), "vtable size 5");
    rejects(nodes, patch(labelled(), b -> b.putShort(4, (short) 2)), "vtable size 2");
    rejects(nodes, patch(labelled(), b -> b.putShort(4, (short) 0xFFFE)), "runs past the end");
    rejects(nodes, patch(labelled(), b -> b.putShort(6, (short) 0xFFFF)), "table of 65535 bytes runs past");
    rejects(nodes, patch(labelled(), b -> b.putShort(6, (short) 2)), "smaller than a table's header");
  }

  @Test
  void fieldsOutsideTheirTableOrMisaligned() {
    rejects(nodes, patch(labelled(), b -> b.putShort(8, (short) 100)), "outside its 8-byte table", "tree.Node.label");
    rejects(nodes, patch(labelled(), b -> b.putShort(8, (short) 2)), "outside its 8-byte table");
    rejects(nodes, patch(labelled(), b -> b.putShort(6, (short) 12).putShort(8, (short) 5)), "not 4-byte aligned");
  }

  @Test
  void strings() {
    rejects(nodes, patch(labelled(), b -> b.put(26, (byte) 'x')), "not zero-terminated", "tree.Node.label");
    rejects(nodes, patch(labelled(), b -> b.putInt(20, 4)), "no terminator inside the buffer");
    rejects(nodes, patch(labelled(), b -> b.putInt(20, 0x7FFF_FFFF)), "exceeds the limit");
    rejects(nodes, patch(labelled(), b -> b.putInt(20, -1)), "4294967295 elements exceeds the limit");
    FlatBuffersCodec<GenericRecord> lax = FlatBuffersCodec.of(RecordBinding.generic(TestSchemas.NODE),
        CodecOptions.defaults().withLimits(Limits.defaults().withMaxStringBytes(Integer.MAX_VALUE)));
    rejects(lax, patch(labelled(), b -> b.putInt(20, 0x7FFF_FFFF)), "runs past the end");
    rejects(nodes, patch(labelled(), b -> b.putInt(16, 22 - 16)), "not 4-byte aligned");
  }

  @Test
  void badUtf8FailsOnDecodeButIsReadableAsBytes() {
    byte[] bad = patch(labelled(), b -> b.put(24, (byte) 0xC3).put(25, (byte) 0x28));
    DecodeException e = assertThrows(DecodeException.class, () -> nodes.decode(bad));
    assertTrue(e.getMessage().contains("tree.Node.label") && e.getMessage().contains("UTF-8"), e.getMessage());
    assertEquals(24, e.offset());
    FlatView<GenericRecord> view = nodes.view(ByteBuffer.wrap(bad));
    ByteBuffer utf8 = view.getUtf8("label");
    assertEquals(2, utf8.remaining());
    assertEquals((byte) 0xC3, utf8.get(0));
    assertThrows(DecodeException.class, () -> view.getString("label"));
  }

  @Test
  void vectors() {
    rejects(nodes, patch(withChildren(), b -> b.putInt(20, 0x7FFF_FFFF)), "exceeds the limit", "tree.Node.children");
    rejects(nodes, patch(withChildren(), b -> b.putInt(20, 0x8000_0000)), "2147483648 elements exceeds");
    rejects(nodes, patch(withChildren(), b -> b.putInt(20, 1)), "runs past the end");
    FlatBuffersCodec<GenericRecord> lax = FlatBuffersCodec.of(RecordBinding.generic(TestSchemas.NODE),
        CodecOptions.defaults().withLimits(Limits.defaults().withMaxCollectionSize(Integer.MAX_VALUE)));
    rejects(lax, patch(withChildren(), b -> b.putInt(20, 0x4000_0000)), "runs past the end");
    rejects(lax, patch(withChildren(), b -> b.putInt(20, -1)), "4294967295 elements exceeds the limit of 2147483647");
  }

  @Test
  void nestingDeeperThanTheLimit() {
    GenericRecord chain = GenericRecord.builder(TestSchemas.NODE).set("label", "end").build();
    for (int i = 0; i < 150; i++) {
      chain = GenericRecord.builder(TestSchemas.NODE).set("next", chain).build();
    }
    GenericRecord deep = chain;
    EncodeException tooDeep = assertThrows(EncodeException.class, () -> nodes.encode(deep));
    assertTrue(tooDeep.getMessage().contains("deeper than the limit of 100"), tooDeep.getMessage());
    FlatBuffersCodec<GenericRecord> lenient = FlatBuffersCodec.of(RecordBinding.generic(TestSchemas.NODE),
        CodecOptions.defaults().withLimits(Limits.defaults().withMaxDepth(1000)));
    byte[] bytes = lenient.encode(deep);
    assertEquals(deep, lenient.decode(bytes));
    rejects(nodes, bytes, "nesting deeper than the limit of 100", "tree.Node.next.next.next");
  }

  @Test
  void sharedSubtreesCannotBlowUpVerification() {
    // 12 levels of 16 offsets to one shared node: 16^12 paths for a tree walk, in under 2 KB.
    FlatBufferBuilder b = new FlatBufferBuilder();
    b.startTable(5);
    int node = b.endTable();
    for (int level = 0; level < 12; level++) {
      int[] kids = new int[16];
      Arrays.fill(kids, node);
      int vec = b.createVectorOfTables(kids);
      b.startTable(5);
      b.addOffset(1, vec, 0);
      node = b.endTable();
    }
    b.finish(node);
    byte[] bytes = b.sizedByteArray();
    assertTrue(bytes.length < 2048, "size " + bytes.length);
    rejects(nodes, bytes, "too many tables, vectors and strings");
    FlatBuffersCodec<GenericRecord> strict = FlatBuffersCodec.of(RecordBinding.generic(TestSchemas.NODE),
        CodecOptions.defaults().with(FlatBuffersOptions.MAX_SHARED_VISITS, 0));
    // One level of sharing is still fine within the allowance of one visit per 4 bytes.
    FlatBufferBuilder one = new FlatBufferBuilder();
    one.startTable(5);
    int leaf = one.endTable();
    int vec = one.createVectorOfTables(new int[] {leaf, leaf, leaf});
    one.startTable(5);
    one.addOffset(1, vec, 0);
    one.finish(one.endTable());
    assertEquals(3, ((List<?>) strict.decode(one.sizedByteArray()).get("children")).size());
  }

  @Test
  void aLargeStringSharedByManyOffsetsIsRefusedBeforeDecodingCopiesIt() {
    RecordSchema strings = RecordSchema.of("t.Strings", Field.of("items", 1, Schema.list(Schema.string())));
    FlatBuffersCodec<GenericRecord> codec = FlatBuffersCodec.generic(strings);
    FlatBufferBuilder b = new FlatBufferBuilder();
    char[] text = new char[1 << 20];
    Arrays.fill(text, 'x');
    int s = b.createString(new String(text));
    int[] same = new int[1000];
    Arrays.fill(same, s);
    int vec = b.createVectorOfTables(same); // a vector of offsets, as a list of strings is
    b.startTable(1);
    b.addOffset(0, vec, 0);
    b.finish(b.endTable());
    byte[] bytes = b.sizedByteArray();
    assertTrue(bytes.length < (1 << 20) + 8192, "size " + bytes.length);
    // 1,000 copies of 1 MB would be 1 GB of strings decoded from a 1 MB message.
    rejects(codec, bytes, "too many bytes of vectors and strings");
    // The same string reached a few times stays within the allowance.
    FlatBufferBuilder few = new FlatBufferBuilder();
    int t = few.createString("shared");
    int v = few.createVectorOfTables(new int[] {t, t, t});
    few.startTable(1);
    few.addOffset(0, v, 0);
    few.finish(few.endTable());
    assertEquals(List.of("shared", "shared", "shared"), codec.decode(few.sizedByteArray()).get("items"));
  }

  @Test
  void unions() {
    UnionSchema childV2 = UnionSchema.of("tree.Child", List.of(
        new UnionSchema.Member("leaf", 1, TestSchemas.ADDRESS), new UnionSchema.Member("extra", 3, TestSchemas.EMPTY)));
    RecordSchema nodeV2 = RecordSchema.of("tree.Node", Field.optional("child", 5, childV2));
    byte[] newer = FlatBuffersCodec.generic(nodeV2).encode(GenericRecord.builder(nodeV2)
        .set("child", GenericRecord.builder(TestSchemas.EMPTY).build()).build());
    rejects(nodes, newer, "3 is not a member tag of union tree.Child", "tree.Node.child");

    // The holder layout (earlier snapshots, @HolderUnion): child is one id (4), a table {type 0, value 1}.
    FlatBuffersCodec<GenericRecord> holders = FlatBuffersCodec.of(RecordBinding.generic(TestSchemas.NODE),
        CodecOptions.defaults().with(FlatBuffersOptions.LAYOUT, FlatLayout.builder().holderUnion("tree.Node", "child")
            .build()));
    FlatBufferBuilder b = new FlatBufferBuilder();
    b.startTable(2);
    b.addByte(0, (byte) 1, 0);
    int typeOnly = b.endTable();
    b.startTable(5);
    b.addOffset(4, typeOnly, 0);
    b.finish(b.endTable());
    rejects(holders, b.sizedByteArray(), "has a type but no value");

    FlatBufferBuilder c = new FlatBufferBuilder();
    c.startTable(3);
    int leaf = c.endTable();
    c.startTable(2);
    c.addOffset(1, leaf, 0);
    int valueOnly = c.endTable();
    c.startTable(5);
    c.addOffset(4, valueOnly, 0);
    c.finish(c.endTable());
    rejects(holders, c.sizedByteArray(), "holds no member");

    // flatc's layout (the default): child_type at id 4, child at id 5.
    FlatBufferBuilder d = new FlatBufferBuilder();
    d.startTable(3);
    int bare = d.endTable();
    d.startTable(6);
    d.addOffset(5, bare, 0);
    d.finish(d.endTable());
    rejects(nodes, d.sizedByteArray(), "has a value but no type", "tree.Node.child");
    FlatBufferBuilder e = new FlatBufferBuilder();
    e.startTable(3);
    int other = e.endTable();
    e.startTable(6);
    e.addOffset(5, other, 0);
    e.addByte(4, (byte) 9, 0);
    e.finish(e.endTable());
    rejects(nodes, e.sizedByteArray(), "9 is not a member tag of union tree.Child", "tree.Node.child");
  }

  @Test
  void requiredUnionMissing() {
    RecordSchema holder = RecordSchema.of("Holder", Field.of("shape", 1, TestSchemas.SHAPE));
    FlatBufferBuilder b = new FlatBufferBuilder();
    b.startTable(1);
    b.finish(b.endTable());
    DecodeException e = rejectsOnDecode(FlatBuffersCodec.generic(holder), b.sizedByteArray());
    assertTrue(e.getMessage().contains("Holder.shape") && e.getMessage().contains("missing"), e.getMessage());
  }

  enum Color { RED, GREEN }

  record Colored(Color color) {}

  record Stamped(java.time.Instant at) {}

  @Test
  void valuesOutsideTheirType() {
    FlatBufferBuilder b = new FlatBufferBuilder();
    b.startTable(1);
    b.addInt(0, 7, 0);
    b.finish(b.endTable());
    DecodeException e = rejectsOnDecode(FlatBuffersCodec.of(Colored.class), b.sizedByteArray());
    assertTrue(e.getMessage().contains("7 is not a number of enum Color") && e.getMessage().contains("Colored.color"),
        e.getMessage());
    for (long[] secondsNanos : new long[][] {{Long.MAX_VALUE, 0}, {0, -1}, {0, 1_000_000_000}}) {
      FlatBufferBuilder t = new FlatBufferBuilder();
      t.startTable(1);
      t.prep(8, 16);
      t.pad(4);
      t.putInt((int) secondsNanos[1]);
      t.putLong(secondsNanos[0]);
      t.slot(0);
      t.finish(t.endTable());
      DecodeException te = rejectsOnDecode(FlatBuffersCodec.of(Stamped.class), t.sizedByteArray());
      assertTrue(te.getMessage().contains("Stamped.at") && te.getMessage().contains("outside"), te.getMessage());
      assertTrue(te.offset() > 0);
    }
  }

  /** Structurally valid, so it verifies, but the values cannot be decoded. */
  private static DecodeException rejectsOnDecode(FlatBuffersCodec<?> codec, byte[] bytes) {
    codec.verify(ByteBuffer.wrap(bytes));
    DecodeException e = assertThrows(DecodeException.class, () -> codec.decode(bytes));
    assertThrows(DecodeException.class, () -> codec.view(ByteBuffer.wrap(bytes)).toValue());
    return e;
  }

  @Test
  void eightByteElementsMustBeAlignedUnlessThereAreNone() {
    RecordSchema s = RecordSchema.of("L", Field.of("longs", 1, Schema.list(Schema.int64())));
    FlatBuffersCodec<GenericRecord> codec = FlatBuffersCodec.generic(s);
    // root, vtable [6, 8, 4], table (soffset, offset to the vector at 24), vector length, elements at 28.
    ByteBuffer b = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(0, 12);
    b.putShort(4, (short) 6).putShort(6, (short) 8).putShort(8, (short) 4);
    b.putInt(12, 12 - 4);
    b.putInt(16, 24 - 16);
    b.putInt(24, 0);
    assertEquals(List.of(), codec.decode(b.array()).get("longs"), "flatc writes empty ones unaligned");
    b.putInt(24, 1);
    b.putLong(28, 5);
    rejects(codec, b.array(), "not 8-byte aligned", "L.longs");
  }

  @Test
  void timestampStructMustBeAligned() {
    RecordSchema s = RecordSchema.of("S", Field.of("at", 1, Schema.timestamp()));
    ByteBuffer b = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(0, 12);
    b.putShort(4, (short) 6).putShort(6, (short) 24).putShort(8, (short) 8);   // struct at table + 8 = 20
    b.putInt(12, 12 - 4);
    rejects(FlatBuffersCodec.generic(s), b.array(), "not 8-byte aligned", "S.at");
  }
}
