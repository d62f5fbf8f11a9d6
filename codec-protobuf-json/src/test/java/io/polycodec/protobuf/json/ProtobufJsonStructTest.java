package io.polycodec.protobuf.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.util.JsonFormat;
import io.polycodec.Codec;
import io.polycodec.Codecs;
import io.polycodec.EncodeException;
import io.polycodec.GenericRecord;
import io.polycodec.protobuf.json.testproto.AnyJson;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.SchemaSnapshot;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * google.protobuf.Struct, Value and ListValue in an imported schema (the records ProtoImport makes of
 * struct.proto, written out here as a schema snapshot) against JsonFormat on the generated {@code AnyJson}.
 */
class ProtobufJsonStructTest {
  private static final RecordSchema SCHEMA = SchemaSnapshot.fromJson("""
      {"polycodec": "schema/1", "root": "polycodec.pbjson.test.AnyJson", "types": [
        {"kind": "enum", "name": "google.protobuf.NullValue", "constants": [{"name": "NULL_VALUE", "number": 0}]},
        {"kind": "record", "name": "google.protobuf.Struct", "fields": [
          {"name": "fields", "tag": 1, "type": "map<string,google.protobuf.Value>"}]},
        {"kind": "record", "name": "google.protobuf.ListValue", "fields": [
          {"name": "values", "tag": 1, "type": "list<google.protobuf.Value>"}]},
        {"kind": "record", "name": "google.protobuf.Value", "fields": [
          {"name": "null_value", "tag": 1, "type": "google.protobuf.NullValue", "optional": true, "oneof": "kind"},
          {"name": "number_value", "tag": 2, "type": "float64", "optional": true, "oneof": "kind"},
          {"name": "string_value", "tag": 3, "type": "string", "optional": true, "oneof": "kind"},
          {"name": "bool_value", "tag": 4, "type": "bool", "optional": true, "oneof": "kind"},
          {"name": "struct_value", "tag": 5, "type": "google.protobuf.Struct", "optional": true, "oneof": "kind"},
          {"name": "list_value", "tag": 6, "type": "google.protobuf.ListValue", "optional": true, "oneof": "kind"}]},
        {"kind": "record", "name": "polycodec.pbjson.test.AnyJson", "fields": [
          {"name": "object", "tag": 1, "type": "google.protobuf.Struct", "optional": true},
          {"name": "value", "tag": 2, "type": "google.protobuf.Value", "optional": true},
          {"name": "array", "tag": 3, "type": "google.protobuf.ListValue", "optional": true},
          {"name": "values", "tag": 4, "type": "list<google.protobuf.Value>"}]}
      ]}""");
  private static final Codec<GenericRecord> CODEC = Codecs.generic("protobuf-json", SCHEMA);

  @ParameterizedTest
  @ValueSource(strings = {
      "{}",
      "{\"object\":{}}",
      "{\"object\":{\"a\":1.5,\"b\":\"x\",\"c\":true,\"d\":null,\"e\":{\"f\":[1,\"2\",[],{}]}}}",
      "{\"value\":null}",
      "{\"value\":-3}",
      "{\"value\":\"s\"}",
      "{\"value\":[null,false,{\"k\":[[]]}]}",
      "{\"array\":[]}",
      "{\"array\":[1,{\"x\":null}]}",
      "{\"values\":[null,1,\"a\",{},[]]}",
  })
  void sameTextAndEachReadsTheOther(String json) throws Exception {
    AnyJson.Builder b = AnyJson.newBuilder();
    JsonFormat.parser().merge(json, b);
    AnyJson message = b.build();
    String theirs = JsonFormat.printer().print(message);
    String ours = new String(CODEC.encode(CODEC.decode(json.getBytes(StandardCharsets.UTF_8))), StandardCharsets.UTF_8);
    assertNull(JsonTrees.difference(JsonTrees.parse(ours), JsonTrees.parse(theirs), "$"), ours + " vs " + theirs);
    AnyJson.Builder again = AnyJson.newBuilder();
    JsonFormat.parser().merge(ours, again);
    assertEquals(message, again.build());
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY})
  void aValueCannotHoldNanOrInfinity(double d) {
    RecordSchema value = SCHEMA.field(1).type() instanceof RecordSchema r ? r : null;
    GenericRecord v = GenericRecord.builder(value).set("number_value", d).build();
    GenericRecord r = GenericRecord.builder(SCHEMA).set("value", v).build();
    assertThrows(EncodeException.class, () -> CODEC.encode(r));
  }
}
