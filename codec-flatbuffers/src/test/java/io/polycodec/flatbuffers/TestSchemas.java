package io.polycodec.flatbuffers;

import io.polycodec.schema.EnumSchema;
import io.polycodec.schema.Field;
import io.polycodec.schema.IntEncoding;
import io.polycodec.schema.Kind;
import io.polycodec.schema.Quantization;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import io.polycodec.schema.UnionSchema;
import java.util.List;

/** Hand-built schemas that together use every kind, every position a kind can take, and recursion. */
final class TestSchemas {
  private TestSchemas() {}

  static final EnumSchema COLOR = EnumSchema.of("Color", List.of(
      new EnumSchema.Constant("RED", 0), new EnumSchema.Constant("GREEN", 7), new EnumSchema.Constant("BLUE", -3)));

  /** No constant numbered 0: the default is the first, GOLD. */
  static final EnumSchema METAL = EnumSchema.of("shop.Metal", List.of(
      new EnumSchema.Constant("GOLD", 5), new EnumSchema.Constant("IRON", 9)));

  static final RecordSchema ADDRESS = RecordSchema.builder("Address")
      .field("street", 1, Schema.string())
      .field("zip", 3, Schema.int32())
      .optionalField("note", 4, Schema.string())
      .build();

  static final RecordSchema CIRCLE = RecordSchema.of("shapes.Circle", Field.of("radius", 1, Schema.float64()));

  static final RecordSchema SQUARE = RecordSchema.of("shapes.Square",
      Field.of("side", 1, Schema.float32()), Field.of("tag", 2, Schema.string()));

  static final RecordSchema EMPTY = RecordSchema.of("Empty");

  static final UnionSchema SHAPE = UnionSchema.of("shapes.Shape", List.of(
      new UnionSchema.Member("circle", 1, CIRCLE),
      new UnionSchema.Member("Square", 40, SQUARE),
      new UnionSchema.Member("nothing", 255, EMPTY)));

  /** A recursive record: children through a list, parent through an optional field, and a union. */
  static final RecordSchema NODE = node();

  private static RecordSchema node() {
    RecordSchema.Builder b = RecordSchema.builder("tree.Node");
    RecordSchema self = b.ref();
    UnionSchema child = UnionSchema.of("tree.Child", List.of(
        new UnionSchema.Member("leaf", 1, ADDRESS), new UnionSchema.Member("node", 2, self)));
    return b.field("label", 1, Schema.string())
        .field("children", 2, Schema.list(self))
        .optionalField("next", 3, self)
        .optionalField("child", 5, child)
        .build();
  }

  /** Every kind, as required and optional fields, list elements and map values, with gaps between tags. */
  static final RecordSchema EVERYTHING = RecordSchema.builder("test.Everything")
      .field("flag", 1, Schema.bool())
      .field("count", 2, Schema.int32())
      .field("big", 3, Schema.int64())
      .field("ratio", 4, Schema.float32())
      .field("precise", 5, Schema.float64())
      .field("name", 6, Schema.string())
      .field("blob", 7, Schema.bytes())
      .field("at", 8, Schema.timestamp())
      .field("color", 9, COLOR)
      .field("metal", 10, METAL)
      .field("home", 11, ADDRESS)
      .field("shape", 12, SHAPE)
      .field("zigzag", 14, Schema.int32(IntEncoding.ZIGZAG))
      .field("unsigned32", 15, Schema.int32(IntEncoding.UNSIGNED))
      .field("unsigned64", 16, Schema.int64(IntEncoding.UNSIGNED_FIXED))
      .field("tiny", 17, Schema.int8())
      .field("small", 18, Schema.int16())
      .field("span", 19, Schema.duration())
      .optionalField("oFlag", 20, Schema.bool())
      .optionalField("oCount", 21, Schema.int32())
      .optionalField("oBig", 22, Schema.int64())
      .optionalField("oRatio", 23, Schema.float32())
      .optionalField("oPrecise", 24, Schema.float64())
      .optionalField("oName", 25, Schema.string())
      .optionalField("oBlob", 26, Schema.bytes())
      .optionalField("oAt", 27, Schema.timestamp())
      .optionalField("oColor", 28, COLOR)
      .optionalField("oHome", 29, ADDRESS)
      .optionalField("oShape", 30, SHAPE)
      .optionalField("oTiny", 31, Schema.int8())
      .optionalField("oSmall", 32, Schema.int16())
      .optionalField("oSpan", 33, Schema.duration())
      .field("flags", 40, Schema.list(Schema.bool()))
      .field("ints", 41, Schema.list(Schema.int32()))
      .field("longs", 42, Schema.list(Schema.int64()))
      .field("floats", 43, Schema.list(Schema.float32()))
      .field("doubles", 44, Schema.list(Schema.float64()))
      .field("names", 45, Schema.list(Schema.string()))
      .field("blobs", 46, Schema.list(Schema.bytes()))
      .field("times", 47, Schema.list(Schema.timestamp()))
      .field("colors", 48, Schema.list(COLOR))
      .field("addresses", 49, Schema.list(ADDRESS))
      .field("shapes", 50, Schema.list(SHAPE))
      .field("spans", 51, Schema.list(Schema.duration()))
      .field("byName", 60, Schema.map(Schema.string(), Schema.int32()))
      .field("byId", 61, Schema.map(Schema.int64(), ADDRESS))
      .field("byFlag", 62, Schema.map(Schema.bool(), Schema.string()))
      .field("byCode", 63, Schema.map(Schema.int32(), SHAPE))
      .field("blobByName", 64, Schema.map(Schema.string(), Schema.bytes()))
      .field("timeByCode", 65, Schema.map(Schema.int32(IntEncoding.UNSIGNED), Schema.timestamp()))
      .field("colorByName", 66, Schema.map(Schema.string(), COLOR))
      .field("metalByName", 67, Schema.map(Schema.string(), METAL))
      .field("spanByName", 68, Schema.map(Schema.string(), Schema.duration()))
      .field("embedding", 70, Schema.float32Vector())
      .field("series", 71, Schema.float64Vector())
      .field("half", 72, Schema.float32Vector(Quantization.FP16))
      .field("brain", 73, Schema.float32Vector(Quantization.BF16))
      .field("bytesized", 74, Schema.float32Vector(Quantization.INT8))
      .field("tree", 80, NODE)
      .field(Field.optional("pickA", 90, Schema.string()).withOneof("pick"))
      .field(Field.optional("pickB", 91, Schema.int64()).withOneof("pick"))
      .field(Field.of("old", 92, Schema.int32()).withDeprecated(true))
      .build();

  /** Kinds in EVERYTHING, to check the schema really covers them all. */
  static boolean covers(Kind kind) {
    for (Field f : EVERYTHING.fields()) {
      if (f.type().kind() == kind) {
        return true;
      }
    }
    return false;
  }
}
