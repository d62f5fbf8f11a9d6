package io.polycodec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.bind.FieldSlots;
import io.polycodec.bind.RecordBinding;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** User types mapped onto model types by adapters: on the type, on a component, or on a registry. */
class AdaptersTest {
  @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
  @interface Nullable {}

  /** A user type that is not a record: the model cannot map it without an adapter. */
  @Adapted(MoneyAdapter.class)
  static final class Money {
    final long cents;
    final Currency currency;

    Money(long cents, Currency currency) {
      this.cents = cents;
      this.currency = currency;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Money && ((Money) o).cents == cents && ((Money) o).currency.equals(currency);
    }

    @Override
    public int hashCode() {
      return Long.hashCode(cents) * 31 + currency.hashCode();
    }
  }

  record MoneyModel(long units, String currency) {}

  public static final class MoneyAdapter implements TypeAdapter<Money, MoneyModel> {
    @Override
    public Class<Money> javaType() {
      return Money.class;
    }

    @Override
    public Class<MoneyModel> modelType() {
      return MoneyModel.class;
    }

    @Override
    public MoneyModel toModel(Money m) {
      return new MoneyModel(m.cents, m.currency.getCurrencyCode());
    }

    @Override
    public Money fromModel(MoneyModel m) {
      return new Money(m.units(), Currency.getInstance(m.currency()));
    }
  }

  record Email(String value) implements Comparable<Email> {
    Email {
      if (!value.contains("@")) {
        throw new IllegalArgumentException("no @ in an e-mail address");
      }
    }

    @Override
    public int compareTo(Email o) {
      return value.compareTo(o.value);
    }
  }

  public static final class EmailAdapter implements TypeAdapter<Email, String> {
    @Override
    public Class<Email> javaType() {
      return Email.class;
    }

    @Override
    public Class<String> modelType() {
      return String.class;
    }

    @Override
    public String toModel(Email e) {
      return e.value();
    }

    @Override
    public Email fromModel(String s) {
      return new Email(s);
    }
  }

  record Invoice(Money total, @Adapted(EmailAdapter.class) Email to, Optional<Money> discount, @Nullable Money tip,
      List<Money> lines, Map<String, Money> byTax, @Adapted(EmailAdapter.class) Set<Email> cc,
      @Adapted(EmailAdapter.class) SortedSet<Email> bcc) {}

  private static final Currency EUR = Currency.getInstance("EUR");

  private static Invoice invoice() {
    return new Invoice(new Money(1250, EUR), new Email("a@example.org"), Optional.of(new Money(-5, EUR)), null,
        List.of(new Money(1, EUR), new Money(2, Currency.getInstance("JPY"))), Map.of("vat", new Money(3, EUR)),
        Set.of(new Email("c@example.org")), new TreeSet<>(Set.of(new Email("z@x.y"), new Email("b@x.y"))));
  }

  private static <T> T roundTrip(RecordBinding<T> b, T value) {
    FieldSlots s = b.newSlots();
    for (int i = 0; i < b.schema().size(); i++) {
      Object v = b.get(value, i);
      if (v != null) {
        s.set(i, v);
      }
    }
    return b.build(s);
  }

  @Test
  void theSchemaIsTheModelTypesAndValuesRoundTripInEveryShape() {
    RecordBinding<Invoice> b = RecordBinding.of(Invoice.class);
    RecordSchema money = RecordBinding.of(MoneyModel.class).schema();
    RecordSchema s = b.schema();
    assertEquals(money, s.field("total").type());
    assertEquals(Schema.string(), s.field("to").type());
    assertTrue(s.field("discount").optional() && s.field("tip").optional());
    assertEquals(Schema.list(money), s.field("lines").type());
    assertEquals(Schema.map(Schema.string(), money), s.field("byTax").type());
    assertEquals(Schema.list(Schema.string()), s.field("cc").type());

    Invoice v = invoice();
    assertEquals(new MoneyModel(1250, "EUR"), b.get(v, 0));
    assertEquals("a@example.org", b.get(v, 1));
    assertNull(b.get(v, 3));
    assertEquals(List.of("b@x.y", "z@x.y"), b.get(v, 7), "a SortedSet goes in its order");
    Invoice back = roundTrip(b, v);
    assertEquals(v, back);
    assertTrue(back.bcc() instanceof SortedSet);
  }

