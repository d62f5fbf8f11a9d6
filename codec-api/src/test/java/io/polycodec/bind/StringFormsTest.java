package io.polycodec.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.DecodeException;
import io.polycodec.schema.Schema;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** UUID and URI components are strings in the model, in their standard text. */
class StringFormsTest {
  @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
  @interface Nullable {}

  record Resource(UUID id, URI home, Optional<UUID> parent, @Nullable URI icon) {}

  record Many(List<UUID> ids) {}

  private static final UUID ID = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");

  @Test
  void theSchemaSaysStringAndTheValueIsTheCanonicalText() {
    RecordBinding<Resource> b = RecordBinding.of(Resource.class);
    for (int i = 0; i < 4; i++) {
      assertEquals(Schema.string(), b.schema().field(i).type());
    }
    assertTrue(b.schema().field("parent").optional() && b.schema().field("icon").optional());
    Resource r = new Resource(ID, URI.create("https://example.org/a?b=c"), Optional.empty(), null);
    assertEquals("123e4567-e89b-12d3-a456-426614174000", b.get(r, 0));
    assertEquals("https://example.org/a?b=c", b.get(r, 1));
    assertNull(b.get(r, 2));
    assertNull(b.get(r, 3));
  }

  @Test
  void decodingParsesAndRejectsWhatIsNotAValue() {
    RecordBinding<Resource> b = RecordBinding.of(Resource.class);
    FieldSlots s = b.newSlots();
    s.set(0, "123E4567-E89B-12D3-A456-426614174000");
    s.set(1, "urn:isbn:0451450523");
    s.set(2, ID.toString());
    Resource r = b.build(s);
    assertEquals(ID, r.id());
    assertEquals(URI.create("urn:isbn:0451450523"), r.home());
    assertEquals(Optional.of(ID), r.parent());
    assertNull(r.icon());

    for (String bad : List.of("1-1-1-1-1", "123e4567e89b12d3a456426614174000", "", "123e4567-e89b-12d3-a456-42661417400g")) {
      FieldSlots t = b.newSlots();
      t.set(0, bad);
      t.set(1, "x");
      DecodeException e = assertThrows(DecodeException.class, () -> b.build(t), bad);
      assertTrue(e.getMessage().contains("id") && e.getMessage().contains("not a UUID"), e.getMessage());
    }
    FieldSlots u = b.newSlots();
    u.set(0, ID.toString());
    u.set(1, "http://a b");
    DecodeException e = assertThrows(DecodeException.class, () -> b.build(u));
    assertTrue(e.getMessage().contains("home") && e.getMessage().contains("not a URI"), e.getMessage());
  }

  @Test
  void insideACollectionTheyAreStringsToo() {
    RecordBinding<Many> b = RecordBinding.of(Many.class);
    assertEquals(Schema.list(Schema.string()), b.schema().field(0).type());
    Many m = new Many(List.of(ID, new UUID(0, 1)));
    assertEquals(List.of("123e4567-e89b-12d3-a456-426614174000", "00000000-0000-0000-0000-000000000001"), b.get(m, 0));
    FieldSlots s = b.newSlots();
    s.set(0, b.get(m, 0));
    assertEquals(m, b.build(s));
    FieldSlots t = b.newSlots();
    t.set(0, List.of(ID.toString(), "nope"));
    DecodeException e = assertThrows(DecodeException.class, () -> b.build(t));
    assertTrue(e.getMessage().startsWith("ids[1]: ") && e.getMessage().contains("not a UUID"), e.getMessage());
  }

  record Everyday(java.math.BigDecimal price, java.math.BigInteger big, java.time.LocalDate day,
      java.time.LocalTime at, java.time.LocalDateTime when, java.time.OffsetDateTime stamp) {}

  @Test
  void decimalsAndJavaTimeRoundTripExactlyAtTheirEdges() {
    RecordBinding<Everyday> b = RecordBinding.of(Everyday.class);
    List<Everyday> values = List.of(
        new Everyday(new java.math.BigDecimal("123.4500"), new java.math.BigInteger("-" + "9".repeat(200)),
            java.time.LocalDate.of(2024, 2, 29), java.time.LocalTime.of(23, 59, 59, 999_999_999),
            java.time.LocalDateTime.of(1, 1, 1, 0, 0), java.time.OffsetDateTime.parse("2026-12-03T10:15:30.5+14:00")),
        new Everyday(new java.math.BigDecimal("1E-1000"), java.math.BigInteger.ZERO, java.time.LocalDate.of(10000, 1, 1),
            java.time.LocalTime.MIDNIGHT, java.time.LocalDateTime.of(-5, 6, 7, 8, 9, 10),
            java.time.OffsetDateTime.parse("1970-01-01T00:00Z")));
    for (Everyday v : values) {
      FieldSlots s = b.newSlots();
      for (int i = 0; i < 6; i++) {
        s.set(i, b.get(v, i));
      }
      Everyday back = b.build(s);
      assertEquals(v, back);
      assertEquals(v.price().scale(), back.price().scale(), "the scale is kept: 123.4500 is not 123.45");
      assertEquals(v.stamp().getOffset(), back.stamp().getOffset());
    }
    assertEquals("1E-1000", b.get(values.get(1), 0));
    assertEquals("+10000-01-01", b.get(values.get(1), 2));
  }

  @Test
  void textThatIsNotADecimalOrDateIsADecodeException() {
    RecordBinding<Everyday> b = RecordBinding.of(Everyday.class);
    String[][] bad = {{"0", "1e"}, {"1", "12.5"}, {"2", "2023-02-29"}, {"3", "24:00"}, {"4", "2020-01-01"},
        {"5", "2020-01-01T00:00"}, {"0", "1".repeat(10_001)}};
    String[] valid = {"1.5", "7", "2024-02-29", "12:00", "2020-01-01T00:00", "2020-01-01T00:00Z"};
    for (String[] c : bad) {
      FieldSlots s = b.newSlots();
      for (int k = 0; k < valid.length; k++) {
        s.set(k, valid[k]);
      }
      int i = Integer.parseInt(c[0]);
      s.set(i, c[1]);
      DecodeException e = assertThrows(DecodeException.class, () -> b.build(s), c[1]);
      assertTrue(e.getMessage().contains(b.schema().field(i).name()), e.getMessage());
    }
  }
}
