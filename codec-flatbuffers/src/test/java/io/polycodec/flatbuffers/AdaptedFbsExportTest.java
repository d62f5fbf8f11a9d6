package io.polycodec.flatbuffers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.Codec;
import io.polycodec.CodecRegistry;
import io.polycodec.GenericRecord;
import io.polycodec.TypeAdapter;
import io.polycodec.schema.RecordSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record with adapted fields exports the model types' .fbs, flatc compiles it and reads Polycodec's
 * bytes of the typed record as the registry's schema says.
 */
class AdaptedFbsExportTest {
  record Money(long cents, Currency currency) {}

  record MoneyModel(long units, String currency) {}

  record EmailAddress(String value) {}

  record Order(long id, Money total, EmailAddress customer, Optional<Money> discount, List<Money> lines) {}

  static final CodecRegistry REGISTRY = CodecRegistry.builder()
      .adapter(TypeAdapter.of(Money.class, MoneyModel.class, m -> new MoneyModel(m.cents(), m.currency().getCurrencyCode()),
          m -> new Money(m.units(), Currency.getInstance(m.currency()))))
      .adapter(TypeAdapter.of(EmailAddress.class, String.class, EmailAddress::value, EmailAddress::new))
      .build();

  @Test
  void flatcCompilesTheExportAndReadsTheTypedBytes(@TempDir Path dir) throws Exception {
    Flatc.require();
    RecordSchema schema = REGISTRY.schemaOf(Order.class);
    String fbs = FbsExport.render(schema);
    assertTrue(fbs.contains("table MoneyModel {") && fbs.contains("total: MoneyModel (id: 1);")
        && fbs.contains("customer: string (id: 2);") && fbs.contains("lines: [MoneyModel] (id: 4);"), fbs);
    Files.writeString(dir.resolve("order.fbs"), fbs);

    Currency eur = Currency.getInstance("EUR");
    Order o = new Order(7, new Money(1999, eur), new EmailAddress("a@example.org"), Optional.empty(),
        List.of(new Money(1, eur), new Money(-2, Currency.getInstance("JPY"))));
    Codec<Order> codec = REGISTRY.codec("flatbuffers", Order.class);
    byte[] bytes = codec.encode(o);
    Files.write(dir.resolve("order.bin"), bytes);
    Flatc.run(dir, List.of("--json", "--strict-json", "--raw-binary", "-o", "out", "order.fbs", "--", "order.bin"));
    String json = Files.readString(dir.resolve("out").resolve("order.json"), StandardCharsets.UTF_8);
    GenericRecord fromFlatc = FlatcJson.read(json, schema);
    GenericRecord ours = REGISTRY.generic("flatbuffers", schema).decode(bytes);
    assertEquals(ours, fromFlatc);
    assertEquals("a@example.org", fromFlatc.get("customer"));
    assertEquals(1999L, ((GenericRecord) fromFlatc.get("total")).get("units"));
    assertEquals(o, codec.decode(bytes));
  }
}
