package io.polycodec.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.Codec;
import io.polycodec.Codecs;
import io.polycodec.DecodeException;
import io.polycodec.GenericRecord;
import io.polycodec.bind.RecordBinding;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Regression tests for the hostile-input review (issue 14): each failed before its fix. */
class Issue14Test {
  sealed interface Shape permits Pt, Line {}

  record Pt(double x, float y) implements Shape {}

  record Line(List<Double> xs) implements Shape {}

  record Holder(Shape shape) {}

  record Many(List<Shape> shapes) {}

  private static DecodeException refused(Codec<?> codec, String json) {
    return assertThrows(DecodeException.class, () -> codec.decode(json.getBytes(UTF_8)), json);
  }

  @Test
  void overflowingExponentsInABufferedUnionAreDecodeExceptions() {
    Codec<Holder> typed = Codecs.get("json", Holder.class);
    Codec<GenericRecord> generic = Codecs.generic("json", RecordBinding.of(Holder.class).schema());
    Codec<Many> many = Codecs.get("json", Many.class);
    for (String number : List.of("7e2147483649", "1e-2147483649", "1E999999999999", "1e2147483648", "-7e2147483649")) {
      for (String json : List.of(
          "{\"shape\":{\"x\":" + number + ",\"@type\":\"Pt\"}}",
          "{\"shape\":{\"y\":" + number + ",\"@type\":\"Pt\"}}",
          "{\"shape\":{\"xs\":[1," + number + "],\"@type\":\"Line\"}}",
          "{\"shape\":{\"@type\":\"Pt\",\"x\":" + number + ",\"y\":" + number + "}}")) {
        for (Codec<?> c : List.of(typed, generic, Codecs.schemaless("json"))) {
          try {
            c.decode(json.getBytes(UTF_8));
          } catch (DecodeException expected) {
            // an error is fine (the value is out of range); anything else is not
          }
        }
      }
      String list = "{\"shapes\":[{\"x\":" + number + ",\"@type\":\"Pt\"}]}";
      try {
        many.decode(list.getBytes(UTF_8));
      } catch (DecodeException expected) {
        // as above
      }
    }
    refused(typed, "{\"shape\":{\"x\":1e400,\"@type\":\"Pt\"}}");
    assertEquals(0.0, typed.decode("{\"shape\":{\"x\":1e-2147483649,\"@type\":\"Pt\"}}".getBytes(UTF_8)).shape()
        instanceof Pt p ? p.x() : -1);
  }

  @Test
  void errorsInsideABufferedUnionReportTheOffsetOfTheBadValue() {
    Codec<Holder> typed = Codecs.get("json", Holder.class);
    String json = "{\"shape\":   {\"x\":1.5,   \"y\":\"oops\",      \"@type\":\"Pt\"}}";
    DecodeException e = refused(typed, json);
    assertEquals(json.indexOf("\"oops\""), e.offset(), e.getMessage());
    assertEquals("Holder.shape.y", e.path(), e.getMessage());
    String late = "{\"shape\":{\"xs\":[1,2,  true],  \"@type\":\"Line\"}}";
    e = refused(typed, late);
    assertEquals(late.indexOf("true"), e.offset(), e.getMessage());
    assertEquals("Holder.shape.xs[2]", e.path(), e.getMessage());
    // from an offset into a larger array, the offset still counts from the array's start
    byte[] padded = ("xxxx" + json).getBytes(UTF_8);
    e = assertThrows(DecodeException.class, () -> typed.decode(padded, 4, padded.length - 4));
    assertEquals(4 + json.indexOf("\"oops\""), e.offset(), e.getMessage());
    // and for an error outside a union, the same coordinates
    String plain = "{\"shape\":{\"@type\":\"Pt\",\"x\":1.5,   \"y\":\"oops\"}}";
    e = refused(typed, plain);
    assertTrue(e.offset() == plain.indexOf("\"oops\""), e.getMessage());
  }

  record Text(String s, java.util.Map<String, Integer> m) {}

  record Blob(byte[] b) {}

  record Half(@io.polycodec.Quantized(io.polycodec.schema.Quantization.FP16) float[] v) {}

  record Int8(@io.polycodec.Quantized(io.polycodec.schema.Quantization.INT8) float[] v) {}

  private static io.polycodec.CodecOptions limits(io.polycodec.Limits l) {
    return io.polycodec.CodecOptions.defaults().withLimits(l);
  }

  @Test
  void maxStringBytesCountsUtf8BytesInValuesAndMapKeys() {
    Codec<Text> codec = Codecs.get("json", Text.class, limits(io.polycodec.Limits.defaults().withMaxStringBytes(64)));
    String euros = "€".repeat(22); // 22 chars, 66 bytes
    byte[] value = ("{\"s\":\"" + euros + "\",\"m\":{}}").getBytes(UTF_8);
    assertTrue(refused(codec, new String(value, UTF_8)).problem().contains("66 bytes"));
    byte[] key = ("{\"s\":\"\",\"m\":{\"" + euros + "\":1}}").getBytes(UTF_8);
    assertThrows(DecodeException.class, () -> codec.decode(key));
    assertThrows(io.polycodec.EncodeException.class, () -> codec.encode(new Text(euros, java.util.Map.of())));
    assertThrows(io.polycodec.EncodeException.class, () -> codec.encode(new Text("", java.util.Map.of(euros, 1))));
    String fits = "€".repeat(21); // 63 bytes
    Text t = new Text(fits, java.util.Map.of(fits, 1));
    assertEquals(t, codec.decode(codec.encode(t)));
  }

