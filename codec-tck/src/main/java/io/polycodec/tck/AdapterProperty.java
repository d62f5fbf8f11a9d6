package io.polycodec.tck;

import io.polycodec.Adapted;
import io.polycodec.Codec;
import io.polycodec.CodecRegistry;
import io.polycodec.DecodeException;
import io.polycodec.GenericRecord;
import io.polycodec.TypeAdapter;
import io.polycodec.bind.RecordBinding;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import io.polycodec.tck.engine.Gen;
import io.polycodec.tck.engine.Gens;
import io.polycodec.tck.engine.Property;
import io.polycodec.tck.zoo.Nullable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * User types through {@link TypeAdapter}s: a {@code Money} mapped onto a record ({@code @Adapted} on the
 * type) and an {@code EmailAddress} mapped onto a string (registered on a {@link CodecRegistry}), alone and
 * inside Optional, {@code @Nullable}, List, Set and Map values. Values round-trip exactly on the typed path,
 * their bytes mean the same to the generic codec of the registry's schema (the model type's), a second
 * registry adapting Money differently is independent, and adapter failures are codec exceptions naming the
 * field and the adapter.
 */
final class AdapterProperty {
  private AdapterProperty() {}

  /** A user type that is not a record, so nothing but its adapter can map it. */
  @Adapted(MoneyAdapter.class)
  public static final class Money {
    final long units;
    final String currency;

    /** {@code currency} is a three-letter code; {@code ""} makes the adapter fail (for the error check). */
    public Money(long units, String currency) {
      this.units = units;
      this.currency = Objects.requireNonNull(currency);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Money && ((Money) o).units == units && ((Money) o).currency.equals(currency);
    }

    @Override
    public int hashCode() {
      return Long.hashCode(units) * 31 + currency.hashCode();
    }

    @Override
    public String toString() {
      return units + " " + currency;
    }
  }

  /** Money's model type. */
  public record MoneyModel(long units, String currency) {}

  /** Maps Money onto MoneyModel; refuses an empty currency. */
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
      if (m.currency.isEmpty()) {
        throw new IllegalArgumentException("no currency");
      }
      return new MoneyModel(m.units, m.currency);
    }

    @Override
    public Money fromModel(MoneyModel m) {
      return new Money(m.units(), m.currency());
    }
  }

  /** A user type that would be a nested record without the registry's adapter. */
  public record EmailAddress(String value) {
    /** Refuses a value without {@code @}. */
    public EmailAddress {
      if (value.indexOf('@') < 0) {
        throw new IllegalArgumentException("an e-mail address needs an @");
      }
    }
  }

  /** Every place an adapted type may sit. */
  public record Invoice(Money total, EmailAddress to, Optional<Money> discount, @Nullable EmailAddress replyTo,
      List<Money> lines, Map<String, EmailAddress> contacts, Set<EmailAddress> cc) {}

  static final TypeAdapter<EmailAddress, String> EMAIL =
      TypeAdapter.of(EmailAddress.class, String.class, EmailAddress::value, EmailAddress::new);
  static final CodecRegistry REGISTRY = CodecRegistry.builder().adapter(EMAIL).build();
  // Money as "units currency" text instead: must not disturb REGISTRY.
  static final CodecRegistry AS_TEXT = CodecRegistry.builder().adapter(EMAIL)
      .adapter(TypeAdapter.of(Money.class, String.class, m -> m.units + " " + m.currency,
          s -> new Money(Long.parseLong(s.substring(0, s.indexOf(' '))), s.substring(s.indexOf(' ') + 1))))
      .build();

  private static final List<String> CURRENCIES = List.of("EUR", "USD", "JPY", "CHF");

  static Gen<Invoice> invoices() {
    Gen<Money> money = s -> new Money(s.draw(Gens.longs()), s.draw(Gens.elements(CURRENCIES)));
    Gen<EmailAddress> email = s -> new EmailAddress(s.draw(Gens.identifiers()) + "@" + s.draw(Gens.identifiers()));
    return s -> new Invoice(s.draw(money), s.draw(email),
        s.draw(Gens.booleans()) ? Optional.of(s.draw(money)) : Optional.empty(),
        s.draw(Gens.booleans()) ? s.draw(email) : null,
        s.draw(Gens.lists(money, 4)), s.draw(Gens.maps(Gens.identifiers(), email, 3)),
        new LinkedHashSet<>(s.draw(Gens.lists(email, 3))));
  }

  static Property<Invoice> property(Kit kit) {
    return Property.of(CodecTck.ADAPTERS, 100, invoices(), v -> {
      RecordBinding<Invoice> b = REGISTRY.binding(Invoice.class);
      RecordSchema schema = b.schema();
      if (!schema.field("to").type().equals(Schema.string()) || !(schema.field("total").type() instanceof RecordSchema)) {
        throw new AssertionError("the schema is not the model types': " + schema);
      }
      Codec<Invoice> typed = kit.codec(b);
      byte[] bytes = typed.encode(v);
      same("typed round trip", v, typed.decode(bytes.clone()));

      Codec<GenericRecord> generic = kit.generic(schema);
      GenericRecord g = generic.decode(bytes.clone());
      Values.assertEqual("typed bytes decoded by the generic codec of the registry's schema",
          CodecAssertions.expected(b, v), g);
      same("the GenericRecord form encoded and decoded typed", v, typed.decode(generic.encode(g)));

      RecordBinding<Invoice> text = AS_TEXT.binding(Invoice.class);
      if (!text.schema().field("total").type().equals(Schema.string())) {
        throw new AssertionError("a second registry's adapter was not applied: " + text.schema());
      }
      Codec<Invoice> textCodec = kit.codec(text);
      same("round trip through a second registry", v, textCodec.decode(textCodec.encode(v)));

      Invoice broken = new Invoice(new Money(1, ""), v.to(), v.discount(), v.replyTo(), v.lines(), v.contacts(), v.cc());
      CodecAssertions.assertEncodeFails(typed, broken, "total", MoneyAdapter.class.getName(), "no currency");
      if (!v.lines().isEmpty()) {
        List<Money> lines = new java.util.ArrayList<>(v.lines());
        lines.set(lines.size() - 1, new Money(2, ""));
        CodecAssertions.assertEncodeFails(typed, new Invoice(v.total(), v.to(), v.discount(), v.replyTo(), lines,
            v.contacts(), v.cc()), "lines[" + (lines.size() - 1) + "]", "MoneyAdapter");
      }

      GenericRecord bad = g.toBuilder().set("to", "nobody").build();
      try {
        Invoice decoded = typed.decode(generic.encode(bad));
        throw new AssertionError("an address without @ decoded to " + decoded);
      } catch (DecodeException e) {
        if (!e.getMessage().contains("to: adapter " + EMAIL) || !e.getMessage().contains("needs an @")) {
          throw new AssertionError("the DecodeException should name the field to and the adapter " + EMAIL
              + ": " + e.getMessage(), e);
        }
      }
    });
  }

  private static void same(String what, Invoice expected, Invoice actual) {
    if (!expected.equals(actual)) {
      throw new AssertionError(what + ": expected " + expected + " but got " + actual);
    }
  }
}