  @Test
  void aRegistryAdapterIsIsolatedAndBeatsTheTypesAnnotation() {
    record Cents(long cents) {}
    TypeAdapter<Money, Long> asCents = TypeAdapter.of(Money.class, Long.class, m -> m.cents, c -> new Money(c, EUR));
    CodecRegistry one = CodecRegistry.builder().adapter(asCents).build();
    CodecRegistry two = CodecRegistry.builder()
        .adapter(TypeAdapter.of(Money.class, String.class, m -> m.cents + " " + m.currency, AdaptersTest::parse))
        .build();
    record Price(Money amount) {}
    assertEquals(Schema.int64(), one.schemaOf(Price.class).field(0).type());
    assertEquals(Schema.string(), two.schemaOf(Price.class).field(0).type());
    assertEquals(RecordBinding.of(MoneyModel.class).schema(), Codecs.schemaOf(Price.class).field(0).type(),
        "the default registry (Codecs) is unaffected: the type's own @Adapted");
    assertSame(one.binding(Price.class), one.binding(Price.class), "cached per registry");
    assertNotEquals(one.binding(Price.class), two.binding(Price.class));

    RecordBinding<Price> b = one.binding(Price.class);
    Price p = new Price(new Money(77, EUR));
    assertEquals(77L, b.getLong(p, 0), "a boxed model type is a primitive field: the codecs read it unboxed");
    assertEquals(p, roundTrip(b, p));
    assertEquals(p, roundTrip(two.binding(Price.class), p));
    assertEquals(List.of(asCents), one.adapters());
  }

  private static Money parse(String s) {
    String[] parts = s.split(" ");
    return new Money(Long.parseLong(parts[0]), Currency.getInstance(parts[1]));
  }

  record Account(@Adapted(EmailAdapter.class) Email owner, List<Money> history) {}

  @Test
  void adapterFailuresAreCodecExceptionsNamingTheFieldAndTheAdapter() {
    RecordBinding<Account> b = RecordBinding.of(Account.class);
    FieldSlots s = b.newSlots();
    s.set(0, "not an address");
    DecodeException d = assertThrows(DecodeException.class, () -> b.build(s));
    assertTrue(d.getMessage().startsWith("owner: adapter " + EmailAdapter.class.getName())
        && d.getMessage().contains("no @ in an e-mail address"), d.getMessage());

    FieldSlots t = b.newSlots();
    t.set(0, "a@b.c");
    t.set(1, List.of(new MoneyModel(1, "EUR"), new MoneyModel(2, "XYZ")));
    d = assertThrows(DecodeException.class, () -> b.build(t));
    assertTrue(d.getMessage().startsWith("history[1]: adapter ") && d.getMessage().contains("MoneyAdapter"),
        d.getMessage());

    TypeAdapter<Money, String> throwing = TypeAdapter.of(Money.class, String.class, m -> {
      throw new IllegalStateException("boom");
    }, x -> null);
    record Price(Money amount, Optional<Money> old) {}
    RecordBinding<Price> p = CodecRegistry.builder().adapter(throwing).build().binding(Price.class);
    EncodeException e = assertThrows(EncodeException.class, () -> p.get(new Price(new Money(1, EUR),
        Optional.empty()), 0));
    assertTrue(e.getMessage().contains("Money->String failed") && e.getMessage().contains("boom"), e.getMessage());
    assertTrue(e.getCause() instanceof IllegalStateException);
    FieldSlots u = p.newSlots();
    u.set(0, "1 EUR");
    d = assertThrows(DecodeException.class, () -> p.build(u));
    assertTrue(d.getMessage().startsWith("amount: adapter Money->String returned null"), d.getMessage());

    RecordBinding<Price> nulls = CodecRegistry.builder()
        .adapter(TypeAdapter.of(Money.class, String.class, m -> null, AdaptersTest::parse)).build().binding(Price.class);
    e = assertThrows(EncodeException.class, () -> nulls.get(new Price(new Money(1, EUR), Optional.empty()), 0));
    assertTrue(e.getMessage().contains("returned null for a Money"), e.getMessage());
    e = assertThrows(EncodeException.class, () -> nulls.get(new Price(new Money(1, EUR),
        Optional.of(new Money(2, EUR))), 1));
    assertTrue(e.getMessage().contains("returned null for a Money"), e.getMessage());
  }

