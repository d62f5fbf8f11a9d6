package io.polycodec.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An enumeration: named constants with stable numbers. Numbers and names are unique. The default
 * constant (what a missing field decodes to) is the one numbered 0, or the first if none is.
 */
public final class EnumSchema implements Schema {
  /**
   * One constant: a name and its stable number. Numbers are {@code long}s because FlatBuffers enums may
   * have a {@code long}/{@code ulong} underlying type ({@code LongBig = 1 << 40}; an unsigned one holds its
   * bit pattern); formats whose enums are narrower (Protobuf's are int32) refuse a constant beyond their
   * range with a {@link io.polycodec.SchemaException} naming it.
   */
  public record Constant(String name, long number) {
    /** Validates the name. */
    public Constant {
      Names.checkIdentifier(name, "enum constant");
    }
  }

  private final String name;
  private final List<Constant> constants;
  private final Map<String, Constant> byName;
  private final Map<Long, Constant> byNumber;
  private final Map<String, Integer> aliases;

  private EnumSchema(String name, List<Constant> constants) {
    this(name, constants, Map.of());
  }

  private EnumSchema(String name, List<Constant> constants, Map<String, Integer> aliases) {
    this.name = Names.checkTypeName(name, "enum");
    if (constants.isEmpty()) {
      throw new IllegalArgumentException("enum " + name + " needs at least one constant");
    }
    this.constants = List.copyOf(constants);
    Map<String, Constant> names = new HashMap<>();
    Map<Long, Constant> numbers = new HashMap<>();
    for (Constant c : this.constants) {
      if (names.put(c.name(), c) != null) {
        throw new IllegalArgumentException("enum " + name + ": duplicate constant name " + c.name());
      }
      Constant clash = numbers.put(c.number(), c);
      if (clash != null) {
        throw new IllegalArgumentException(
            "enum " + name + ": constants " + clash.name() + " and " + c.name() + " share number " + c.number());
      }
    }
    this.byName = Collections.unmodifiableMap(names);
    this.byNumber = Collections.unmodifiableMap(numbers);
    Map<String, Integer> a = new java.util.TreeMap<>();
    for (Map.Entry<String, Integer> e : aliases.entrySet()) {
      Names.checkIdentifier(e.getKey(), "enum alias");
      if (names.containsKey(e.getKey())) {
        throw new IllegalArgumentException("enum " + name + ": alias " + e.getKey() + " is a constant's name");
      }
      if (!numbers.containsKey(e.getValue().longValue())) {
        throw new IllegalArgumentException("enum " + name + ": alias " + e.getKey() + " names number " + e.getValue()
            + ", which no constant has");
      }
      a.put(e.getKey(), e.getValue());
    }
    this.aliases = Collections.unmodifiableMap(a);
  }

  /**
   * An enum with the given constants in order.
   *
   * @throws IllegalArgumentException if empty, or names or numbers repeat
   */
  public static EnumSchema of(String name, List<Constant> constants) {
    return new EnumSchema(name, new ArrayList<>(Objects.requireNonNull(constants, "constants")));
  }

  /**
   * An enum with the given constants and aliases: more names for some constants' numbers, as protobuf's
   * {@code allow_alias} declares them (imported schemas keep the first name of an aliased number as the
   * constant). Aliases are accepted where a format reads constants by name and never written; they are
   * not part of the schema's identity ({@link #equals}) or of its snapshot, since no wire holds them.
   *
   * @throws IllegalArgumentException if empty, names or numbers repeat, an alias is a constant's name,
   *     or an alias names a number no constant has
   */
  public static EnumSchema of(String name, List<Constant> constants, Map<String, Integer> aliases) {
    return new EnumSchema(name, new ArrayList<>(Objects.requireNonNull(constants, "constants")),
        Objects.requireNonNull(aliases, "aliases"));
  }

  /** An enum whose constants are numbered 0, 1, 2… in the order given. */
  public static EnumSchema of(String name, String... constantNames) {
    List<Constant> list = new ArrayList<>();
    for (int i = 0; i < constantNames.length; i++) {
      list.add(new Constant(constantNames[i], i));
    }
    return new EnumSchema(name, list);
  }

  /** The enum's name. */
  public String name() {
    return name;
  }

  /** The constants in declaration order. */
  public List<Constant> constants() {
    return constants;
  }

  /** The constant with this name, or null. */
  public Constant byName(String constantName) {
    return byName.get(constantName);
  }

  /** Other names of constants' numbers (alias to number), for reading by name; empty for most enums. */
  public Map<String, Integer> aliases() {
    return aliases;
  }

  /** The constant with this number, or null. */
  public Constant byNumber(long number) {
    return byNumber.get(number);
  }

  /**
   * The constant a missing value decodes to when the field has no default of its own: number 0 if
   * present, else the first.
   */
  public Constant defaultConstant() {
    Constant zero = byNumber.get(0L);
    return zero != null ? zero : constants.get(0);
  }

  @Override
  public <R> R accept(SchemaVisitor<R> visitor) {
    return visitor.visitEnum(this);
  }

  @Override
  public Kind kind() {
    return Kind.ENUM;
  }

  @Override
  public String describe() {
    return name;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EnumSchema && name.equals(((EnumSchema) o).name) && constants.equals(((EnumSchema) o).constants);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, constants);
  }

  @Override
  public String toString() {
    return "enum " + name + constants;
  }
}
