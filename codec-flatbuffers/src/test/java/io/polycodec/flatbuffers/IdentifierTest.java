package io.polycodec.flatbuffers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.CodecOptions;
import io.polycodec.DecodeException;
import io.polycodec.GenericRecord;
import io.polycodec.bind.RecordBinding;
import io.polycodec.schema.Field;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** file_identifier on write and on read; deprecated fields exported as flatc's deprecated. */
class IdentifierTest {
  static final RecordSchema ITEM = RecordSchema.builder("shop.Item")
      .field("name", 1, Schema.string())
      .field(Field.of("old_price", 2, Schema.int32()).withDeprecated(true))
      .field("price", 3, Schema.int64())
      .build();
  static final CodecOptions OPTIONS = CodecOptions.defaults()
      .with(FlatBuffersOptions.LAYOUT, FlatLayout.builder().fileIdentifier("ITEM").build());
  static final FlatBuffersCodec<GenericRecord> CODEC = FlatBuffersCodec.of(RecordBinding.generic(ITEM), OPTIONS);

  static GenericRecord item() {
    return GenericRecord.builder(ITEM).set("name", "lamp").set("old_price", 7).set("price", 1250L).build();
  }

  @Test
  void identifierIsWrittenAndRequired() {
    byte[] bytes = CODEC.encode(item());
    assertEquals("ITEM", new String(bytes, 4, 4, StandardCharsets.US_ASCII));
    assertEquals(item(), CODEC.decode(bytes));
    byte[] plain = FlatBuffersCodec.generic(ITEM).encode(item());
    DecodeException e = assertThrows(DecodeException.class, () -> CODEC.decode(plain));
    assertTrue(e.getMessage().contains("file identifier \"ITEM\""), e.getMessage());
    assertThrows(DecodeException.class, () -> CODEC.decode(Arrays.copyOf(bytes, 6)));
    // Readers without an identifier configured still read such buffers: the identifier is outside the tables.
    assertEquals(item(), FlatBuffersCodec.generic(ITEM).decode(bytes));
    assertThrows(IllegalArgumentException.class, () -> FlatLayout.builder().fileIdentifier("TOOLONG"));
  }

  @Test
  void exportDeclaresIdentifierAndDeprecation() {
    String fbs = CODEC.fbs();
    assertTrue(fbs.contains("file_identifier \"ITEM\";"), fbs);
    assertTrue(fbs.contains("old_price: int (id: 1, deprecated);"), fbs);
  }

  @Test
  void flatcChecksTheIdentifierAndSkipsDeprecatedFields(@TempDir Path dir) throws IOException {
    Flatc.require();
    Files.writeString(dir.resolve("item.fbs"), CODEC.fbs());
    Files.write(dir.resolve("item.bin"), CODEC.encode(item()));
    // Without --raw-binary flatc refuses a buffer whose identifier differs from the schema's.
    Flatc.run(dir, List.of("--json", "--strict-json", "item.fbs", "--", "item.bin"));
    String json = Files.readString(dir.resolve("item.json"));
    assertTrue(json.contains("\"lamp\"") && json.contains("1250"), json);
    // flatc 2.0.8 still prints a deprecated field it finds (generated code is what skips it).
    assertTrue(json.contains("\"old_price\": 7"), json);
    Files.write(dir.resolve("plain.bin"), FlatBuffersCodec.generic(ITEM).encode(item()));
    assertThrows(AssertionError.class, () -> Flatc.run(dir, List.of("--json", "item.fbs", "--", "plain.bin")));
    Files.writeString(dir.resolve("in.json"), "{\"name\": \"desk\", \"price\": 99}");
    Flatc.run(dir, List.of("-b", "item.fbs", "in.json"));
    GenericRecord fromFlatc = CODEC.decode(Files.readAllBytes(dir.resolve("in.bin")));
    assertEquals("desk", fromFlatc.get("name"));
    assertEquals(99L, fromFlatc.get("price"));
  }
}