  record Paid(Currency currency) {}

  record Wrong(@Adapted(EmailAdapter.class) Money m) {}

  record OnAPrimitive(@Adapted(EmailAdapter.class) long m) {}

  @Test
  void whatCannotBeMappedIsASchemaExceptionThatNamesTheWayOut() {
    SchemaException e = assertThrows(SchemaException.class, () -> RecordBinding.of(Paid.class));
    assertTrue(e.getMessage().startsWith("Paid.currency: java.util.Currency is not supported: supported are records"),
        e.getMessage());
    assertTrue(e.getMessage().contains("UUID") && e.getMessage().contains("@Adapted(CurrencyAdapter.class)")
        && e.getMessage().contains("CodecRegistry.builder().adapter(TypeAdapter.of(Currency.class"), e.getMessage());

    e = assertThrows(SchemaException.class, () -> RecordBinding.of(Wrong.class));
    assertTrue(e.getMessage().contains("Wrong.m") && e.getMessage().contains("adapts " + Email.class.getName()),
        e.getMessage());

    e = assertThrows(SchemaException.class, () -> RecordBinding.of(OnAPrimitive.class));
    assertTrue(e.getMessage().startsWith("OnAPrimitive.m: @Adapted applies to"), e.getMessage());

    TypeAdapter<Currency, Money> chain = TypeAdapter.of(Currency.class, Money.class, c -> null, m -> null);
    e = assertThrows(SchemaException.class,
        () -> CodecRegistry.builder().adapter(chain).build().binding(Paid.class));
    assertTrue(e.getMessage().contains("adapters do not chain"), e.getMessage());

    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> CodecRegistry.builder()
        .adapter(new EmailAdapter()).adapter(new EmailAdapter()).build());
    assertTrue(twice.getMessage().contains("two adapters for"), twice.getMessage());
    IllegalArgumentException core = assertThrows(IllegalArgumentException.class, () -> CodecRegistry.builder()
        .adapter(TypeAdapter.of(String.class, Long.class, Long::valueOf, String::valueOf)).build());
    assertTrue(core.getMessage().contains("part of the model already"), core.getMessage());
  }

  @Test
  void aRegistryCanReplaceABuiltInAdapter() {
    record Thing(java.util.UUID id) {}
    CodecRegistry bytes = CodecRegistry.builder().adapter(TypeAdapter.of(java.util.UUID.class, byte[].class,
        u -> java.nio.ByteBuffer.allocate(16).putLong(u.getMostSignificantBits())
            .putLong(u.getLeastSignificantBits()).array(),
        a -> {
          java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(a);
          return new java.util.UUID(bb.getLong(), bb.getLong());
        })).build();
    assertEquals(Schema.bytes(), bytes.schemaOf(Thing.class).field(0).type());
    assertEquals(Schema.string(), Codecs.schemaOf(Thing.class).field(0).type());
    Thing t = new Thing(java.util.UUID.randomUUID());
    assertEquals(t, roundTrip(bytes.binding(Thing.class), t));
  }

  @Test
  void snapshotsAndTheCheckerSeeTheModelType() {
    record Price(Money amount) {}
    RecordSchema asRecord = Codecs.schemaOf(Price.class);
    String json = io.polycodec.schema.SchemaSnapshot.toJson(asRecord);
    assertTrue(json.contains("\"MoneyModel\"") && !json.contains("\"Money\""), json);
    assertEquals(asRecord, io.polycodec.schema.SchemaSnapshot.fromJson(json));

    RecordSchema asText = CodecRegistry.builder()
        .adapter(TypeAdapter.of(Money.class, String.class, m -> m.cents + " " + m.currency, AdaptersTest::parse))
        .build().schemaOf(Price.class);
    Format protobuf = Format.builder("protobuf").mediaType("application/x-protobuf").keying(FieldKeying.NUMBER).build();
    assertTrue(io.polycodec.evolution.Compatibility.check(asRecord, asRecord, protobuf).isCompatible());
    assertTrue(!io.polycodec.evolution.Compatibility.check(asRecord, asText, protobuf).isCompatible(),
        "switching Money's adapter from a record to a string is a type change the checker reports");
  }

  @Test
  void mapKeysAreAdaptedByTheKeyTypesAdapterAndSetsKeepTheValuesOrder() {
    record Book(Map<Email, Money> owed, Map<java.util.UUID, java.time.Duration> ttl, Set<java.util.UUID> ids) {}
    CodecRegistry r = CodecRegistry.builder().adapter(new EmailAdapter()).build();
    RecordBinding<Book> b = r.binding(Book.class);
    RecordSchema money = RecordBinding.of(MoneyModel.class).schema();
    assertEquals(Schema.map(Schema.string(), money), b.schema().field("owed").type());
    assertEquals(Schema.map(Schema.string(), Schema.duration()), b.schema().field("ttl").type());
    java.util.UUID high = java.util.UUID.fromString("80000000-0000-0000-0000-000000000000");
    java.util.UUID low = java.util.UUID.fromString("00000000-0000-0000-0000-000000000001");
    Book v = new Book(Map.of(new Email("a@x.y"), new Money(1, EUR)), Map.of(high, java.time.Duration.ofMillis(-1500)),
        Set.of(low, high));
    assertEquals(Map.of("a@x.y", new MoneyModel(1, "EUR")), b.get(v, 0));
    // UUID.compareTo is signed: 8000… sorts before 0000…, though its text sorts after.
    assertEquals(List.of(high.toString(), low.toString()), b.get(v, 2));
    assertEquals(v, roundTrip(b, v));

    FieldSlots bad = b.newSlots();
    bad.set(0, Map.of("nobody", new MoneyModel(1, "EUR")));
    DecodeException d = assertThrows(DecodeException.class, () -> b.build(bad));
    assertTrue(d.getMessage().startsWith("owed") && d.getMessage().contains("nobody")
        && d.getMessage().contains("no @ in an e-mail address"), d.getMessage());

    // Two keys whose adapter gives one model value cannot both be written.
    RecordBinding<Book> lower = CodecRegistry.builder().adapter(TypeAdapter.of(Email.class, String.class,
        e -> e.value().toLowerCase(java.util.Locale.ROOT), Email::new)).build().binding(Book.class);
    Map<Email, Money> twice = new java.util.LinkedHashMap<>();
    twice.put(new Email("a@x.y"), new Money(1, EUR));
    twice.put(new Email("A@x.y"), new Money(2, EUR));
    EncodeException e = assertThrows(EncodeException.class,
        () -> lower.get(new Book(twice, Map.of(), Set.of()), 0));
    assertTrue(e.getMessage().contains("two keys"), e.getMessage());

    record Keyed(Map<Money, String> byMoney) {}
    SchemaException s = assertThrows(SchemaException.class, () -> RecordBinding.of(Keyed.class));
    assertTrue(s.getMessage().contains("map keys must be") && s.getMessage().contains("MoneyAdapter"),
        s.getMessage());
    IllegalArgumentException core = assertThrows(IllegalArgumentException.class, () -> CodecRegistry.builder()
        .adapter(TypeAdapter.of(java.time.Duration.class, Long.class, java.time.Duration::toNanos,
            java.time.Duration::ofNanos)).build());
    assertTrue(core.getMessage().contains("part of the model already"), core.getMessage());
    SchemaException paid = assertThrows(SchemaException.class, () -> RecordBinding.of(Paid.class));
    assertTrue(paid.getMessage().contains("Duration"), paid.getMessage());
  }
}