  @Test
  void whatTheEncoderWritesAtDefaultLimitsTheDecoderReads() {
    Codec<Blob> blobs = Codecs.get("json", Blob.class);
    byte[] big = new byte[12_582_913];
    big[big.length - 1] = 9;
    assertEquals(9, blobs.decode(blobs.encode(new Blob(big))).b()[big.length - 1]);
    Codec<Half> halves = Codecs.get("json", Half.class);
    float[] h = new float[8_388_609];
    h[h.length - 1] = 1.5f;
    assertEquals(1.5f, halves.decode(halves.encode(new Half(h))).v()[h.length - 1]);
    Codec<Int8> int8 = Codecs.get("json", Int8.class);
    float[] q = new float[16_777_213];
    q[0] = 1f;
    assertEquals(q.length, int8.decode(int8.encode(new Int8(q))).v().length);
  }

  record Link(java.util.Optional<Step> next) {}

  sealed interface Step permits Hop {}

  record Hop(java.util.Optional<Step> next) implements Step {}

  @Test
  void aUnionChainAtMaxDepthEncodesAndDecodesAndOnePastIsRefusedByTheEncoder() {
    int maxDepth = 10;
    Codec<Link> codec = Codecs.get("json", Link.class, limits(io.polycodec.Limits.defaults().withMaxDepth(maxDepth)));
    java.util.Optional<Step> chain = java.util.Optional.empty();
    for (int i = 1; i < maxDepth; i++) { // the root record is level 1; each member record one more
      chain = java.util.Optional.of(new Hop(chain));
    }
    Link atLimit = new Link(chain);
    assertEquals(atLimit, codec.decode(codec.encode(atLimit)));
    Link over = new Link(java.util.Optional.of(new Hop(chain)));
    assertThrows(io.polycodec.EncodeException.class, () -> codec.encode(over));
  }

  record Node(java.util.Optional<Node> next) {}

  @Test
  void aMaxDepthAboveJacksonsDefaultWritesAndReads() {
    int depth = 1500;
    Codec<Node> codec = Codecs.get("json", Node.class, limits(io.polycodec.Limits.defaults().withMaxDepth(depth)));
    Node n = new Node(java.util.Optional.empty());
    for (int i = 1; i < depth; i++) {
      n = new Node(java.util.Optional.of(n));
    }
    Node value = n;
    byte[] bytes = runOnBigStack(() -> codec.encode(value));
    Node back = runOnBigStack(() -> codec.decode(bytes));
    int d = 0;
    for (Node x = back; x != null; x = x.next().orElse(null)) {
      d++;
    }
    assertEquals(depth, d);
    Node over = new Node(java.util.Optional.of(value));
    assertThrows(io.polycodec.EncodeException.class, () -> runOnBigStack(() -> codec.encode(over)));
  }

  /** Deep values need a deep stack; this test is about Jackson's limit, not the thread's. */
  static <T> T runOnBigStack(java.util.concurrent.Callable<T> task) {
    Object[] out = new Object[1];
    RuntimeException[] failure = new RuntimeException[1];
    Thread t = new Thread(null, () -> {
      try {
        out[0] = task.call();
      } catch (RuntimeException e) {
        failure[0] = e;
      } catch (Exception e) {
        failure[0] = new RuntimeException(e);
      }
    }, "big-stack", 64L << 20);
    t.start();
    try {
      t.join();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
    if (failure[0] != null) {
      throw failure[0];
    }
    @SuppressWarnings("unchecked")
    T result = (T) out[0];
    return result;
  }

  record Doubles(double d, float f) {}

  @Test
  void doublesAreWrittenAsTheShortestTextInJavasFormat() {
    Codec<Doubles> codec = Codecs.get("json", Doubles.class);
    // Java 17's Double.toString gives 9.999999999999999E22 and 1.9999999999999998E23 here
    assertEquals("{\"d\":1.0E23,\"f\":0.0}", new String(codec.encode(new Doubles(1e23, 0f)), UTF_8));
    assertEquals("{\"d\":2.0E23,\"f\":0.0}", new String(codec.encode(new Doubles(2e23, 0f)), UTF_8));
    // two significant digits at least, as Java 19+ specifies: not "5e-324"
    assertEquals("{\"d\":4.9E-324,\"f\":1.4E-45}",
        new String(codec.encode(new Doubles(Double.MIN_VALUE, Float.MIN_VALUE)), UTF_8));
    for (double d : new double[] {1e23, 2e23, Double.MIN_VALUE, 0.1, -0.0, Double.MAX_VALUE}) {
      assertEquals(Double.doubleToRawLongBits(d),
          Double.doubleToRawLongBits(codec.decode(codec.encode(new Doubles(d, 0f))).d()));
    }
  }
}
