package io.polycodec.protobuf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.ExtensionRegistry;
import io.polycodec.GenericRecord;
import io.polycodec.UnknownFields;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * protobuf's golden messages (src/test/resources/golden) decode through schemas imported from their
 * descriptors, hold what protobuf-java reads from them, and re-encode byte for byte.
 */
class GoldenMessagesTest {
  private static final FileDescriptorSet GOLDEN = Descriptors.load("golden.desc");

  private static GenericRecord roundTrip(String file, String message) throws Exception {
    byte[] golden = Descriptors.resource("/golden/" + file);
    ProtoImport.Imported imported = ProtoImport.message(GOLDEN, message);
    GenericRecord record = imported.codec().decode(golden);
    Descriptor d = descriptor(message);
    DynamicCompare.assertSameValues(DynamicMessage.parseFrom(d, golden, ExtensionRegistry.getEmptyRegistry()), record);
    assertArrayEquals(golden, imported.codec().encode(record), file + " does not re-encode byte for byte");
    return record;
  }

  static Descriptor descriptor(String message) {
    for (var f : ProtoImport.files(GOLDEN)) {
      for (Descriptor d : f.getMessageTypes()) {
        if (d.getFullName().equals(message)) {
          return d;
        }
      }
    }
    throw new AssertionError(message);
  }

  @Test
  void proto3AllTypes() throws Exception {
    GenericRecord r = roundTrip("golden_message_proto3", "proto3_arena_unittest.TestAllTypes");
    assertTrue(r.unknownFields().isEmpty(), "every field is known");
    assertFalse(((List<?>) r.get("repeated_int32")).isEmpty(), "the golden message sets repeated fields");
  }

  @Test
  void proto3Maps() throws Exception {
    // Written with deterministic serialization: keys sorted, as Polycodec writes them.
    GenericRecord r = roundTrip("golden_message_maps", "polycodec.golden.TestMaps");
    assertTrue(r.unknownFields().isEmpty());
    assertEquals(2, ((java.util.Map<?, ?>) r.get("m_bool")).size());
  }

  @Test
  void proto2PackedFields() throws Exception {
    GenericRecord r = roundTrip("golden_packed_fields_message", "protobuf_unittest.TestPackedTypes");
    assertTrue(r.unknownFields().isEmpty());
  }

  @Test
  void proto2AllTypesWithGroupsAndUnpackedFields() throws Exception {
    GenericRecord r = roundTrip("golden_message_oneof_implemented", "protobuf_unittest.TestAllTypes");
    assertTrue(r.unknownFields().isEmpty());
    assertTrue(r.get("optionalgroup") instanceof GenericRecord, "the group decodes as a record");
  }

  @Test
  void proto2ExtensionsAreKeptAsUnknownFields() throws Exception {
    GenericRecord r = roundTrip("golden_message", "protobuf_unittest.TestAllExtensions");
    UnknownFields u = r.unknownFields();
    assertEquals(Descriptors.resource("/golden/golden_message").length, u.size(), "every byte is an extension");
  }
}
