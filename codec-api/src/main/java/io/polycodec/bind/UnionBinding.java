package io.polycodec.bind;

import io.polycodec.GenericRecord;
import io.polycodec.schema.UnionSchema;

/**
 * Tells which member of a union a value is, and gives each member's record binding. Immutable and
 * thread-safe.
 */
public final class UnionBinding implements TypeBinding {
  private final UnionSchema schema;
  private final Class<?> javaType;
  private final Class<?>[] memberClasses;
  final RecordBinding<?>[] members;

  UnionBinding(UnionSchema schema, Class<?> javaType, Class<?>[] memberClasses) {
    this.schema = schema;
    this.javaType = javaType;
    this.memberClasses = memberClasses;
    this.members = new RecordBinding<?>[schema.members().size()];
  }

  @Override
  public UnionSchema schema() {
    return schema;
  }

  @Override
  public Class<?> javaType() {
    return javaType;
  }

  /** The binding of member {@code index} (schema order). */
  public RecordBinding<?> member(int index) {
    return members[index];
  }

  /** The index of the member {@code value} belongs to, or -1 if none. */
  public int memberIndex(Object value) {
    if (memberClasses == null) {
      return value instanceof GenericRecord ? schema.indexOfType(((GenericRecord) value).schema()) : -1;
    }
    Class<?> c = value.getClass();
    for (int i = 0; i < memberClasses.length; i++) {
      if (memberClasses[i] == c) {
        return i;
      }
    }
    return -1;
  }
}
