package io.polycodec.flatbuffers;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * FlatBuffers layout choices that Polycodec's schema model does not express, because no other format
 * needs them: which records are FlatBuffers {@code struct}s (inline, fixed layout) with their
 * {@code force_align}, and which list fields of a struct are fixed-size arrays of what length. Java
 * records say the same with {@link FlatStruct} and {@link FlatArray}; generic and imported schemas pass
 * a layout in the options ({@link FlatBuffersOptions#LAYOUT}), and {@link FbsExport#render(
 * io.polycodec.schema.RecordSchema, FlatLayout)} writes it as {@code struct}s.
 *
 * <p>Records are named by {@link io.polycodec.schema.RecordSchema#name()}, fields by name. Immutable,
 * compared by value, thread-safe.
 */
public final class FlatLayout {
  /** No choices: every record is a table, every list a vector. */
  public static final FlatLayout DEFAULT = new FlatLayout(Map.of(), Map.of(), Map.of(), "", java.util.Set.of(),
      java.util.Set.of(), Map.of(), java.util.Set.of());

  /** The underlying types an enum may have, as flatc spells them. */
  static final java.util.List<String> ENUM_TYPES = java.util.List.of("byte", "ubyte", "short", "ushort", "int", "uint",
      "long", "ulong");

  /** Struct record name → force_align (0: natural alignment). */
  private final Map<String, Integer> structs;
  /** "Record.field" → fixed array length. */
  private final Map<String, Integer> arrays;
  /** Enum name → underlying type other than int. */
  private final Map<String, String> enumTypes;

  /** The root's file identifier, or "" for none. */
  private final String fileIdentifier;

  /** "Record.field" of int8/int16 fields (or lists, arrays of them) that are flatc's ubyte/ushort. */
  private final java.util.Set<String> unsignedNarrow;
  /** Table record name → its key field. */
  private final Map<String, String> keys;
  /**
   * "Record.field" of unions (or lists or maps of unions) laid out in holder tables instead of flatc's
   * inline layout; {@link #EVERY_UNION} for all of them.
   */
  private final java.util.Set<String> holderUnions;
  /** Enums that are flatc {@code bit_flags}. */
  private final java.util.Set<String> bitFlags;

  /** The entry of {@link #holderUnions} that stands for every union field (no field name has a star). */
  private static final String EVERY_UNION = "*";

  private FlatLayout(Map<String, Integer> structs, Map<String, Integer> arrays, Map<String, String> enumTypes,
      String fileIdentifier, java.util.Set<String> holderUnions, java.util.Set<String> unsignedNarrow,
      Map<String, String> keys, java.util.Set<String> bitFlags) {
    this.keys = keys;
    this.bitFlags = bitFlags;
    this.holderUnions = holderUnions;
    this.unsignedNarrow = unsignedNarrow;
    this.structs = structs;
    this.arrays = arrays;
    this.enumTypes = enumTypes;
    this.fileIdentifier = fileIdentifier;
  }

  /**
   * The {@code file_identifier} written after the root offset (4 ASCII characters), or "" for none.
   * Codecs with one write it and refuse, with a {@link io.polycodec.DecodeException}, buffers that do
   * not carry it.
   */
  public String fileIdentifier() {
    return fileIdentifier;
  }

  /** The underlying type of the enum named {@code enumName}: {@code int} unless chosen otherwise. */
  public String enumType(String enumName) {
    return enumTypes.getOrDefault(enumName, "int");
  }

  /**
   * Whether the enum named {@code enumName} is exported as flatc {@code bit_flags}: its constants are
   * single flags ({@code 1 << position}), a combination is a number no constant has (a
   * {@link io.polycodec.GenericEnum#unknown} in generic values), and a field may default to a number no
   * constant has ({@code 0}, no flags), which flatc accepts only for such enums.
   */
  public boolean isBitFlags(String enumName) {
    return !bitFlags.isEmpty() && bitFlags.contains(enumName);
  }

  /** A builder with no choices made. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether the record named {@code record} is laid out as a FlatBuffers struct. */
  public boolean isStruct(String record) {
    return structs.containsKey(record);
  }

  /** The struct's {@code force_align}, or 0 for its natural alignment (and for records that are not structs). */
  public int forceAlign(String record) {
    return structs.getOrDefault(record, 0);
  }

  /** The fixed length of list field {@code field} of struct {@code record}, or 0 if it is not an array. */
  public int arrayLength(String record, String field) {
    return arrays.isEmpty() ? 0 : arrays.getOrDefault(record + "." + field, 0);
  }

  /**
   * Whether union field {@code field} of table {@code record} (or that list of unions) is laid out inline,
   * as flatc does: true unless {@link Builder#holderUnion} chose the holder table for it. Says nothing of
   * whether the field is a union at all.
   */
  public boolean isInlineUnion(String record, String field) {
    return !isHolderUnion(record, field);
  }

  /**
   * Whether union field {@code field} of table {@code record} (or that list of unions) is laid out in a
   * holder table, the layout of earlier snapshots (see {@link HolderUnion}).
   */
  public boolean isHolderUnion(String record, String field) {
    return !holderUnions.isEmpty() && (holderUnions.contains(EVERY_UNION) || holderUnions.contains(record + "." + field));
  }

  /**
   * Whether the int8 / int16 field {@code field} of {@code record} (or the elements of that list field)
   * is flatc's {@code ubyte} / {@code ushort}: the same bytes, exported as the unsigned type. The Java
   * value carries the bit pattern ({@code (byte) 200} for 200), as unsigned values do everywhere in
   * Polycodec.
   */
  public boolean isUnsigned(String record, String field) {
    return !unsignedNarrow.isEmpty() && unsignedNarrow.contains(record + "." + field);
  }

  /** The name of table {@code record}'s {@code key} field, or null. */
  public String key(String record) {
    return keys.get(record);
  }

  /** The names of the struct records, sorted. */
  public java.util.Set<String> structs() {
    return structs.keySet();
  }

  /** Whether no choice is made. */
  public boolean isDefault() {
    return structs.isEmpty() && arrays.isEmpty() && enumTypes.isEmpty() && fileIdentifier.isEmpty()
        && holderUnions.isEmpty() && unsignedNarrow.isEmpty() && keys.isEmpty() && bitFlags.isEmpty();
  }

  /**
   * This layout with {@code other}'s choices added.
   *
   * @throws IllegalArgumentException if both choose differently for the same struct or array
   */
  public FlatLayout merge(FlatLayout other) {
    Builder b = new Builder();
    b.structs.putAll(structs);
    b.arrays.putAll(arrays);
    b.enumTypes.putAll(enumTypes);
    b.holderUnions.addAll(holderUnions);
    b.holderUnions.addAll(other.holderUnions);
    b.unsignedNarrow.addAll(unsignedNarrow);
    b.unsignedNarrow.addAll(other.unsignedNarrow);
    b.keys.putAll(keys);
    other.keys.forEach(b::key);
    b.bitFlags.addAll(bitFlags);
    b.bitFlags.addAll(other.bitFlags);
    b.fileIdentifier = fileIdentifier;
    if (!other.fileIdentifier.isEmpty()) {
      if (!fileIdentifier.isEmpty() && !fileIdentifier.equals(other.fileIdentifier)) {
        throw new IllegalArgumentException("file identifiers " + fileIdentifier + " and " + other.fileIdentifier + " differ");
      }
      b.fileIdentifier(other.fileIdentifier);
    }
    other.structs.forEach(b::struct);
    other.enumTypes.forEach(b::enumType);
    other.arrays.forEach((k, v) -> {
      int dot = k.lastIndexOf('.');
      b.array(k.substring(0, dot), k.substring(dot + 1), v);
    });
    return b.build();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FlatLayout && structs.equals(((FlatLayout) o).structs) && arrays.equals(((FlatLayout) o).arrays)
        && enumTypes.equals(((FlatLayout) o).enumTypes) && fileIdentifier.equals(((FlatLayout) o).fileIdentifier)
        && holderUnions.equals(((FlatLayout) o).holderUnions) && unsignedNarrow.equals(((FlatLayout) o).unsignedNarrow)
        && keys.equals(((FlatLayout) o).keys) && bitFlags.equals(((FlatLayout) o).bitFlags);
  }

  @Override
  public int hashCode() {
    return ((structs.hashCode() * 31 + arrays.hashCode()) * 31 + enumTypes.hashCode()) * 31 + fileIdentifier.hashCode()
        + holderUnions.hashCode() + 7 * unsignedNarrow.hashCode() + 11 * keys.hashCode() + 13 * bitFlags.hashCode();
  }

  @Override
  public String toString() {
    return "FlatLayout{structs=" + structs + ", arrays=" + arrays + ", enumTypes=" + enumTypes
        + (fileIdentifier.isEmpty() ? "" : ", fileIdentifier=" + fileIdentifier)
        + (holderUnions.isEmpty() ? "" : ", holderUnions=" + holderUnions)
        + (unsignedNarrow.isEmpty() ? "" : ", unsigned=" + unsignedNarrow)
        + (keys.isEmpty() ? "" : ", keys=" + keys) + (bitFlags.isEmpty() ? "" : ", bitFlags=" + bitFlags) + "}";
  }

  /** Builds a {@link FlatLayout}. Not thread-safe. */
  public static final class Builder {
    private final Map<String, Integer> structs = new TreeMap<>();
    private final Map<String, Integer> arrays = new TreeMap<>();
    private final Map<String, String> enumTypes = new TreeMap<>();
    private String fileIdentifier = "";
    private final java.util.Set<String> holderUnions = new java.util.TreeSet<>();
    private final java.util.Set<String> unsignedNarrow = new java.util.TreeSet<>();
    private final Map<String, String> keys = new TreeMap<>();
    private final java.util.Set<String> bitFlags = new java.util.TreeSet<>();

    /**
     * Exports the enum named {@code enumName} as flatc {@code bit_flags} (see {@link FlatLayout#isBitFlags});
     * the bytes do not change. Every constant's number must then be a single bit ({@code FbsExport} refuses
     * the schema otherwise).
     */
    public Builder bitFlags(String enumName) {
      bitFlags.add(Objects.requireNonNull(enumName, "enumName"));
      return this;
    }

    /**
     * Makes string or number field {@code field} the {@code key} of table {@code record} (see
     * {@link FlatKey}).
     *
     * @throws IllegalArgumentException if the record already has another key
     */
    public Builder key(String record, String field) {
      Objects.requireNonNull(field, "field");
      String prior = keys.putIfAbsent(Objects.requireNonNull(record, "record"), field);
      if (prior != null && !prior.equals(field)) {
        throw new IllegalArgumentException(record + " is given keys " + prior + " and " + field);
      }
      return this;
    }

    /**
     * Exports int8 / int16 field {@code field} of {@code record} (or its list's elements) as flatc's
     * {@code ubyte} / {@code ushort}; the bytes are the same (see {@link FlatLayout#isUnsigned}).
     */
    public Builder unsigned(String record, String field) {
      unsignedNarrow.add(Objects.requireNonNull(record, "record") + "." + Objects.requireNonNull(field, "field"));
      return this;
    }

    /**
     * Does nothing: union fields are laid out inline, as flatc does, unless {@link #holderUnion} says
     * otherwise. Kept so that code written when inline was an opt-in still compiles.
     *
     * @deprecated inline is the default; remove the call
     */
    @Deprecated
    public Builder inlineUnion(String record, String field) {
      Objects.requireNonNull(record, "record");
      Objects.requireNonNull(field, "field");
      return this;
    }

    /**
     * Lays out union field {@code field} of table {@code record} (or that list of unions) in a holder
     * table: one id, an offset to a table {@code U {value: U_Union}}, as Polycodec wrote unions before
     * flatc's inline layout became the default (see {@link HolderUnion}). For reading data written that
     * way; flatc-generated code sees a table, not a union field.
     */
    public Builder holderUnion(String record, String field) {
      holderUnions.add(Objects.requireNonNull(record, "record") + "." + Objects.requireNonNull(field, "field"));
      return this;
    }

    /**
     * Lays out every union field, list of unions and map of unions in holder tables (see
     * {@link #holderUnion}): for a codec that reads and writes only data of earlier snapshots.
     */
    public Builder holderUnions() {
      holderUnions.add(EVERY_UNION);
      return this;
    }

    private Builder() {}

    /**
     * Sets the root's {@code file_identifier}: exactly 4 ASCII characters, or "" for none.
     *
     * @throws IllegalArgumentException otherwise
     */
    public Builder fileIdentifier(String identifier) {
      Objects.requireNonNull(identifier, "identifier");
      if (!identifier.isEmpty() && (identifier.length() != 4 || !identifier.chars().allMatch(c -> c >= 0x20 && c < 0x7F)
          || identifier.indexOf('"') >= 0 || identifier.indexOf('\\') >= 0)) {
        throw new IllegalArgumentException("a file identifier is 4 printable ASCII characters (no quote or backslash), was \""
            + identifier + "\"");
      }
      this.fileIdentifier = identifier;
      return this;
    }

    /**
     * Gives the enum named {@code enumName} the underlying type {@code type} ({@code byte}, {@code ubyte},
     * {@code short}, {@code ushort}, {@code int}, {@code uint}, {@code long}, {@code ulong}).
     *
     * @throws IllegalArgumentException for another type, or if the enum already has another one
     */
    public Builder enumType(String enumName, String type) {
      Objects.requireNonNull(enumName, "enumName");
      if (!ENUM_TYPES.contains(type)) {
        throw new IllegalArgumentException("enum " + enumName + ": underlying type must be one of " + ENUM_TYPES
            + ", was " + type);
      }
      if (type.equals("int")) {
        return this;
      }
      String prior = enumTypes.putIfAbsent(enumName, type);
      if (prior != null && !prior.equals(type)) {
        throw new IllegalArgumentException("enum " + enumName + " is given underlying types " + prior + " and " + type);
      }
      return this;
    }

    /** Lays out the record named {@code record} as a struct with its natural alignment. */
    public Builder struct(String record) {
      return struct(record, 0);
    }

    /**
     * Lays out the record named {@code record} as a struct aligned to {@code forceAlign} (flatc's
     * {@code force_align}; 0 for the natural alignment).
     *
     * @throws IllegalArgumentException if {@code forceAlign} is not 0 or a power of two up to 256, or
     *     the record was already given another alignment
     */
    public Builder struct(String record, int forceAlign) {
      Objects.requireNonNull(record, "record");
      if (forceAlign != 0 && (forceAlign < 0 || forceAlign > 256 || Integer.bitCount(forceAlign) != 1)) {
        throw new IllegalArgumentException("struct " + record + ": force_align must be a power of two from 1 to 256, was "
            + forceAlign);
      }
      Integer prior = structs.putIfAbsent(record, forceAlign);
      if (prior != null && prior != forceAlign) {
        throw new IllegalArgumentException("struct " + record + " is given force_align " + prior + " and " + forceAlign);
      }
      return this;
    }

    /**
     * Makes list field {@code field} of struct {@code record} a fixed-size array of {@code length}
     * elements.
     *
     * @throws IllegalArgumentException if {@code length} is not 1 to 65535, or the field already has
     *     another length
     */
    public Builder array(String record, String field, int length) {
      Objects.requireNonNull(record, "record");
      Objects.requireNonNull(field, "field");
      if (length < 1 || length > 0xFFFF) {
        throw new IllegalArgumentException(record + "." + field + ": array length must be 1 to 65535, was " + length);
      }
      Integer prior = arrays.putIfAbsent(record + "." + field, length);
      if (prior != null && prior != length) {
        throw new IllegalArgumentException(record + "." + field + " is given array lengths " + prior + " and " + length);
      }
      return this;
    }

    /** The layout. */
    public FlatLayout build() {
      return new FlatLayout(Collections.unmodifiableMap(new TreeMap<>(structs)),
          Collections.unmodifiableMap(new TreeMap<>(arrays)), Collections.unmodifiableMap(new TreeMap<>(enumTypes)), fileIdentifier,
          Collections.unmodifiableSet(new java.util.TreeSet<>(holderUnions)),
          Collections.unmodifiableSet(new java.util.TreeSet<>(unsignedNarrow)),
          Collections.unmodifiableMap(new TreeMap<>(keys)),
          Collections.unmodifiableSet(new java.util.TreeSet<>(bitFlags)));
    }
  }
}
