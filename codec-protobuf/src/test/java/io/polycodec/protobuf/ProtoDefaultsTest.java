package io.polycodec.protobuf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import io.polycodec.Codec;
import io.polycodec.Codecs;
import io.polycodec.DecodeException;
import io.polycodec.Default;
import io.polycodec.EncodeException;
import io.polycodec.Format;
import io.polycodec.GenericEnum;
import io.polycodec.GenericRecord;
import io.polycodec.Required;
import io.polycodec.SchemaException;
import io.polycodec.evolution.Compatibility;
import io.polycodec.evolution.CompatibilityResult;
import io.polycodec.schema.EnumSchema;
import io.polycodec.schema.Field;
import io.polycodec.schema.IntEncoding;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * proto2 defaults and required, with protoc and protobuf-java's DynamicMessage as the second opinion:
 * the export compiles, the import reads the same back, a message lacking a required field is refused
 * by both, absent fields read the same defaults in both, and the checker's grades hold on real bytes.
 */
class ProtoDefaultsTest {
  @TempDir
  Path dir;

  static final EnumSchema COLOR = EnumSchema.of("Color", "RED", "GREEN", "BLUE");

  static final RecordSchema M = RecordSchema.of("M",
      Field.of("id", 1, Schema.string()).withRequired(true),
      Field.of("count", 2, Schema.int32()).withDefault(1234),
      Field.of("big", 3, Schema.int64(IntEncoding.ZIGZAG)).withDefault(-5_000_000_000L),
      Field.of("ratio", 4, Schema.float32()).withDefaultText("nan"),
      Field.of("limit", 5, Schema.float64()).withDefaultText("-inf"),
      Field.of("on", 6, Schema.bool()).withDefault(true),
      Field.of("text", 7, Schema.string()).withDefault("some \"q\" \\ ü\n"),
      Field.of("raw", 8, Schema.bytes()).withDefault(new byte[] {0, 1, (byte) 0xFF, 'a', '"'}),
      Field.of("color", 9, COLOR).withDefault("BLUE"),
      Field.of("u", 10, Schema.int32(IntEncoding.UNSIGNED)).withDefault(-1),
      Field.of("zero", 11, Schema.int32()).withRequired(true),
      Field.of("plain", 12, Schema.int32()),
      Field.optional("maybe", 13, Schema.string()));

  private Descriptor compiled(RecordSchema schema, String pkg) throws Exception {
    String text = ProtoExport.proto(schema, pkg);
    FileDescriptorSet set = Protoc.compile(dir, "m.proto", text);
    for (var f : ProtoImport.files(set)) {
      for (Descriptor d : f.getMessageTypes()) {
        if (d.getName().equals(schema.name())) {
          return d;
        }
      }
    }
    throw new AssertionError(text);
  }

  @Test
  void exportIsProto2ThatProtocCompilesAndTheImportReadsTheSameBack() throws Exception {
    String text = ProtoExport.proto(M, "polycodec.defaults");
    assertTrue(text.contains("syntax = \"proto2\";"), text);
    assertTrue(text.contains("required string id = 1;"), text);
    assertTrue(text.contains("optional int32 count = 2 [default = 1234];"), text);
    assertTrue(text.contains("optional float ratio = 4 [default = nan];"), text);
    assertTrue(text.contains("optional double limit = 5 [default = -inf];"), text);
    assertTrue(text.contains("[default = BLUE]"), text);
    assertTrue(text.contains("optional uint32 u = 10 [default = 4294967295];"), text);
    SchemaException proto3 = assertThrows(SchemaException.class, () -> ProtoExport.proto3(M, "p"));
    assertTrue(proto3.getMessage().contains("id"), proto3.getMessage());

    Descriptor d = compiled(M, "polycodec.defaults");
    assertTrue(d.findFieldByName("id").isRequired());
    assertEquals(1234, d.findFieldByName("count").getDefaultValue());
    assertTrue(Float.isNaN((Float) d.findFieldByName("ratio").getDefaultValue()));
    assertEquals(Double.NEGATIVE_INFINITY, d.findFieldByName("limit").getDefaultValue());
    assertEquals("some \"q\" \\ ü\n", d.findFieldByName("text").getDefaultValue());
    assertEquals(ByteString.copyFrom(new byte[] {0, 1, (byte) 0xFF, 'a', '"'}), d.findFieldByName("raw").getDefaultValue());
    assertEquals("BLUE", ((EnumValueDescriptor) d.findFieldByName("color").getDefaultValue()).getName());

    RecordSchema imported = ProtoImport.message(d).schema();
    for (Field f : M.fields()) {
      Field g = imported.field(f.name());
      assertEquals(f.required(), g.required(), f.name());
      assertEquals(f.defaultText(), g.defaultText(), f.name());
      // proto2 labels every singular field: a plain field comes back optional (the same bytes).
      assertEquals(f.optional() || f.name().equals("plain"), g.optional(), f.name());
    }
  }

