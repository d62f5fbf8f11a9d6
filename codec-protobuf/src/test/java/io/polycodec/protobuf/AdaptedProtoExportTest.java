package io.polycodec.protobuf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import io.polycodec.Codec;
import io.polycodec.CodecRegistry;
import io.polycodec.TypeAdapter;
import io.polycodec.schema.RecordSchema;
import java.nio.file.Path;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record with adapted fields exports the model types' .proto, protoc compiles it, and protobuf-java's
 * message of that .proto reads Polycodec's bytes: the adapter is invisible on the wire.
 */
class AdaptedProtoExportTest {
  @TempDir
  Path dir;

  record Money(long cents, Currency currency) {}

  record MoneyModel(long units, String currency) {}

  record EmailAddress(String value) {}

  record Order(long id, Money total, EmailAddress customer, Optional<Money> discount, List<Money> lines,
      List<Currency> accepted) {}

  static final CodecRegistry REGISTRY = CodecRegistry.builder()
      .adapter(TypeAdapter.of(Money.class, MoneyModel.class, m -> new MoneyModel(m.cents(), m.currency().getCurrencyCode()),
          m -> new Money(m.units(), Currency.getInstance(m.currency()))))
      .adapter(TypeAdapter.of(EmailAddress.class, String.class, EmailAddress::value, EmailAddress::new))
      .adapter(TypeAdapter.of(Currency.class, String.class, Currency::getCurrencyCode, Currency::getInstance))
      .build();

  @Test
  void theExportOfARecordWithAdaptedFieldsCompilesAndDescribesItsBytes() throws Exception {
    RecordSchema schema = REGISTRY.schemaOf(Order.class);
    String text = ProtoExport.proto3(schema, "polycodec.adapted");
    assertTrue(text.contains(" .polycodec.adapted.MoneyModel total = 2;") && text.contains(" string customer = 3;")
        && text.contains(" .polycodec.adapted.MoneyModel discount = 4;")
        && text.contains("repeated .polycodec.adapted.MoneyModel lines = 5;")
        && text.contains("repeated string accepted = 6;"), text);
    assertTrue(text.contains("message MoneyModel {") && text.contains("int64 units = 1;"), text);
    FileDescriptorSet set = Protoc.compile(dir, "adapted.proto", text);
    FileDescriptor file = FileDescriptor.buildFrom(set.getFile(0), new FileDescriptor[0]);
    Descriptor d = file.findMessageTypeByName("Order");

    Codec<Order> codec = REGISTRY.codec("protobuf", Order.class);
    Currency eur = Currency.getInstance("EUR");
    Order o = new Order(7, new Money(1999, eur), new EmailAddress("a@example.org"), Optional.of(new Money(-100, eur)),
        List.of(new Money(1, eur), new Money(2, Currency.getInstance("JPY"))), List.of(eur));
    byte[] bytes = codec.encode(o);
    DynamicMessage m = DynamicMessage.parseFrom(d, bytes);
    assertTrue(m.getUnknownFields().asMap().isEmpty(), "protoc's message knows every field");
    assertEquals("a@example.org", m.getField(d.findFieldByName("customer")));
    DynamicMessage total = (DynamicMessage) m.getField(d.findFieldByName("total"));
    assertEquals(1999L, total.getField(total.getDescriptorForType().findFieldByName("units")));
    assertEquals("EUR", total.getField(total.getDescriptorForType().findFieldByName("currency")));
    assertEquals(List.of("EUR"), m.getField(d.findFieldByName("accepted")));
    assertEquals(o, codec.decode(m.toByteArray()));
  }
}
