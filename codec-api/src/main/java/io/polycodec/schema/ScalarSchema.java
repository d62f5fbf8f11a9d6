package io.polycodec.schema;

import java.util.Objects;

/**
 * A schema of a scalar kind: bool, int8, int16, int32, int64, float32, float64, string, bytes,
 * timestamp or duration. int32 and int64 carry an {@link IntEncoding} hint; instances are interned and compared by
 * value.
 */
public final class ScalarSchema implements Schema {
  static final ScalarSchema BOOL = new ScalarSchema(Kind.BOOL, IntEncoding.VARINT);
  static final ScalarSchema INT8 = new ScalarSchema(Kind.INT8, IntEncoding.VARINT);
  static final ScalarSchema INT16 = new ScalarSchema(Kind.INT16, IntEncoding.VARINT);
  static final ScalarSchema INT32 = new ScalarSchema(Kind.INT32, IntEncoding.VARINT);
  static final ScalarSchema INT64 = new ScalarSchema(Kind.INT64, IntEncoding.VARINT);
  static final ScalarSchema FLOAT32 = new ScalarSchema(Kind.FLOAT32, IntEncoding.VARINT);
  static final ScalarSchema FLOAT64 = new ScalarSchema(Kind.FLOAT64, IntEncoding.VARINT);
  static final ScalarSchema STRING = new ScalarSchema(Kind.STRING, IntEncoding.VARINT);
  static final ScalarSchema BYTES = new ScalarSchema(Kind.BYTES, IntEncoding.VARINT);
  static final ScalarSchema TIMESTAMP = new ScalarSchema(Kind.TIMESTAMP, IntEncoding.VARINT);
  static final ScalarSchema DURATION = new ScalarSchema(Kind.DURATION, IntEncoding.VARINT);

  private static final ScalarSchema[] INT32_BY_ENCODING = interned(Kind.INT32, INT32);
  private static final ScalarSchema[] INT64_BY_ENCODING = interned(Kind.INT64, INT64);

  private final Kind kind;
  private final IntEncoding encoding;

  private ScalarSchema(Kind kind, IntEncoding encoding) {
    this.kind = kind;
    this.encoding = encoding;
  }

  private static ScalarSchema[] interned(Kind kind, ScalarSchema varint) {
    ScalarSchema[] all = new ScalarSchema[IntEncoding.values().length];
    for (IntEncoding e : IntEncoding.values()) {
      all[e.ordinal()] = e == IntEncoding.VARINT ? varint : new ScalarSchema(kind, e);
    }
    return all;
  }

  /**
   * The scalar schema of {@code kind}.
   *
   * @throws IllegalArgumentException if {@code kind} is not scalar, or an encoding other than
   *     {@code VARINT} is given for a non-integer kind
   */
  public static ScalarSchema of(Kind kind, IntEncoding encoding) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(encoding, "encoding");
    switch (kind) {
      case INT32:
        return INT32_BY_ENCODING[encoding.ordinal()];
      case INT64:
        return INT64_BY_ENCODING[encoding.ordinal()];
      default:
        break;
    }
    if (encoding != IntEncoding.VARINT) {
      throw new IllegalArgumentException("an integer encoding applies to int32 and int64 only, not " + kind);
    }
    return of(kind);
  }

  /**
   * The scalar schema of {@code kind} with the default encoding.
   *
   * @throws IllegalArgumentException if {@code kind} is not scalar
   */
  public static ScalarSchema of(Kind kind) {
    switch (Objects.requireNonNull(kind, "kind")) {
      case BOOL: return BOOL;
      case INT8: return INT8;
      case INT16: return INT16;
      case INT32: return INT32;
      case INT64: return INT64;
      case FLOAT32: return FLOAT32;
      case FLOAT64: return FLOAT64;
      case STRING: return STRING;
      case BYTES: return BYTES;
      case TIMESTAMP: return TIMESTAMP;
      case DURATION: return DURATION;
      default: throw new IllegalArgumentException(kind + " is not a scalar kind");
    }
  }

  @Override
  public <R> R accept(SchemaVisitor<R> visitor) {
    // A switch expression over the enum must name every kind (no default), so a new kind fails here too.
    return switch (kind) {
      case BOOL -> visitor.visitBool(this);
      case INT8 -> visitor.visitInt8(this);
      case INT16 -> visitor.visitInt16(this);
      case INT32 -> visitor.visitInt32(this);
      case INT64 -> visitor.visitInt64(this);
      case FLOAT32 -> visitor.visitFloat32(this);
      case FLOAT64 -> visitor.visitFloat64(this);
      case STRING -> visitor.visitString(this);
      case BYTES -> visitor.visitBytes(this);
      case TIMESTAMP -> visitor.visitTimestamp(this);
      case DURATION -> visitor.visitDuration(this);
      case ENUM, LIST, VECTOR, MAP, RECORD, UNION -> throw new AssertionError(kind + " is not scalar");
    };
  }

  @Override
  public Kind kind() {
    return kind;
  }

  /** The integer encoding hint; {@link IntEncoding#VARINT} for non-integer kinds. */
  public IntEncoding encoding() {
    return encoding;
  }

  @Override
  public String describe() {
    String base = kind.name().toLowerCase(java.util.Locale.ROOT);
    return encoding == IntEncoding.VARINT ? base : base + "(" + encoding.name().toLowerCase(java.util.Locale.ROOT) + ")";
  }

  @Override
  public String toString() {
    return describe();
  }
}
