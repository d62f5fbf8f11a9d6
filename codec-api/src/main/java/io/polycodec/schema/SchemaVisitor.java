package io.polycodec.schema;

/**
 * One method per kind of the model: what a backend's plan compiler, an exporter or a checker implements
 * to handle every kind. There are no default methods on purpose: when a kind is added to the model,
 * every visitor stops compiling until it says how that kind is handled, instead of failing at run time
 * in a {@code switch … default: throw}.
 *
 * <p>{@link Schema#accept} calls exactly one method, the one of the schema's {@link Schema#kind()}.
 * Scalar kinds share the {@link ScalarSchema} class but get a method each, so that a visitor cannot
 * forget one.
 *
 * @param <R> what the visitor makes of a schema node (a plan, a type name…)
 */
public interface SchemaVisitor<R> {
  /** A {@code bool}. */
  R visitBool(ScalarSchema schema);

  /** An {@code int8} (a Java {@code byte}, held as an int in -128..127). */
  R visitInt8(ScalarSchema schema);

  /** An {@code int16} (a Java {@code short}, held as an int in -32768..32767). */
  R visitInt16(ScalarSchema schema);

  /** An {@code int32} (its {@link ScalarSchema#encoding()} says how it is laid out). */
  R visitInt32(ScalarSchema schema);

  /** An {@code int64} (its {@link ScalarSchema#encoding()} says how it is laid out). */
  R visitInt64(ScalarSchema schema);

  /** A {@code float32}. */
  R visitFloat32(ScalarSchema schema);

  /** A {@code float64}. */
  R visitFloat64(ScalarSchema schema);

  /** A {@code string}. */
  R visitString(ScalarSchema schema);

  /** A {@code bytes}. */
  R visitBytes(ScalarSchema schema);

  /** A {@code timestamp}. */
  R visitTimestamp(ScalarSchema schema);

  /** A {@code duration} (a {@code java.time.Duration} within {@link DurationRange}). */
  R visitDuration(ScalarSchema schema);

  /** An enum. */
  R visitEnum(EnumSchema schema);

  /** A list. */
  R visitList(ListSchema schema);

  /** A dense numeric vector. */
  R visitVector(VectorSchema schema);

  /** A map. */
  R visitMap(MapSchema schema);

  /** A record. */
  R visitRecord(RecordSchema schema);

  /** A union. */
  R visitUnion(UnionSchema schema);
}
