package io.polycodec.schema;

import io.polycodec.SchemaException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/**
 * Field default values ({@link Field#withDefault}): which kinds may have one, their canonical Java
 * form, and their one text form (used by {@code @Default}, snapshots and schema exports).
 *
 * <p>Defaults exist for bool, the integers, the floats, string, bytes and enum fields. Canonical forms:
 * {@code Boolean}; {@code Integer} for int8, int16 and int32 (range-checked; an unsigned int32 holds its
 * bits); {@code Long} for int64 (an unsigned int64 holds its bits); {@code Float}; {@code Double};
 * {@code String}; {@code byte[]}; and for an enum the {@code String} name of one of its constants, or a
 * {@code Long} for a number no constant has (a FlatBuffers {@code bit_flags} enum's default 0, "no flags";
 * a number that a constant has is always canonicalised to that constant's name).
 *
 * <p>Text forms: {@code true}/{@code false}; decimal integers (an unsigned one may use its full unsigned
 * range, {@code 4294967295}); floats as Java prints them, or {@code nan}, {@code inf}, {@code -inf}
 * ({@code +inf}, {@code infinity}, {@code NaN} and {@code Infinity} are read too); a string's text is
 * the string itself; bytes are standard Base64; an enum's text is the constant's name, or the decimal
 * number when no constant has it (names never start with a digit or {@code -}).
 */
public final class DefaultValues {
  private DefaultValues() {}

  /** Whether fields of {@code type} may have a default value. */
  public static boolean allowed(Schema type) {
    return switch (type.kind()) {
      case BOOL, INT8, INT16, INT32, INT64, FLOAT32, FLOAT64, STRING, BYTES, ENUM -> true;
      case TIMESTAMP, DURATION, LIST, VECTOR, MAP, RECORD, UNION -> false;
    };
  }

