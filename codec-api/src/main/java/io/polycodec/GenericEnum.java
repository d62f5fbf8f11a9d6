package io.polycodec;

import java.util.Objects;

/**
 * An enum value in a {@link GenericRecord}: the constant's name and number. A decoder that meets a
 * number its schema does not list keeps it, with a null name, so that re-encoding loses nothing.
 */
public final class GenericEnum {
  private final String name;
  private final long number;

  private GenericEnum(String name, long number) {
    this.name = name;
    this.number = number;
  }

  /** A known constant. */
  public static GenericEnum of(String name, long number) {
    return new GenericEnum(Objects.requireNonNull(name, "name"), number);
  }

  /** A number the schema does not name. */
  public static GenericEnum unknown(long number) {
    return new GenericEnum(null, number);
  }

  /** The constant's name, or null if the number is unknown to the schema. */
  public String name() {
    return name;
  }

  /** The constant's number (a {@code long}: FlatBuffers enums may be 64-bit; see {@link io.polycodec.schema.EnumSchema.Constant}). */
  public long number() {
    return number;
  }

  /** Whether the schema names this constant. */
  public boolean isKnown() {
    return name != null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GenericEnum && number == ((GenericEnum) o).number && Objects.equals(name, ((GenericEnum) o).name);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(name) * 31 + Long.hashCode(number);
  }

  @Override
  public String toString() {
    return name != null ? name : "<unknown " + number + ">";
  }
}
