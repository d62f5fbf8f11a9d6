package io.polycodec.schema;

/**
 * The type of a value in Polycodec's closed, format-neutral data model. A schema is immutable once
 * built; record schemas may be recursive (through lists, maps and optional fields).
 *
 * <p>Schemas come from Java types ({@link io.polycodec.Codecs#schemaOf(Class)}) or are built by hand with the static
 * factories here and {@link RecordSchema#builder(String)}.
 */
public sealed interface Schema
    permits ScalarSchema, EnumSchema, ListSchema, VectorSchema, MapSchema, RecordSchema, UnionSchema {

  /** The kind of this schema. */
  Kind kind();

  /**
   * A short type expression used in messages and snapshots: {@code int32}, {@code list<Address>},
   * {@code map<string,int64>}, {@code vector<float32,fp16>}, or the name of a record, enum or union.
   */
  String describe();

  /**
   * Calls the method of {@code visitor} for this schema's kind and returns its result.
   *
   * @throws NullPointerException if {@code visitor} is null
   */
  <R> R accept(SchemaVisitor<R> visitor);

  /** {@code bool}. */
  static ScalarSchema bool() {
    return ScalarSchema.BOOL;
  }

  /** {@code int8}: a Java {@code byte}, as a value an {@code int} in -128..127. */
  static ScalarSchema int8() {
    return ScalarSchema.INT8;
  }

  /** {@code int16}: a Java {@code short}, as a value an {@code int} in -32768..32767. */
  static ScalarSchema int16() {
    return ScalarSchema.INT16;
  }

  /** {@code int32} as a two's-complement varint where the format offers a choice. */
  static ScalarSchema int32() {
    return ScalarSchema.INT32;
  }

  /** {@code int32} with an explicit wire encoding hint. */
  static ScalarSchema int32(IntEncoding encoding) {
    return ScalarSchema.of(Kind.INT32, encoding);
  }

  /** {@code int64} as a two's-complement varint where the format offers a choice. */
  static ScalarSchema int64() {
    return ScalarSchema.INT64;
  }

  /** {@code int64} with an explicit wire encoding hint. */
  static ScalarSchema int64(IntEncoding encoding) {
    return ScalarSchema.of(Kind.INT64, encoding);
  }

  /** {@code float32}. */
  static ScalarSchema float32() {
    return ScalarSchema.FLOAT32;
  }

  /** {@code float64}. */
  static ScalarSchema float64() {
    return ScalarSchema.FLOAT64;
  }

  /** {@code string}. */
  static ScalarSchema string() {
    return ScalarSchema.STRING;
  }

  /** {@code bytes}. */
  static ScalarSchema bytes() {
    return ScalarSchema.BYTES;
  }

  /** {@code timestamp}. */
  static ScalarSchema timestamp() {
    return ScalarSchema.TIMESTAMP;
  }

  /** {@code duration}: a {@code java.time.Duration} within {@link DurationRange}. */
  static ScalarSchema duration() {
    return ScalarSchema.DURATION;
  }

  /** A list of {@code element}; the element may not itself be a list, map or vector. */
  static ListSchema list(Schema element) {
    return new ListSchema(element);
  }

  /** A map; {@code key} must be string, bool, int32 or int64; {@code value} not a list, map or vector. */
  static MapSchema map(ScalarSchema key, Schema value) {
    return new MapSchema(key, value);
  }

  /** An unquantized {@code float32} vector ({@code float[]}). */
  static VectorSchema float32Vector() {
    return VectorSchema.FLOAT32;
  }

  /** A {@code float64} vector ({@code double[]}). */
  static VectorSchema float64Vector() {
    return VectorSchema.FLOAT64;
  }

  /** A {@code float32} vector stored with the given quantization. */
  static VectorSchema float32Vector(Quantization quantization) {
    return VectorSchema.of(Kind.FLOAT32, quantization);
  }
}
