package io.polycodec.protobuf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import io.polycodec.GenericEnum;
import io.polycodec.GenericRecord;
import io.polycodec.SchemaException;
import io.polycodec.schema.EnumSchema;
import io.polycodec.schema.Field;
import io.polycodec.schema.IntEncoding;
import io.polycodec.schema.Kind;
import io.polycodec.schema.ListSchema;
import io.polycodec.schema.MapSchema;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.ScalarSchema;
import io.polycodec.schema.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The import of the conformance suite's test messages: every field maps, as stated in ProtoImport. */
class ProtoImportTest {
  private static final FileDescriptorSet SET = Descriptors.load("test_messages.desc");
  private static final String PROTO3 = "protobuf_test_messages.proto3.TestAllTypesProto3";
  private static final String PROTO2 = "protobuf_test_messages.proto2.TestAllTypesProto2";

  static Descriptor descriptor(String fullName) {
    for (var f : ProtoImport.files(SET)) {
      for (Descriptor d : f.getMessageTypes()) {
        if (d.getFullName().equals(fullName)) {
          return d;
        }
      }
    }
    throw new AssertionError(fullName);
  }

  private static Schema type(RecordSchema r, String field) {
    Field f = r.field(field);
    assertTrue(f != null, r.name() + " lacks " + field);
    return f.type();
  }

  private static void assertInt(Schema s, Kind kind, IntEncoding encoding) {
    assertEquals(kind, s.kind(), s.describe());
    assertEquals(encoding, ((ScalarSchema) s).encoding(), s.describe());
  }

  @Test
  void everyFieldOfTestAllTypesProto3Maps() {
    Descriptor d = descriptor(PROTO3);
    RecordSchema r = ProtoImport.message(d).schema();
    assertEquals(PROTO3, r.name());
    assertEquals(d.getFields().size(), r.size(), "one field per protobuf field");
    for (FieldDescriptor f : d.getFields()) {
      Field mapped = r.field(f.getName());
      assertEquals(f.getNumber(), mapped.tag(), f.getName());
      assertEquals(f.isMapField() ? Kind.MAP : f.isRepeated() ? Kind.LIST : mapped.type().kind(), mapped.type().kind());
    }
    // signed, unsigned, zigzag and fixed integers
    assertInt(type(r, "optional_int32"), Kind.INT32, IntEncoding.VARINT);
    assertInt(type(r, "optional_uint32"), Kind.INT32, IntEncoding.UNSIGNED);
    assertInt(type(r, "optional_sint64"), Kind.INT64, IntEncoding.ZIGZAG);
    assertInt(type(r, "optional_fixed64"), Kind.INT64, IntEncoding.UNSIGNED_FIXED);
    assertInt(type(r, "optional_sfixed32"), Kind.INT32, IntEncoding.FIXED);
    assertInt(((ListSchema) type(r, "packed_sint32")).element(), Kind.INT32, IntEncoding.ZIGZAG);
    // proto3 scalars without presence are required; message fields and `optional` ones are optional
    assertFalse(r.field("optional_int32").optional());
    assertTrue(r.field("optional_nested_message").optional());
    // maps with every key type protobuf allows
    for (String name : List.of("map_int32_int32", "map_int64_int64", "map_uint32_uint32", "map_uint64_uint64",
        "map_sint32_sint32", "map_sint64_sint64", "map_fixed32_fixed32", "map_fixed64_fixed64",
        "map_sfixed32_sfixed32", "map_sfixed64_sfixed64", "map_bool_bool", "map_string_string")) {
      assertEquals(Kind.MAP, type(r, name).kind(), name);
    }
    MapSchema m = (MapSchema) type(r, "map_fixed64_fixed64");
    assertInt(m.key(), Kind.INT64, IntEncoding.UNSIGNED_FIXED);
    assertInt(m.value(), Kind.INT64, IntEncoding.UNSIGNED_FIXED);
    // oneofs
    assertEquals("oneof_field", r.field("oneof_uint32").oneof());
    assertEquals("oneof_field", r.field("oneof_nested_message").oneof());
    assertTrue(r.field("oneof_string").optional());
    // recursion, directly and through a nested message
    assertSame(r, type(r, "recursive_message"));
    RecordSchema nested = (RecordSchema) type(r, "optional_nested_message");
    assertSame(r, nested.field("corecursive").type());
    // enums: negative numbers, aliases (first name kept)
    EnumSchema nestedEnum = (EnumSchema) type(r, "optional_nested_enum");
    assertEquals(-1, nestedEnum.byName("NEG").number());
    EnumSchema aliased = (EnumSchema) type(r, "optional_aliased_enum");
    assertEquals(3, aliased.constants().size());
    assertEquals("ALIAS_BAZ", aliased.byNumber(2).name());
    // well-known types are ordinary messages
    RecordSchema ts = (RecordSchema) type(r, "optional_timestamp");
    assertEquals("google.protobuf.Timestamp", ts.name());
    assertEquals(Kind.INT64, ts.field("seconds").type().kind());
    RecordSchema value = (RecordSchema) type(r, "optional_value");
    assertEquals("kind", value.field("struct_value").oneof());
    assertEquals(Kind.ENUM, type(r, "optional_null_value").kind());
  }

