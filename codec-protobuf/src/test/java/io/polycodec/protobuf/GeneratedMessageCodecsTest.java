package io.polycodec.protobuf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import io.polycodec.Codec;
import io.polycodec.CodecOptions;
import io.polycodec.Codecs;
import io.polycodec.DecodeException;
import io.polycodec.Limits;
import io.polycodec.protobuf.testproto.Address;
import io.polycodec.protobuf.testproto.Everything;
import io.polycodec.protobuf.testproto.Maps;
import io.polycodec.protobuf.testproto.Scalars;
import io.polycodec.protobuf.testproto.Tree;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The adapters for protoc-generated classes, binary and canonical proto3 JSON. */
class GeneratedMessageCodecsTest {
  private static final Codec<Everything> BINARY = ProtoMessageCodec.of(Everything.getDefaultInstance());
  private static final Codec<Everything> JSON = ProtoJsonCodec.of(Everything.getDefaultInstance());

  @Test
  void binaryAgreesWithTheRecordCodecOfTheSameSchema() {
    Codec<Kinds.Everything> records = Codecs.get("protobuf", Kinds.Everything.class);
    Seeds.forEach(100, seed -> {
      Kinds.Everything value = new RandomKinds(seed).everything();
      Everything message = KindsToProto.everything(value);
      byte[] bytes = BINARY.encode(message);
      assertArrayEquals(records.encode(value), bytes, "the same value, the same bytes");
      assertEquals(message, BINARY.decode(bytes));
    });
  }

  @Test
  void jsonIsTheCanonicalMapping() {
    Scalars s = Scalars.newBuilder().setI64(5).setText("é").setColorValue(2).setFlag(true)
        .setAt(Timestamp.newBuilder().setSeconds(1).setNanos(500_000_000)).setF64(Double.NaN).build();
    String json = new String(ProtoJsonCodec.of(Scalars.getDefaultInstance()).encode(s), StandardCharsets.UTF_8);
    assertEquals("{\"flag\":true,\"i64\":\"5\",\"f64\":\"NaN\",\"text\":\"é\",\"at\":\"1970-01-01T00:00:01.500Z\","
        + "\"color\":\"BLUE\"}", json);
    assertEquals(s, ProtoJsonCodec.of(Scalars.getDefaultInstance()).decode(json.getBytes(StandardCharsets.UTF_8)));
    Maps m = Maps.newBuilder().putScores("b", 2).putScores("a", 1).build();
    assertEquals("{\"scores\":{\"a\":1,\"b\":2}}",
        new String(ProtoJsonCodec.of(Maps.getDefaultInstance()).encode(m), StandardCharsets.UTF_8), "keys sorted");
    Seeds.forEach(50, seed -> {
      Everything message = KindsToProto.everything(new RandomKinds(seed).everything());
      assertEquals(withoutNegativeZero(message), JSON.decode(JSON.encode(message)));
    });
    // JsonFormat's known loss, documented on ProtoJsonCodec.
    Scalars negativeZero = Scalars.newBuilder().setF64(-0.0).build();
    assertEquals(Scalars.getDefaultInstance(), ProtoJsonCodec.of(Scalars.getDefaultInstance())
        .decode(ProtoJsonCodec.of(Scalars.getDefaultInstance()).encode(negativeZero)));
  }

  /** {@code m} with every double -0.0 made 0.0, which is what JsonFormat reads back (floats keep it). */
  @SuppressWarnings("unchecked")
  static <M extends Message> M withoutNegativeZero(M m) {
    Message.Builder b = m.toBuilder();
    for (Map.Entry<FieldDescriptor, Object> e : m.getAllFields().entrySet()) {
      FieldDescriptor f = e.getKey();
      if (f.isRepeated()) {
        b.clearField(f);
        for (Object v : (List<?>) e.getValue()) {
          b.addRepeatedField(f, fix(f, v));
        }
      } else {
        b.setField(f, fix(f, e.getValue()));
      }
    }
    return (M) b.build();
  }

  private static Object fix(FieldDescriptor f, Object v) {
    if (v instanceof Message) {
      return withoutNegativeZero((Message) v);
    }
    if (v instanceof Double && Double.doubleToRawLongBits((Double) v) == Long.MIN_VALUE) {
      return 0.0;
    }
    return v;
  }

  @Test
  void jsonIgnoresUnknownFields() {
    Address a = ProtoJsonCodec.of(Address.getDefaultInstance())
        .decode("{\"street\":\"x\",\"planet\":{\"deep\":[1,2]}}".getBytes(StandardCharsets.UTF_8));
    assertEquals(Address.newBuilder().setStreet("x").build(), a);
  }

  private static void bad(Codec<?> codec, byte[] input) {
    DecodeException e = assertThrows(DecodeException.class, () -> codec.decode(input));
    assertTrue(e.path().startsWith("polycodec.test."), e.getMessage());
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void badBinaryInput() {
    bad(BINARY, new byte[] {0x0A, 0x7F});
    bad(BINARY, new byte[] {0x0A, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07, 0, 0, 0, 0, 0, 0, 0, 0});
    bad(BINARY, new byte[] {(byte) 0x80});
    bad(BINARY, new byte[] {0x0F});
    byte[] deep = new byte[0];
    for (int i = 0; i < 150; i++) {
      deep = Tree.newBuilder().setLabel("x").build().toByteArray().length == 3 ? wrap(deep) : deep;
    }
    bad(ProtoMessageCodec.of(Tree.getDefaultInstance()), deep);
    Codec<Tree> deeper = ProtoMessageCodec.of(Tree.getDefaultInstance(),
        CodecOptions.defaults().withLimits(Limits.defaults().withMaxDepth(300)));
    assertEquals(150, depth(deeper.decode(deep)));
  }

  private static byte[] wrap(byte[] inner) {
    byte[] out = new byte[inner.length + 1 + com.google.protobuf.CodedOutputStream.computeUInt32SizeNoTag(inner.length)];
    com.google.protobuf.CodedOutputStream cos = com.google.protobuf.CodedOutputStream.newInstance(out);
    try {
      cos.writeByteArray(3, inner); // Tree.parent
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    return out;
  }

  private static int depth(Tree t) {
    int d = 0;
    for (Tree x = t; x.hasParent(); x = x.getParent()) {
      d++;
    }
    return d;
  }

  @Test
  void badJsonInput() {
    bad(JSON, utf8("{\"scalars\":"));
    bad(JSON, utf8("{\"scalars\": {\"i32\": \"many\"}}"));
    bad(JSON, utf8("{\"scalars\": {\"i32\": 4294967296}}"));
    bad(JSON, utf8("[1, 2]"));
    bad(JSON, utf8(""));
    bad(JSON, utf8("   "));
    bad(JSON, new byte[] {'{', '"', (byte) 0xC3, '"', ':', '1', '}'});
    bad(JSON, utf8("{} {}"));
    bad(JSON, utf8("{\"a\":1,}"));
    StringBuilder deep = new StringBuilder();
    deep.append("{\"unknown\":");
    deep.append("[".repeat(100_000)).append("]".repeat(100_000)).append('}');
    bad(JSON, utf8(deep.toString()));
    StringBuilder tree = new StringBuilder();
    for (int i = 0; i < 150; i++) {
      tree.append("{\"parent\":");
    }
    tree.append("{}").append("}".repeat(150));
    bad(ProtoJsonCodec.of(Tree.getDefaultInstance()), utf8(tree.toString()));
  }
}
