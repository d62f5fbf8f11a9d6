package io.polycodec.bind;

import io.polycodec.DecodeException;
import io.polycodec.schema.Field;
import io.polycodec.schema.Kind;
import io.polycodec.schema.Schema;
import io.polycodec.schema.VectorSchema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a missing non-optional field decodes to (and what an unset field of a
 * {@link io.polycodec.GenericRecord} holds), the same for typed and generic values.
 */
public final class Defaults {
  private Defaults() {}

  /**
   * The default of an unnamed kind in canonical (boxed) form: false, 0, "", empty bytes, the epoch, an
   * empty list, map or vector. Arrays are new each time: callers hand them to users, who may write to them.
   *
   * @throws IllegalArgumentException for records, enums and unions, whose defaults depend on how their
   *     values are represented (see {@link RecordBinding#defaultValue()}, {@link EnumBinding#defaultValue()})
   */
  public static Object of(Schema type) {
    switch (type.kind()) {
      case BOOL: return Boolean.FALSE;
      case INT8:
      case INT16:
      case INT32: return 0;
      case INT64: return 0L;
      case FLOAT32: return 0f;
      case FLOAT64: return 0d;
      case STRING: return "";
      case BYTES: return new byte[0];
      case TIMESTAMP: return Instant.EPOCH;
      case DURATION: return java.time.Duration.ZERO;
      case LIST: return List.of();
      case MAP: return Map.of();
      case VECTOR: return ((VectorSchema) type).element() == Kind.FLOAT64 ? new double[0] : new float[0];
      default: throw new IllegalArgumentException(type.describe() + " is a named type: its default depends on its binding");
    }
  }

  /** The default of {@code field}, whose named-type binding (if any) is {@code child}. */
  static Object of(Field field, TypeBinding child) {
    switch (field.type().kind()) {
      case ENUM: return ((EnumBinding) child).defaultValue();
      case RECORD: return ((RecordBinding<?>) child).defaultValue();
      case UNION:
        throw new DecodeException("required " + field.type().describe() + " is missing").prependField(field.name());
      default:
        return of(field.type());
    }
  }

  /** The boxed value of a primitive-kind slot. */
  static Object box(Kind kind, long bits) {
    switch (kind) {
      case BOOL: return bits != 0;
      case INT8:
      case INT16:
      case INT32: return (int) bits;
      case INT64: return bits;
      case FLOAT32: return Float.intBitsToFloat((int) bits);
      case FLOAT64: return Double.longBitsToDouble(bits);
      default: throw new AssertionError(kind);
    }
  }
}
