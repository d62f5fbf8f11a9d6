package io.polycodec.bind;

/** How a record component holds its field's value in Java, beyond what the schema says. */
enum JavaRep {
  /** A primitive of the field's kind. */
  PRIMITIVE,
  /** {@code byte}, widened to int32. */
  PRIMITIVE_BYTE,
  /** {@code short}, widened to int32. */
  PRIMITIVE_SHORT,
  /** A box of the field's kind ({@code Integer}…), never null. */
  BOXED,
  /** {@code Byte}, never null. */
  BOXED_BYTE,
  /** {@code Short}, never null. */
  BOXED_SHORT,
  /** A reference, never null (String, byte[], Instant, List, Map, arrays, enums, records, unions). */
  REFERENCE,
  /** A reference annotated {@code @Nullable}: null means absent. */
  NULLABLE,
  /** {@code @Nullable Byte}. */
  NULLABLE_BYTE,
  /** {@code @Nullable Short}. */
  NULLABLE_SHORT,
  /** {@code Optional<T>}. */
  OPTIONAL,
  /** {@code OptionalInt}. */
  OPTIONAL_INT,
  /** {@code OptionalLong}. */
  OPTIONAL_LONG,
  /** {@code OptionalDouble}. */
  OPTIONAL_DOUBLE;

  boolean isOptional() {
    return this == NULLABLE || this == NULLABLE_BYTE || this == NULLABLE_SHORT || this == OPTIONAL
        || this == OPTIONAL_INT || this == OPTIONAL_LONG || this == OPTIONAL_DOUBLE;
  }
}
