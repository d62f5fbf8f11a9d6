package io.polycodec.bind;

/**
 * How a record component holds its field's value in Java, beyond what the schema says. For an adapted
 * component it describes the model type in the component's shape ({@link Adaptation}).
 */
enum JavaRep {
  /** A primitive of the field's kind. */
  PRIMITIVE,
  /** {@code byte} (int8), held as an int. */
  PRIMITIVE_BYTE,
  /** {@code short} (int16), held as an int. */
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
  /** {@code Set<E>}: a list on the wire; duplicates on decode are an error. */
  SET,
  /** {@code SortedSet<E>} (natural order): a list on the wire in that order; duplicates are an error. */
  SORTED_SET,
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