  /**
   * {@code value} as the canonical form for {@code type} (a copy for bytes).
   *
   * @throws SchemaException naming {@code field} if the kind has no defaults or the value does not fit
   *     it (wrong Java type, an integer out of range, an enum constant the enum does not have)
   */
  public static Object check(String field, Schema type, Object value) {
    if (value == null) {
      throw new SchemaException("field " + field + ": a default value cannot be null");
    }
    if (!allowed(type)) {
      throw new SchemaException("field " + field + ": a " + type.describe()
          + " field cannot have a default (defaults exist for bool, integers, floats, string, bytes and enums)");
    }
    Kind kind = type.kind();
    switch (kind) {
      case BOOL:
        if (value instanceof Boolean) {
          return value;
        }
        break;
      case INT8:
      case INT16:
      case INT32:
      case INT64:
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
          long n = ((Number) value).longValue();
          boolean unsigned = ((ScalarSchema) type).encoding().isUnsigned();
          if (kind == Kind.INT64) {
            return n;
          }
          long min = unsigned ? Integer.MIN_VALUE : kind.minValue();
          long max = unsigned ? 0xFFFF_FFFFL : kind.maxValue();
          if (n < min || n > max) {
            throw new SchemaException("field " + field + ": default " + n + " does not fit a " + type.describe());
          }
          return (int) n;
        }
        break;
      case FLOAT32:
        if (value instanceof Float) {
          return value;
        }
        if (value instanceof Double && ((Double) value).floatValue() == (Double) value || isNaN(value)) {
          return ((Double) value).floatValue();
        }
        break;
      case FLOAT64:
        if (value instanceof Double) {
          return value;
        }
        if (value instanceof Float) {
          return ((Float) value).doubleValue();
        }
        break;
      case STRING:
        if (value instanceof String) {
          return value;
        }
        break;
      case BYTES:
        if (value instanceof byte[]) {
          return ((byte[]) value).clone();
        }
        break;
      case ENUM:
        if (value instanceof io.polycodec.GenericEnum) {
          io.polycodec.GenericEnum g = (io.polycodec.GenericEnum) value;
          value = g.isKnown() ? g.name() : (Object) g.number();
        }
        if (value instanceof Integer || value instanceof Long) {
          EnumSchema e = (EnumSchema) type;
          long n = ((Number) value).longValue();
          EnumSchema.Constant c = e.byNumber(n);
          return c != null ? c.name() : (Object) n;
        }
        if (value instanceof String || value instanceof Enum) {
          String name = value instanceof Enum ? ((Enum<?>) value).name() : (String) value;
          EnumSchema e = (EnumSchema) type;
          if (e.byName(name) == null) {
            throw new SchemaException("field " + field + ": default " + name + " is not a constant of " + e.name()
                + " " + e.constants().stream().map(EnumSchema.Constant::name).toList());
          }
          return name;
        }
        break;
      default:
        break;
    }
    throw new SchemaException("field " + field + ": default " + value + " (a " + value.getClass().getSimpleName()
        + ") does not fit a " + type.describe());
  }

  private static boolean isNaN(Object value) {
    return value instanceof Double && ((Double) value).isNaN();
  }

  /**
   * The canonical value that {@code text} denotes for {@code type} (see the class comment for the forms).
   *
   * @throws SchemaException naming {@code field} if the text is not a value of the kind
   */
  public static Object parse(String field, Schema type, String text) {
    if (text == null) {
      throw new SchemaException("field " + field + ": a default value cannot be null");
    }
    Kind kind = type.kind();
    try {
      switch (kind) {
        case BOOL:
          if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
          }
          throw new SchemaException("field " + field + ": default \"" + text + "\" is not true or false");
        case INT8:
        case INT16:
        case INT32:
        case INT64: {
          boolean unsigned = ((ScalarSchema) type).encoding().isUnsigned();
          long n = unsigned && !text.startsWith("-") ? Long.parseUnsignedLong(text) : Long.parseLong(text);
          if (unsigned && kind == Kind.INT32 && (n < 0 || n > 0xFFFF_FFFFL)) {
            throw new SchemaException("field " + field + ": default " + text + " does not fit a " + type.describe());
          }
          return check(field, type, kind == Kind.INT64 ? (Object) n : (Object) Long.valueOf(n));
        }
        case FLOAT32:
        case FLOAT64: {
          String plain = javaText(text);
          return kind == Kind.FLOAT32 ? (Object) Float.parseFloat(plain) : (Object) Double.parseDouble(plain);
        }
        case STRING:
          return text;
        case BYTES:
          return Base64.getDecoder().decode(text);
        case ENUM:
          if (!text.isEmpty() && (Character.isDigit(text.charAt(0)) || text.charAt(0) == '-')) {
            return check(field, type, Long.parseLong(text));
          }
          return check(field, type, text);
        default:
          return check(field, type, text);
      }
    } catch (NumberFormatException e) {
      throw new SchemaException("field " + field + ": default \"" + text + "\" is not a " + type.describe(), e);
    } catch (IllegalArgumentException e) {
      throw new SchemaException("field " + field + ": default \"" + text + "\" is not Base64", e);
    }
  }

  private static String javaText(String text) {
    switch (text.toLowerCase(Locale.ROOT)) {
      case "nan": return "NaN";
      case "inf":
      case "+inf":
      case "infinity":
      case "+infinity": return "Infinity";
      case "-inf":
      case "-infinity": return "-Infinity";
      default:
        if (text.contains("N") || text.contains("I") || text.endsWith("f") || text.endsWith("d")
            || text.endsWith("F") || text.endsWith("D")) {
          // Double.parseDouble also reads "1f", "0x1p3" and the like; a schema's text is plainer.
          throw new NumberFormatException(text);
        }
        return text;
    }
  }

  /** The canonical text of {@code value} (a canonical value of {@code type}); {@link #parse} reads it back. */
  public static String text(Schema type, Object value) {
    switch (type.kind()) {
      case INT32:
        return ((ScalarSchema) type).encoding().isUnsigned()
            ? Integer.toUnsignedString((Integer) value) : value.toString();
      case INT64:
        return ((ScalarSchema) type).encoding().isUnsigned()
            ? Long.toUnsignedString((Long) value) : value.toString();
      case FLOAT32: {
        float f = (Float) value;
        return Float.isNaN(f) ? "nan" : Float.isInfinite(f) ? (f > 0 ? "inf" : "-inf") : Float.toString(f);
      }
      case FLOAT64: {
        double d = (Double) value;
        return Double.isNaN(d) ? "nan" : Double.isInfinite(d) ? (d > 0 ? "inf" : "-inf") : Double.toString(d);
      }
      case BYTES:
        return Base64.getEncoder().encodeToString((byte[]) value);
      default:
        return value.toString();
    }
  }

  /**
   * The number of an enum field's canonical default {@code def} (a constant's name, or a {@code Long}
   * number no constant has) in {@code type}.
   */
  public static long enumNumber(EnumSchema type, Object def) {
    return def instanceof Long ? (Long) def : type.byName((String) def).number();
  }

  /** Whether two canonical values (or nulls) are the same default: bytes by content, floats by value with NaN equal to NaN. */
  public static boolean same(Object a, Object b) {
    if (a instanceof byte[] && b instanceof byte[]) {
      return Arrays.equals((byte[]) a, (byte[]) b);
    }
    return java.util.Objects.equals(a, b);
  }

  /**
   * Whether {@code value} (a field's value in canonical form: an enum value may be a Java enum constant
   * or a {@link io.polycodec.GenericEnum}, compared by name) equals the canonical default {@code def}.
   * Floats compare by bits as the wire sees them (-0.0 is not 0.0; NaN equals NaN).
   */
  public static boolean isDefault(Object value, Object def) {
    if (value == null || def == null) {
      return false;
    }
    if (value instanceof byte[] && def instanceof byte[]) {
      return Arrays.equals((byte[]) value, (byte[]) def);
    }
    if (value instanceof Enum) {
      return ((Enum<?>) value).name().equals(def);
    }
    if (value instanceof io.polycodec.GenericEnum) {
      io.polycodec.GenericEnum g = (io.polycodec.GenericEnum) value;
      return def instanceof Long ? !g.isKnown() && g.number() == (Long) def : def.equals(g.name());
    }
    return value.equals(def);
  }
}
