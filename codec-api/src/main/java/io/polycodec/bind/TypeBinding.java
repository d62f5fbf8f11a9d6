package io.polycodec.bind;

import io.polycodec.schema.Schema;

/**
 * How values of one named schema type (record, union, enum) are represented in Java: as the user's
 * records, sealed interfaces and enums, or as {@link io.polycodec.GenericRecord}s and
 * {@link io.polycodec.GenericEnum}s. Codecs compile a plan from a schema and its bindings once, then
 * read and build values only through the bindings, so one encoder serves typed and generic values.
 */
public interface TypeBinding {
  /** The schema this binding represents. */
  Schema schema();

  /** The Java class of the values: the record, interface or enum class, or a generic value class. */
  Class<?> javaType();
}
