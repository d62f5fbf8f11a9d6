package io.polycodec.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.Format;
import io.polycodec.schema.Field;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The grades of adding and removing {@code required} and of changing a default, per format (the table
 * in docs/evolution.md, "Required fields and defaults"). Real-bytes proofs: ProtoDefaultsTest,
 * FlatDefaultsTest and the TCK's defaults property.
 */
class RequiredAndDefaultRulesTest {
  private static String grade(RecordSchema w, RecordSchema r, Format f) {
    CompatibilityResult c = Compatibility.check(w, r, f);
    if (!c.isCompatible()) {
      return "breaking";
    }
    return c.caveats().isEmpty() ? "safe" : "caveat";
  }

  private static RecordSchema one(Field f) {
    return RecordSchema.of("M", f);
  }

  private static void expect(RecordSchema w, RecordSchema r, Map<String, String> byFormat) {
    for (Map.Entry<String, String> e : byFormat.entrySet()) {
      Format f = Formats.ALL.get(e.getKey());
      assertEquals(e.getValue(), grade(w, r, f), e.getKey() + ": " + Compatibility.check(w, r, f).report());
    }
  }

  @Test
  void addingARequiredField() {
    RecordSchema w = one(Field.of("a", 1, Schema.int32()));
    RecordSchema r = RecordSchema.of("M", Field.of("a", 1, Schema.int32()), Field.of("b", 2, Schema.string()).withRequired(true));
    expect(w, r, Map.of("protobuf", "breaking", "flatbuffers", "breaking", "json", "breaking", "msgpack", "breaking"));
    RecordSchema scalar = RecordSchema.of("M", Field.of("a", 1, Schema.int32()), Field.of("b", 2, Schema.int32()).withRequired(true));
    expect(w, scalar, Map.of("flatbuffers", "safe", "protobuf", "breaking"));
  }

  @Test
  void makingAFieldRequired() {
    Field plain = Field.of("s", 1, Schema.string());
    expect(one(plain), one(plain.withRequired(true)),
        Map.of("protobuf", "breaking", "flatbuffers", "caveat", "json", "caveat", "msgpack", "caveat"));
    Field bytes = Field.of("b", 1, Schema.bytes());
    expect(one(bytes), one(bytes.withRequired(true)), Map.of("flatbuffers", "breaking"));
    Field n = Field.of("n", 1, Schema.int64());
    expect(one(n), one(n.withRequired(true)), Map.of("flatbuffers", "safe", "protobuf", "breaking"));
    // Removing it, in this direction, leaves data that always has the field.
    expect(one(plain.withRequired(true)), one(plain),
        Map.of("protobuf", "safe", "flatbuffers", "safe", "json", "safe", "msgpack", "safe"));
  }

  /** Required collections: Protobuf cannot tell an absent list from an empty one, FlatBuffers left empty ones out. */
  @Test
  void makingAListRequired() {
    Field list = Field.of("xs", 1, Schema.list(Schema.string()));
    expect(one(list), one(list.withRequired(true)),
        Map.of("protobuf", "safe", "flatbuffers", "breaking", "json", "caveat", "msgpack", "caveat"));
    assertTrue(Compatibility.check(one(list), one(list.withRequired(true)), Formats.ALL.get("protobuf")).report()
        .contains("cannot enforce on a list<string>"));
    RecordSchema w = one(Field.of("a", 1, Schema.int32()));
    RecordSchema added = RecordSchema.of("M", Field.of("a", 1, Schema.int32()), list.withTag(2).withRequired(true));
    expect(w, added, Map.of("protobuf", "safe", "flatbuffers", "breaking", "json", "breaking", "msgpack", "breaking"));
  }

  @Test
  void changingADefault() {
    Field five = Field.of("n", 1, Schema.int32()).withDefault(5);
    Field seven = five.withDefault(7);
    expect(one(five), one(seven), Map.of("protobuf", "breaking", "flatbuffers", "breaking", "json", "caveat", "msgpack", "caveat"));
    expect(one(five.withRequired(true)), one(seven.withRequired(true)), Map.of("protobuf", "caveat"));
    Field text = Field.of("s", 1, Schema.string()).withDefault("a");
    expect(one(text), one(text.withDefault("b")), Map.of("flatbuffers", "caveat", "protobuf", "breaking"));
    // From the kind's zero to an own default is a change of default too.
    expect(one(Field.of("n", 1, Schema.int32())), one(seven), Map.of("protobuf", "breaking", "json", "caveat"));
    CompatibilityResult r = Compatibility.check(one(five), one(seven), Formats.ALL.get("flatbuffers"));
    assertTrue(r.report().contains("default changed from 5 to 7") && r.report().contains("flatc --conform"), r.report());
    assertEquals("safe", grade(one(five), one(five), Formats.ALL.get("protobuf")));
  }
}
