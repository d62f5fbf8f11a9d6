package io.polycodec.protobuf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import io.polycodec.Codec;
import io.polycodec.Codecs;
import io.polycodec.GenericRecord;
import io.polycodec.SchemaException;
import io.polycodec.schema.EnumSchema;
import io.polycodec.schema.Field;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import io.polycodec.tck.zoo.Zoo;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exported .proto files compile with protoc (the one the build fetched from Maven Central), and the
 * messages protoc describes read and write exactly Polycodec's bytes.
 */
class ProtoExportTest {
  @TempDir
  Path dir;

  /** Compiles {@code text} with protoc and returns the descriptor set it writes. */
  private FileDescriptorSet protoc(String text) throws IOException, InterruptedException {
    String configured = System.getProperty("polycodec.protoc");
    assertTrue(configured != null, "system property polycodec.protoc is not set (the pom sets it)");
    File protoc = new File(configured);
    assertTrue(protoc.isFile(), protoc + " is missing; the build copies it in process-test-classes");
    protoc.setExecutable(true);
    Files.writeString(dir.resolve("exported.proto"), text, StandardCharsets.UTF_8);
    // The protoc executable comes without the well-known types' .proto files; protobuf-java carries them.
    for (String name : List.of("timestamp.proto", "duration.proto")) {
      Path wkt = dir.resolve("google/protobuf/" + name);
      Files.createDirectories(wkt.getParent());
      try (var in = com.google.protobuf.Timestamp.class.getResourceAsStream("/google/protobuf/" + name)) {
        assertTrue(in != null, "protobuf-java should carry google/protobuf/" + name);
        Files.write(wkt, in.readAllBytes());
      }
    }
    Path out = dir.resolve("exported.desc");
    Process p = new ProcessBuilder(protoc.getPath(), "-I" + dir, "--include_imports", "--descriptor_set_out=" + out,
        dir.resolve("exported.proto").toString()).redirectErrorStream(true).start();
    String messages = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), () -> "protoc rejected the export:\n" + messages + "\n" + text);
    return FileDescriptorSet.parseFrom(Files.readAllBytes(out));
  }

  private static byte[] deterministic(DynamicMessage m) throws IOException {
    byte[] out = new byte[m.getSerializedSize()];
    CodedOutputStream cos = CodedOutputStream.newInstance(out);
    cos.useDeterministicSerialization();
    m.writeTo(cos);
    cos.checkNoSpaceLeft();
    return out;
  }

  @Test
  void everyKindCompilesAndDescribesPolycodecsBytes() throws Exception {
    RecordSchema schema = Codecs.schemaOf(Kinds.Everything.class);
    String text = ProtoExport.proto3(schema, "polycodec.exported");
    assertTrue(text.contains("package polycodec.exported;"), text);
    assertTrue(text.contains("sint32 zz32 = 10;"), text);
    assertTrue(text.contains("optional bool flag = 1;"), text);
    assertTrue(text.contains("oneof value {"), text);
    FileDescriptorSet set = protoc(text);
    ProtoImport.Imported imported = ProtoImport.message(set, "polycodec.exported.Everything");
    Descriptor d = descriptor(set, "polycodec.exported.Everything");
    Codec<Kinds.Everything> codec = Codecs.get("protobuf", Kinds.Everything.class);
    Seeds.forEach(100, seed -> {
      try {
        byte[] ours = codec.encode(new RandomKinds(seed).everything());
        DynamicMessage m = DynamicMessage.parseFrom(d, ours);
        assertTrue(m.getUnknownFields().asMap().isEmpty(), "protoc's message knows every field");
        assertArrayEquals(ours, deterministic(m), "protobuf-java re-encodes Polycodec's bytes unchanged");
        GenericRecord g = imported.codec().decode(ours);
        assertArrayEquals(ours, imported.codec().encode(g), "the re-imported schema writes the same bytes");
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    });
  }

  record Everyday(byte b, short s, Byte boxedByte, java.util.UUID id, java.net.URI home, java.math.BigDecimal price,
      java.time.LocalDate day, java.time.OffsetDateTime at, java.util.Set<String> tags,
      java.util.Optional<java.util.UUID> parent) {}

  @Test
  void everydayTypesExportAsInt32AndStringAndProtocReadsPolycodecsBytes() throws Exception {
    String text = ProtoExport.proto3(Codecs.schemaOf(Everyday.class), "polycodec.everyday");
    assertTrue(text.contains("int32 b = 1; // int8 in Polycodec: -128 to 127, checked on decode"), text);
    assertTrue(text.contains("int32 s = 2; // int16 in Polycodec: -32768 to 32767"), text);
    assertTrue(text.contains("string id = 4;") && text.contains("repeated string tags = 9;")
        && text.contains("optional string parent = 10;"), text);
    FileDescriptorSet set = protoc(text);
    Descriptor d = descriptor(set, "polycodec.everyday.Everyday");
    Codec<Everyday> codec = Codecs.get("protobuf", Everyday.class);
    Everyday v = new Everyday(Byte.MIN_VALUE, Short.MAX_VALUE, (byte) -1, java.util.UUID.randomUUID(),
        java.net.URI.create("https://example.org/"), new java.math.BigDecimal("-123.4500"), java.time.LocalDate.of(2024, 2, 29),
        java.time.OffsetDateTime.parse("2026-12-03T10:15:30-03:30"), java.util.Set.of("b", "a"), java.util.Optional.empty());
    byte[] ours = codec.encode(v);
    DynamicMessage m = DynamicMessage.parseFrom(d, ours);
    assertTrue(m.getUnknownFields().asMap().isEmpty(), "protoc's message knows every field");
    assertArrayEquals(ours, deterministic(m), "protobuf-java re-encodes Polycodec's bytes unchanged");
    assertEquals(-128, m.getField(d.findFieldByName("b")));
    assertEquals("-123.4500", m.getField(d.findFieldByName("price")));
    assertEquals(v, codec.decode(ours));
  }

  @Test
  void theZoosEverydayRecordExportsProtocCompilesItAndReadsPolycodecsBytes() throws Exception {
    String text = ProtoExport.proto3(Codecs.schemaOf(Zoo.Everyday.class), "polycodec.zoo");
    assertTrue(text.contains("import \"google/protobuf/duration.proto\";"), text);
    assertTrue(text.contains(".google.protobuf.Duration ttl = 9;")
        && text.contains("repeated .google.protobuf.Duration steps = 23;")
        && text.contains("map<string, .google.protobuf.Duration> timeouts = 26;"), text);
    FileDescriptorSet set = protoc(text);
    Descriptor d = descriptor(set, "polycodec.zoo.Everyday");
    Codec<Zoo.Everyday> codec = Codecs.get("protobuf", Zoo.Everyday.class);
    Zoo.Everyday v = Zoo.everydayEdges();
    byte[] ours = codec.encode(v);
    DynamicMessage m = DynamicMessage.parseFrom(d, ours);
    assertTrue(m.getUnknownFields().asMap().isEmpty(), "protoc's message knows every field");
    assertArrayEquals(ours, deterministic(m), "protobuf-java re-encodes Polycodec's bytes unchanged");
    // protobuf-java's own Duration reads the field: -1.499999999 s is seconds -1, nanos -499999999.
    com.google.protobuf.Duration ttl = com.google.protobuf.Duration.parseFrom(
        ((DynamicMessage) m.getField(d.findFieldByName("ttl"))).toByteString());
    assertEquals(-1, ttl.getSeconds());
    assertEquals(-499_999_999, ttl.getNanos());
    assertTrue(com.google.protobuf.util.Durations.isValid(ttl));
    assertEquals(v, codec.decode(ours));
  }

  /**
   * Union members from .fbs import: a string member is a string field of the oneof and aliases are fields
   * of one message type; protoc compiles the export, protobuf-java reads Polycodec's bytes with the member
   * set, and its own bytes decode to the same member.
   */
  @Test
  void stringAndAliasedUnionMembersAreOneofFields() throws Exception {
    RecordSchema monster = RecordSchema.of("ex.Monster", Field.of("name", 1, Schema.string()));
    io.polycodec.schema.UnionSchema thing = io.polycodec.schema.UnionSchema.of("ex.Thing", List.of(
        new io.polycodec.schema.UnionSchema.Member("boss", 1, monster),
        new io.polycodec.schema.UnionSchema.Member("minion", 2, monster),
        io.polycodec.schema.UnionSchema.Member.ofString("label", 3)));
    RecordSchema room = RecordSchema.of("ex.Room", Field.optional("thing", 1, thing),
        Field.of("things", 2, Schema.list(thing)));
    String text = ProtoExport.proto3(room, "ex");
    assertTrue(text.contains("string label = 3;") && text.contains(".ex.Monster minion = 2;"), text);
    FileDescriptorSet set = protoc(text);
    Descriptor roomD = descriptor(set, "ex.Room");
    Descriptor thingD = roomD.findFieldByName("thing").getMessageType();
    Codec<GenericRecord> codec = Codecs.generic("protobuf", room);
    GenericRecord imp = GenericRecord.builder(monster).set("name", "imp").build();
    GenericRecord v = GenericRecord.builder(room).set("thing", "hello")
        .set("things", List.of(io.polycodec.GenericUnion.of("minion", imp), "", io.polycodec.GenericUnion.of("boss", imp)))
        .build();
    byte[] ours = codec.encode(v);
    DynamicMessage m = DynamicMessage.parseFrom(roomD, ours);
    assertTrue(m.getUnknownFields().asMap().isEmpty());
    DynamicMessage t = (DynamicMessage) m.getField(roomD.findFieldByName("thing"));
    assertEquals("hello", t.getField(thingD.findFieldByName("label")));
    DynamicMessage first = (DynamicMessage) m.getRepeatedField(roomD.findFieldByName("things"), 0);
    assertTrue(first.hasField(thingD.findFieldByName("minion")) && !first.hasField(thingD.findFieldByName("boss")));
    DynamicMessage second = (DynamicMessage) m.getRepeatedField(roomD.findFieldByName("things"), 1);
    assertTrue(second.hasField(thingD.findFieldByName("label")), "an empty string member is still set");
    assertArrayEquals(ours, deterministic(m), "protobuf-java re-encodes Polycodec's bytes unchanged");
    assertEquals(v, codec.decode(ours));
    assertEquals(v, codec.decode(deterministic(m)));
  }

  private static Descriptor descriptor(FileDescriptorSet set, String name) {
    for (var f : ProtoImport.files(set)) {
      for (Descriptor d : f.getMessageTypes()) {
        if (d.getFullName().equals(name)) {
          return d;
        }
      }
    }
    throw new AssertionError(name);
  }

  @Test
  void anImportedSchemaExportsAgain() throws Exception {
    RecordSchema all = ProtoImport.message(Descriptors.load("test_messages.desc"),
        "protobuf_test_messages.proto3.TestAllTypesProto3").schema();
    String text = ProtoExport.proto3(all, "protobuf_test_messages.proto3");
    assertTrue(text.contains("message TestAllTypesProto3_NestedMessage {"), text);
    FileDescriptorSet set = protoc(text);
    RecordSchema again = ProtoImport.message(set, "protobuf_test_messages.proto3.TestAllTypesProto3").schema();
    assertEquals(all.size(), again.size());
    for (Field f : all.fields()) {
      Field g = again.field(f.name());
      assertEquals(f.tag(), g.tag(), f.name());
      assertEquals(f.optional(), g.optional(), f.name());
      assertEquals(f.oneof(), g.oneof(), f.name());
      assertEquals(f.type().kind(), g.type().kind(), f.name());
    }
  }

  @Test
  void enumsWithoutZeroGetAPlaceholder() throws Exception {
    EnumSchema status = EnumSchema.of("Status", List.of(new EnumSchema.Constant("ACTIVE", 5),
        new EnumSchema.Constant("GONE", 9)));
    RecordSchema r = RecordSchema.of("Account", Field.of("status", 1, status));
    String text = ProtoExport.proto3(r, "");
    assertTrue(text.contains("STATUS_UNSPECIFIED = 0;"), text);
    protoc(text);
  }

  @Test
  void whatProtocWouldRejectIsRefused() {
    EnumSchema a = EnumSchema.of("A", "RED", "GREEN");
    EnumSchema b = EnumSchema.of("B", "BLUE", "RED");
    RecordSchema clash = RecordSchema.of("Clash", Field.of("a", 1, a), Field.of("b", 2, b));
    assertTrue(assertThrows(SchemaException.class, () -> ProtoExport.proto3(clash, "p")).getMessage().contains("RED"));
    RecordSchema json = RecordSchema.of("Json", Field.of("fooBar", 1, Schema.int32()), Field.of("foo_bar", 2, Schema.int32()));
    assertThrows(SchemaException.class, () -> ProtoExport.proto3(json, "p"));
    RecordSchema inner = RecordSchema.of("a.B", Field.of("x", 1, Schema.int32()));
    RecordSchema flat = RecordSchema.of("a_B", Field.of("x", 1, Schema.int32()));
    RecordSchema names = RecordSchema.of("Names", Field.of("one", 1, inner), Field.of("two", 2, flat));
    assertThrows(SchemaException.class, () -> ProtoExport.proto3(names, ""));
    RecordSchema reserved = RecordSchema.of("R", Field.of("x", 19500, Schema.int32()));
    assertThrows(SchemaException.class, () -> ProtoExport.proto3(reserved, ""));
    assertThrows(SchemaException.class, () -> ProtoExport.proto3(reserved, "not a package"));
  }
}
