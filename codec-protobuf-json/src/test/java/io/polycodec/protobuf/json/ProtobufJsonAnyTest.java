package io.polycodec.protobuf.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Duration;
import com.google.protobuf.Int32Value;
import com.google.protobuf.Struct;
import com.google.protobuf.Timestamp;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import io.polycodec.Codec;
import io.polycodec.CodecOptions;
import io.polycodec.Codecs;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.GenericRecord;
import io.polycodec.protobuf.ProtoImport;
import io.polycodec.protobuf.json.testproto.AnyHolder;
import io.polycodec.protobuf.json.testproto.Everything;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * google.protobuf.Any in an imported schema, against JsonFormat with a type registry of the same types:
 * the same JSON modulo whitespace and key order, each reading the other's, and the bytes protobuf-java
 * reads back unchanged.
 */
class ProtobufJsonAnyTest {
  private static final List<Descriptor> TYPES = List.of(Everything.getDescriptor(), Duration.getDescriptor(),
      Timestamp.getDescriptor(), Int32Value.getDescriptor(), Struct.getDescriptor(), Value.getDescriptor(),
      Any.getDescriptor());
  private static final ProtoImport.Imported HOLDER = ProtoImport.message(AnyHolder.getDescriptor());

  private static AnyTypes registry() {
    AnyTypes.Builder b = AnyTypes.builder();
    for (Descriptor d : TYPES) {
      ProtoImport.Imported imported = ProtoImport.message(d);
      b.add(imported.schema(), imported.codec());
    }
    return b.build();
  }

  private static Codec<GenericRecord> json(AnyTypes types) {
    return Codecs.generic("protobuf-json", HOLDER.schema(),
        CodecOptions.builder().set(ProtobufJsonOptions.ANY_TYPES, types)
            .set(ProtobufJsonOptions.IGNORE_UNKNOWN_FIELDS, false).build());
  }

  private static JsonFormat.TypeRegistry protobufRegistry() {
    JsonFormat.TypeRegistry.Builder b = JsonFormat.TypeRegistry.newBuilder();
    TYPES.forEach(b::add);
    return b.build();
  }

  private static AnyHolder sample() {
    Everything inner = Everything.newBuilder().setSmall(-7).setDisplayName("Ada").setBig(1L << 40).build();
    return AnyHolder.newBuilder()
        .setPayload(Any.pack(inner))
        .addMany(Any.pack(Duration.newBuilder().setSeconds(1).setNanos(500_000_000).build()))
        .addMany(Any.pack(Any.pack(Int32Value.of(42))))
        .addMany(Any.pack(Value.newBuilder().setStringValue("x").build()))
        .addMany(Any.getDefaultInstance())
        .build();
  }

  @Test
  void writesWhatJsonFormatWritesAndReadsItBack() throws Exception {
    AnyHolder message = sample();
    Codec<GenericRecord> codec = json(registry());
    GenericRecord record = HOLDER.codec().decode(message.toByteArray());
    String ours = new String(codec.encode(record), StandardCharsets.UTF_8);
    String theirs = JsonFormat.printer().usingTypeRegistry(protobufRegistry()).print(message);
    assertNull(JsonTrees.difference(JsonTrees.parse(theirs), JsonTrees.parse(ours), "$"), ours + "\nvs\n" + theirs);
    assertTrue(ours.contains("\"@type\":\"type.googleapis.com/polycodec.pbjson.test.Everything\""), ours);

    // each reads the other's text into the same message
    GenericRecord fromTheirs = codec.decode(theirs.getBytes(StandardCharsets.UTF_8));
    assertEquals(message, AnyHolder.parseFrom(HOLDER.codec().encode(fromTheirs)));
    AnyHolder.Builder again = AnyHolder.newBuilder();
    JsonFormat.parser().usingTypeRegistry(protobufRegistry()).merge(ours, again);
    assertEquals(message, again.build());
  }

  @Test
  void theTypeKeyMayComeLast() throws Exception {
    String json = "{\"payload\":{\"displayName\":\"Ada\",\"small\":-7,"
        + "\"@type\":\"type.googleapis.com/polycodec.pbjson.test.Everything\"}}";
    GenericRecord r = json(registry()).decode(json.getBytes(StandardCharsets.UTF_8));
    AnyHolder parsed = AnyHolder.parseFrom(HOLDER.codec().encode(r));
    assertEquals(Everything.newBuilder().setSmall(-7).setDisplayName("Ada").build(),
        parsed.getPayload().unpack(Everything.class));
  }

  @Test
  void aTypeOutsideTheRegistryIsRefusedBothWays() {
    Codec<GenericRecord> codec = json(AnyTypes.empty());
    GenericRecord record = HOLDER.codec().decode(sample().toByteArray());
    EncodeException e = assertThrows(EncodeException.class, () -> codec.encode(record));
    assertTrue(e.getMessage().contains("polycodec.pbjson.test.Everything") && e.getMessage().contains("AnyTypes"),
        e.getMessage());
    DecodeException d = assertThrows(DecodeException.class, () -> codec.decode(
        "{\"payload\":{\"@type\":\"type.googleapis.com/polycodec.pbjson.test.Everything\"}}".getBytes(StandardCharsets.UTF_8)));
    assertTrue(d.getMessage().contains("AnyHolder.payload") && d.getMessage().contains("not in the codec's AnyTypes"),
        d.getMessage());
  }

  @Test
  void badAnyObjectsAreDecodeExceptions() {
    Codec<GenericRecord> codec = json(registry());
    for (String bad : List.of(
        "{\"payload\":{\"small\":1}}", // fields but no @type
        "{\"payload\":{\"@type\":\"no-slash\"}}",
        "{\"payload\":{\"@type\":7}}",
        "{\"payload\":{\"@type\":\"type.googleapis.com/google.protobuf.Duration\"}}", // special form without value
        "{\"payload\":{\"@type\":\"type.googleapis.com/google.protobuf.Duration\",\"value\":\"1s\",\"x\":1}}",
        "{\"payload\":{\"small\":1,\"@type\":\"type.googleapis.com/polycodec.pbjson.test.Everything\",\"small\":\"z\"}}",
        "{\"payload\":[]}")) {
      DecodeException e = assertThrows(DecodeException.class, () -> codec.decode(bad.getBytes(StandardCharsets.UTF_8)),
          bad);
      assertTrue(e.getMessage().startsWith("protobuf-json: at offset "), e.getMessage());
    }
  }

  @Test
  void anEmptyAnyIsAnEmptyObject() {
    Codec<GenericRecord> codec = json(AnyTypes.empty());
    GenericRecord r = codec.decode("{\"payload\":{}}".getBytes(StandardCharsets.UTF_8));
    assertEquals("{\"payload\":{}}", new String(codec.encode(r), StandardCharsets.UTF_8));
  }
}
