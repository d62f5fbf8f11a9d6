package io.polycodec.bind;

/** How a record component holds its field's value in Java, beyond what the schema says. */
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
  /** A type with a {@link StringForm} (UUID, URI), never null: a string in the model. */
  STRING_FORM,
  /** A {@code @Nullable} type with a {@link StringForm}. */
  NULLABLE_STRING_FORM,
  /** {@code Optional<T>} of a type with a {@link StringForm}. */
  OPTIONAL_STRING_FORM,
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
        || this == NULLABLE_STRING_FORM || this == OPTIONAL_STRING_FORM
        || this == OPTIONAL_INT || this == OPTIONAL_LONG || this == OPTIONAL_DOUBLE;
  }
}