  @Test
  void aMessageLackingARequiredFieldIsRefusedByBothAndAbsentFieldsReadTheSameDefaults() throws Exception {
    Descriptor d = compiled(M, "polycodec.defaults");
    Codec<GenericRecord> codec = Codecs.generic("protobuf", M);

    byte[] empty = new byte[0];
    InvalidProtocolBufferException theirs = assertThrows(InvalidProtocolBufferException.class,
        () -> DynamicMessage.parseFrom(d, empty));
    assertTrue(theirs.getMessage().contains("id"), theirs.getMessage());
    DecodeException ours = assertThrows(DecodeException.class, () -> codec.decode(empty));
    assertTrue(ours.getMessage().contains("M.id"), ours.getMessage());

    // Only the required fields set: every other field reads as protobuf-java's getter says.
    DynamicMessage minimal = DynamicMessage.newBuilder(d)
        .setField(d.findFieldByName("id"), "x").setField(d.findFieldByName("zero"), 0).build();
    GenericRecord r = codec.decode(minimal.toByteArray());
    for (FieldDescriptor fd : d.getFields()) {
      Object expected = minimal.getField(fd);
      Object actual = r.get(fd.getName());
      if (fd.getName().equals("maybe")) {
        assertEquals(null, actual);
        continue;
      }
      if (expected instanceof ByteString) {
        assertArrayEquals(((ByteString) expected).toByteArray(), (byte[]) actual, fd.getName());
      } else if (expected instanceof EnumValueDescriptor) {
        assertEquals(((EnumValueDescriptor) expected).getName(), ((GenericEnum) actual).name(), fd.getName());
      } else {
        assertEquals(expected, actual, fd.getName());
      }
    }

    // Required fields are written whatever their value (a required int32 of 0 is on the wire); a field
    // equal to its own default is left out, and protobuf-java's getter gives the default back.
    byte[] written = codec.encode(GenericRecord.builder(M).set("id", "").set("zero", 0).build());
    DynamicMessage parsed = DynamicMessage.parseFrom(d, written);
    assertTrue(parsed.isInitialized());
    assertTrue(parsed.hasField(d.findFieldByName("zero")));
    assertFalse(parsed.hasField(d.findFieldByName("count")));
    assertEquals(1234, parsed.getField(d.findFieldByName("count")));
    assertFalse(parsed.hasField(d.findFieldByName("plain")));
    assertEquals(GenericRecord.builder(M).set("id", "").set("zero", 0).build(), codec.decode(written));
    // protobuf-java's bytes of the same message (only the required fields set) are the same bytes.
    assertArrayEquals(DynamicMessage.newBuilder(d).setField(d.findFieldByName("id"), "")
        .setField(d.findFieldByName("zero"), 0).build().toByteArray(), written);
  }

  record Typed(@Required String id, @Default("7") int n, @Default("GREEN") Shade shade) {}

  enum Shade { RED, GREEN }

  @Test
  void aTypedRecordWithANullRequiredFieldIsAnEncodeExceptionNamingIt() {
    Codec<Typed> codec = Codecs.get("protobuf", Typed.class);
    EncodeException e = assertThrows(EncodeException.class, () -> codec.encode(new Typed(null, 1, Shade.RED)));
    assertTrue(e.getMessage().contains("Typed.id"), e.getMessage());
    assertEquals(new Typed("a", 7, Shade.GREEN), codec.decode(new byte[] {10, 1, 'a'}));
    Typed t = new Typed("a", 7, Shade.GREEN);
    assertEquals(t, codec.decode(codec.encode(t)));
  }

