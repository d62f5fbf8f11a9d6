package io.polycodec.schema;

import java.util.Objects;

/**
 * A map from string, bool, int32 or int64 keys to values of one schema ({@code Map<K, V>}); keys and
 * values are never null.
 */
public final class MapSchema implements Schema {
  private final ScalarSchema key;
  private final Schema value;

  MapSchema(ScalarSchema key, Schema value) {
    this.key = Objects.requireNonNull(key, "key");
    this.value = Objects.requireNonNull(value, "value");
    Kind k = key.kind();
    if (k != Kind.STRING && k != Kind.BOOL && k != Kind.INT32 && k != Kind.INT64) {
      throw new IllegalArgumentException("a map key must be string, bool, int32 or int64, not " + key.describe());
    }
    if (value.kind().isCollection()) {
      throw new IllegalArgumentException(
          "a map value cannot be a " + value.describe() + ": wrap the inner collection in a record");
    }
  }

  /** The key schema: string, bool, int32 or int64 (integers possibly with an encoding hint). */
  public ScalarSchema key() {
    return key;
  }

  /** The value schema. */
  public Schema value() {
    return value;
  }

  @Override
  public <R> R accept(SchemaVisitor<R> visitor) {
    return visitor.visitMap(this);
  }

  @Override
  public Kind kind() {
    return Kind.MAP;
  }

  @Override
  public String describe() {
    return "map<" + key.describe() + "," + value.describe() + ">";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MapSchema && key.equals(((MapSchema) o).key) && value.equals(((MapSchema) o).value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Kind.MAP, key, value);
  }

  @Override
  public String toString() {
    return describe();
  }
}