  @Test
  void unknownEnumNumbersSurviveADecodeAndReEncode() {
    Descriptor d = descriptor(PROTO3);
    ProtoImport.Imported im = ProtoImport.message(d);
    FieldDescriptor f = d.findFieldByName("optional_nested_enum");
    // A number the enum does not list (proto3 enums are open).
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    com.google.protobuf.CodedOutputStream cos = com.google.protobuf.CodedOutputStream.newInstance(out);
    try {
      cos.writeEnum(f.getNumber(), 42);
      cos.flush();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    byte[] input = out.toByteArray();
    GenericRecord rec = im.codec().decode(input);
    assertEquals(GenericEnum.unknown(42), rec.get("optional_nested_enum"));
    assertArrayEquals(input, im.codec().encode(rec));
  }

  @Test
  void proto2GroupsAndUnpackedFieldsComeWithTheirLayout() throws Exception {
    Descriptor d = descriptor(PROTO2);
    ProtoImport.Imported im = ProtoImport.message(d);
    RecordSchema r = im.schema();
    assertEquals(d.getFields().size(), r.size());
    assertTrue(im.layout().isDelimited(PROTO2, 201), "group Data = 201");
    assertTrue(im.layout().isUnpacked(PROTO2, d.findFieldByName("repeated_int32").getNumber()),
        "proto2 repeated scalars are unpacked by default");
    assertFalse(im.layout().isUnpacked(PROTO2, d.findFieldByName("packed_int32").getNumber()));
    // proto2 optional and required fields have presence
    assertTrue(r.field("optional_int32").optional());
    // A message with a group and an unpacked list re-encodes as protobuf-java writes it.
    DynamicMessage.Builder b = DynamicMessage.newBuilder(d);
    Descriptor group = d.findFieldByName("data").getMessageType();
    b.setField(d.findFieldByName("data"),
        DynamicMessage.newBuilder(group).setField(group.findFieldByName("group_int32"), 7).build());
    b.addRepeatedField(d.findFieldByName("repeated_int32"), 1);
    b.addRepeatedField(d.findFieldByName("repeated_int32"), -2);
    b.setField(d.findFieldByName("optional_int32"), 0);
    byte[] bytes = b.build().toByteArray();
    GenericRecord rec = im.codec().decode(bytes);
    assertEquals(0, rec.get("optional_int32"), "present although zero");
    assertNull(rec.get("optional_int64"));
    assertArrayEquals(bytes, im.codec().encode(rec));
  }

  @Test
  void aMissingImportFailsLoudly() {
    FileDescriptorProto broken = FileDescriptorProto.newBuilder().setName("broken.proto")
        .addDependency("nowhere.proto").build();
    FileDescriptorSet set = FileDescriptorSet.newBuilder().addFile(broken).build();
    SchemaException e = assertThrows(SchemaException.class, () -> ProtoImport.files(set));
    assertTrue(e.getMessage().contains("nowhere.proto"), e.getMessage());
    assertThrows(SchemaException.class, () -> ProtoImport.message(SET, "no.such.Message"));
  }
}