  private static final Format PROTOBUF = ProtobufProvider.FORMAT;

  private static void assertBreaking(CompatibilityResult r) {
    assertFalse(r.isCompatible(), r.toString());
  }

  @Test
  void addingRequiredIsBreakingAndProtobufJavaAgrees() throws Exception {
    RecordSchema v1 = RecordSchema.of("E", Field.optional("a", 1, Schema.string()));
    RecordSchema v2 = RecordSchema.of("E", Field.optional("a", 1, Schema.string()),
        Field.of("b", 2, Schema.string()).withRequired(true));
    CompatibilityResult added = Compatibility.check(v1, v2, PROTOBUF);
    assertBreaking(added);
    byte[] old = Codecs.generic("protobuf", v1).encode(GenericRecord.builder(v1).set("a", "x").build());
    Descriptor d2 = compiled(v2, "polycodec.v2");
    InvalidProtocolBufferException e = assertThrows(InvalidProtocolBufferException.class, () -> DynamicMessage.parseFrom(d2, old));
    assertTrue(e.getMessage().contains("missing required fields: b"), e.getMessage());
    assertThrows(DecodeException.class, () -> Codecs.generic("protobuf", v2).decode(old));

    // Removing it, read in the same direction (writer required, reader not): the data always has it.
    RecordSchema notRequired = RecordSchema.of("E", Field.optional("a", 1, Schema.string()),
        Field.of("b", 2, Schema.string()));
    CompatibilityResult removed = Compatibility.check(v2, notRequired, PROTOBUF);
    assertTrue(removed.isCompatible(), removed.toString());

    // A field that was non-optional without a default is left off when empty: now required, breaking.
    RecordSchema plain = notRequired;
    assertBreaking(Compatibility.check(plain, v2, PROTOBUF));
    byte[] emptyB = Codecs.generic("protobuf", plain).encode(GenericRecord.builder(plain).set("b", "").build());
    assertThrows(InvalidProtocolBufferException.class, () -> DynamicMessage.parseFrom(d2, emptyB));
    assertThrows(DecodeException.class, () -> Codecs.generic("protobuf", v2).decode(emptyB));
  }

  @Test
  void aChangedDefaultIsBreakingWhereTheWriterLeavesItsDefaultOffAndACaveatForRequiredFields() throws Exception {
    RecordSchema v1 = RecordSchema.of("D", Field.of("n", 1, Schema.int32()).withDefault(5));
    RecordSchema v2 = RecordSchema.of("D", Field.of("n", 1, Schema.int32()).withDefault(7));
    assertBreaking(Compatibility.check(v1, v2, PROTOBUF));
    Descriptor d2 = compiled(v2, "polycodec.d2");
    // v1 holding its default leaves it off the wire, as protobuf-java does for an unset field; both v2
    // readers then read v2's default.
    byte[] five = Codecs.generic("protobuf", v1).encode(GenericRecord.builder(v1).build());
    assertEquals(0, five.length);
    assertEquals(7, DynamicMessage.parseFrom(d2, five).getField(d2.findFieldByName("n")));
    assertEquals(7, Codecs.generic("protobuf", v2).decode(five).get("n"));

    // A required field is always written: only data in which it is absent (refused anyway) differs.
    RecordSchema r1 = RecordSchema.of("D", Field.of("n", 1, Schema.int32()).withDefault(5).withRequired(true));
    RecordSchema r2 = RecordSchema.of("D", Field.of("n", 1, Schema.int32()).withDefault(7).withRequired(true));
    CompatibilityResult changed = Compatibility.check(r1, r2, PROTOBUF);
    assertTrue(changed.isCompatible() && !changed.caveats().isEmpty(), changed.toString());
    Descriptor dr2 = compiled(r2, "polycodec.r2");
    byte[] written = Codecs.generic("protobuf", r1).encode(GenericRecord.builder(r1).set("n", 5).build());
    assertEquals(5, DynamicMessage.parseFrom(dr2, written).getField(dr2.findFieldByName("n")));
    assertEquals(5, Codecs.generic("protobuf", r2).decode(written).get("n"));
  }
}
