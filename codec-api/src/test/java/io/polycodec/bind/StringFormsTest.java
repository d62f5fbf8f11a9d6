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

  record Collections(List<UUID> ids, java.util.Set<java.time.LocalDate> days, java.util.SortedSet<UUID> sorted,
      java.util.Map<String, java.math.BigDecimal> prices, java.util.Map<UUID, java.net.URI> links) {}

  @Test
  void insideListsSetsAndMapsTheyAreStringsTooAndBadTextNamesTheIndexOrKey() {
    RecordBinding<Collections> b = RecordBinding.of(Collections.class);
    assertEquals(Schema.list(Schema.string()), b.schema().field("ids").type());
    assertEquals(Schema.list(Schema.string()), b.schema().field("days").type());
    assertEquals(Schema.map(Schema.string(), Schema.string()), b.schema().field("prices").type());
    assertEquals(Schema.map(Schema.string(), Schema.string()), b.schema().field("links").type());
    UUID low = UUID.fromString("00000000-0000-0000-0000-000000000001");
    Collections c = new Collections(List.of(ID, low), java.util.Set.of(java.time.LocalDate.of(2024, 2, 29),
        java.time.LocalDate.of(1, 1, 1)), new java.util.TreeSet<>(java.util.Set.of(ID, low)),
        java.util.Map.of("a", new java.math.BigDecimal("1.50")), java.util.Map.of(ID, URI.create("urn:x")));
    assertEquals(List.of(ID.toString(), low.toString()), b.get(c, 0));
    // A set is sorted by the values' natural order (dates, not their text), then written as text.
    assertEquals(List.of("0001-01-01", "2024-02-29"), b.get(c, 1));
    assertEquals(java.util.Map.of("a", "1.50"), b.get(c, 3));
    assertEquals(java.util.Map.of(ID.toString(), "urn:x"), b.get(c, 4));

    FieldSlots s = b.newSlots();
    for (int i = 0; i < 5; i++) {
      s.set(i, b.get(c, i));
    }
    Collections back = b.build(s);
    assertEquals(c.ids(), back.ids());
    assertEquals(c.days(), back.days());
    assertEquals(c.sorted(), back.sorted());
    assertEquals("1.50", back.prices().get("a").toString());
    assertEquals(c.links(), back.links());

    FieldSlots bad = b.newSlots();
    bad.set(0, List.of(ID.toString(), "1-1-1-1-1"));
    DecodeException e = assertThrows(DecodeException.class, () -> b.build(bad));
    assertTrue(e.getMessage().contains("ids[1]") && e.getMessage().contains("not a UUID"), e.getMessage());
    FieldSlots badKey = b.newSlots();
    badKey.set(4, java.util.Map.of("nope", "urn:x"));
    e = assertThrows(DecodeException.class, () -> b.build(badKey));
    assertTrue(e.getMessage().contains("links") && e.getMessage().contains("nope"), e.getMessage());
    // Two texts of one date in a Set (a leap day written twice) are a repeated element.
    FieldSlots twice = b.newSlots();
    twice.set(1, List.of("2024-02-29", "2024-02-29"));
    e = assertThrows(DecodeException.class, () -> b.build(twice));
    assertTrue(e.getMessage().contains("days") && e.getMessage().contains("repeats"), e.getMessage());
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
