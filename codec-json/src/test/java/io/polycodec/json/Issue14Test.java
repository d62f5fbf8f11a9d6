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
}
