package io.polycodec.flatbuffers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.GenericRecord;
import io.polycodec.SchemaException;
import io.polycodec.schema.EnumSchema;
import io.polycodec.schema.Field;
import io.polycodec.schema.IntEncoding;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import io.polycodec.schema.UnionSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FbsExportTest {

  @Test
  void idsAreTagsMinusOneWithPlaceholdersInTheGaps() {
    RecordSchema s = RecordSchema.builder("Gappy")
        .field("a", 2, Schema.int32())
        .optionalField("b", 5, Schema.int64(IntEncoding.UNSIGNED))
        .field("_unused0", 7, Schema.bool())
        .build();
    String fbs = FbsExport.render(s);
    assertTrue(fbs.contains("table Gappy {\n"
        + "  __unused0: ubyte (id: 0, deprecated);\n"
        + "  a: int (id: 1);\n"
        + "  _unused2: ubyte (id: 2, deprecated);\n"
        + "  _unused3: ubyte (id: 3, deprecated);\n"
        + "  b: ulong = null (id: 4);\n"
        + "  _unused5: ubyte (id: 5, deprecated);\n"
        + "  _unused0: bool (id: 6);\n"
        + "}\n"), fbs);
    assertTrue(fbs.endsWith("root_type Gappy;\n"), fbs);
  }

  @Test
  void enumsDeclareTheirDefaultAndOptionalsNull() {
    RecordSchema s = RecordSchema.builder("shop.Item")
        .field("metal", 1, TestSchemas.METAL)
        .optionalField("maybe", 2, TestSchemas.METAL)
        .field("byMetal", 3, Schema.map(Schema.int32(), TestSchemas.METAL))
        .field("byName", 4, Schema.map(Schema.string(), Schema.bool()))
        .build();
    String fbs = FbsExport.render(s);
    assertTrue(fbs.contains("namespace shop;\n\nenum Metal : int {\n  GOLD = 5,\n  IRON = 9\n}"), fbs);
    assertTrue(fbs.contains("  metal: shop.Metal = GOLD (id: 0);"), fbs);
    assertTrue(fbs.contains("  maybe: shop.Metal = null (id: 1);"), fbs);
    assertTrue(fbs.contains("table Item_byMetal_Entry {\n  key: int (id: 0, key);\n  value: shop.Metal = GOLD (id: 1);\n}"), fbs);
    // String keys are sorted as String.compareTo sorts them (UTF-16), which is not FlatBuffers' byte order.
    assertTrue(fbs.contains("table Item_byName_Entry {\n  key: string (id: 0);\n"), fbs);
    assertTrue(fbs.endsWith("namespace;\n\nroot_type shop.Item;\n"), fbs);
  }

  @Test
  void generatedNamesMustNotCollide() {
    RecordSchema entry = RecordSchema.of("R_m_Entry");
    RecordSchema r = RecordSchema.builder("R")
        .field("m", 1, Schema.map(Schema.string(), Schema.int32()))
        .optionalField("e", 2, entry)
        .build();
    SchemaException e = assertThrows(SchemaException.class, () -> FbsExport.render(r));
    assertTrue(e.getMessage().contains("R_m_Entry"), e.getMessage());

    RecordSchema fake = RecordSchema.of("Shape_Union");
    UnionSchema u = UnionSchema.of("Shape", fake);
    // A holder-layout field makes the export declare union Shape_Union beside table Shape.
    SchemaException e2 = assertThrows(SchemaException.class, () -> FbsExport.render(RecordSchema.of("Q", Field.of("s", 1, u)),
        FlatLayout.builder().holderUnion("Q", "s").build()));
    assertTrue(e2.getMessage().contains("Shape_Union"), e2.getMessage());
  }

  @Test
  void referencesThatFlatcWouldResolveElsewhereAreRefused() {
    RecordSchema rootLevel = RecordSchema.of("Point");
    RecordSchema shadow = RecordSchema.of("geo.Point");
    RecordSchema user = RecordSchema.builder("geo.Map")
        .optionalField("a", 1, rootLevel)
        .optionalField("b", 2, shadow)
        .build();
    SchemaException e = assertThrows(SchemaException.class, () -> FbsExport.render(user));
    assertTrue(e.getMessage().contains("Point would resolve to geo.Point"), e.getMessage());
  }

  @Test
  void flatcAcceptsWhatIsWritten(@TempDir Path dir) throws IOException {
    Flatc.require();
    EnumSchema none = EnumSchema.of("NoZero", List.of(new EnumSchema.Constant("ONE", 1)));
    RecordSchema s = RecordSchema.builder("a.b.Deep")
        .field("e", 1, none)
        .field("n", 3, TestSchemas.NODE)
        .field("blobs", 9, Schema.list(Schema.bytes()))
        .build();
    FlatBuffersCodec<GenericRecord> codec = FlatBuffersCodec.generic(s);
    Files.writeString(dir.resolve("d.fbs"), codec.fbs());
    Files.write(dir.resolve("d.bin"), codec.encode(GenericRecord.builder(s).build()));
    Flatc.run(dir, List.of("--json", "--strict-json", "--raw-binary", "--defaults-json", "d.fbs", "--", "d.bin"));
    String json = Files.readString(dir.resolve("d.json"));
    assertTrue(json.contains("\"e\": \"ONE\""), json);
    assertEquals(GenericRecord.builder(s).build(), FlatcJson.read(json, s));
  }
}
