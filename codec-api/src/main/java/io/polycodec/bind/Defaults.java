package io.polycodec.bind;

import io.polycodec.DecodeException;
import io.polycodec.schema.Field;
import io.polycodec.schema.Kind;
import io.polycodec.schema.VectorSchema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What a missing non-optional field decodes to, for typed and generic values alike. */
final class Defaults {
  private Defaults() {}

  /**
   * A fresh default of {@code field}'s type, in canonical (boxed) form; {@code child} is the field's
   * named-type binding. Arrays are new each time: callers may hand them to users, who may write to them.
   */
  static Object of(Field field, TypeBinding child) {
    switch (field.type().kind()) {
      case BOOL: return Boolean.FALSE;
      case INT32: return 0;
      case INT64: return 0L;
      case FLOAT32: return 0f;
      case FLOAT64: return 0d;
      case STRING: return "";
      case BYTES: return new byte[0];
      case TIMESTAMP: return Instant.EPOCH;
      case LIST: return List.of();
      case MAP: return Map.of();
      case VECTOR: return ((VectorSchema) field.type()).element() == Kind.FLOAT64 ? new double[0] : new float[0];
      case ENUM: return ((EnumBinding) child).defaultValue();
      case RECORD: return ((RecordBinding<?>) child).defaultValue();
      case UNION:
        throw new DecodeException("required " + field.type().describe() + " is missing").prependField(field.name());
      default:
        throw new AssertionError(field.type().kind());
    }
  }

  /** The boxed value of a primitive-kind slot. */
  static Object box(Kind kind, long bits) {
    switch (kind) {
      case BOOL: return bits != 0;
      case INT32: return (int) bits;
      case INT64: return bits;
      case FLOAT32: return Float.intBitsToFloat((int) bits);
      case FLOAT64: return Double.longBitsToDouble(bits);
      default: throw new AssertionError(kind);
    }
  }
}
