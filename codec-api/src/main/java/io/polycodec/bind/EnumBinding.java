package io.polycodec.bind;

import io.polycodec.GenericEnum;
import io.polycodec.schema.EnumSchema;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between enum values (Java enum constants, or {@link GenericEnum}s) and their schema names and
 * numbers. Immutable and thread-safe.
 */
public final class EnumBinding implements TypeBinding {
  private final EnumSchema schema;
  private final Class<?> javaType;
  private final boolean generic;
  // Typed: indexed by Java ordinal.
  private final long[] numberByOrdinal;
  private final String[] nameByOrdinal;
  // Both: sorted by number for binary search on decode.
  private final long[] sortedNumbers;
  private final Object[] valueBySortedNumber;
  private final Map<String, Object> byName;
  private final Object fallback;
  private final Object defaultValue;

  private EnumBinding(EnumSchema schema, Class<?> javaType, boolean generic, long[] numberByOrdinal,
      String[] nameByOrdinal, Object[] valuesInSchemaOrder, Object fallback) {
    this.schema = schema;
    this.javaType = javaType;
    this.generic = generic;
    this.numberByOrdinal = numberByOrdinal;
    this.nameByOrdinal = nameByOrdinal;
    List<EnumSchema.Constant> cs = schema.constants();
    Integer[] order = new Integer[cs.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Long.compare(cs.get(a).number(), cs.get(b).number()));
    this.sortedNumbers = new long[order.length];
    this.valueBySortedNumber = new Object[order.length];
    this.byName = new HashMap<>();
    for (int i = 0; i < order.length; i++) {
      sortedNumbers[i] = cs.get(order[i]).number();
      valueBySortedNumber[i] = valuesInSchemaOrder[order[i]];
    }
    for (int i = 0; i < cs.size(); i++) {
      byName.put(cs.get(i).name(), valuesInSchemaOrder[i]);
    }
    for (Map.Entry<String, Integer> alias : schema.aliases().entrySet()) {
      int at = Arrays.binarySearch(sortedNumbers, alias.getValue().longValue());
      byName.putIfAbsent(alias.getKey(), valueBySortedNumber[at]);
    }
    this.fallback = fallback;
    this.defaultValue = valuesInSchemaOrder[cs.indexOf(schema.defaultConstant())];
  }

  static EnumBinding typed(EnumSchema schema, Class<?> enumType, Object[] constantsInSchemaOrder, Object fallback) {
    int n = enumType.getEnumConstants().length;
    long[] numbers = new long[n];
    String[] names = new String[n];
    List<EnumSchema.Constant> cs = schema.constants();
    for (int i = 0; i < cs.size(); i++) {
      int ordinal = ((Enum<?>) constantsInSchemaOrder[i]).ordinal();
      numbers[ordinal] = cs.get(i).number();
      names[ordinal] = cs.get(i).name();
    }
    return new EnumBinding(schema, enumType, false, numbers, names, constantsInSchemaOrder, fallback);
  }

  static EnumBinding generic(EnumSchema schema) {
    List<EnumSchema.Constant> cs = schema.constants();
    Object[] values = new Object[cs.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = GenericEnum.of(cs.get(i).name(), cs.get(i).number());
    }
    return new EnumBinding(schema, GenericEnum.class, true, null, null, values, null);
  }

  @Override
  public EnumSchema schema() {
    return schema;
  }

  @Override
  public Class<?> javaType() {
    return javaType;
  }

  /** The number of {@code value}. */
  public long number(Object value) {
    return generic ? ((GenericEnum) value).number() : numberByOrdinal[((Enum<?>) value).ordinal()];
  }

  /** The schema name of {@code value}; null for a {@link GenericEnum} holding an unknown number. */
  public String name(Object value) {
    return generic ? ((GenericEnum) value).name() : nameByOrdinal[((Enum<?>) value).ordinal()];
  }

  /**
   * The value numbered {@code number}. An unknown number gives the {@link io.polycodec.Fallback}
   * constant for Java enums (null if there is none, which the decoder reports) and a
   * {@link GenericEnum#unknown} for generic values.
   */
  public Object forNumber(long number) {
    int i = Arrays.binarySearch(sortedNumbers, number);
    if (i >= 0) {
      return valueBySortedNumber[i];
    }
    return generic ? GenericEnum.unknown(number) : fallback;
  }

  /**
   * The value named {@code name} (a constant's name, or one of the schema's {@link EnumSchema#aliases()});
   * unknown names give the fallback constant, or null.
   */
  public Object forName(String name) {
    Object v = byName.get(name);
    return v != null ? v : fallback;
  }

  /**
   * The value of a field's canonical default {@code def} ({@link io.polycodec.schema.DefaultValues}: a
   * constant's name, or a {@code Long} number no constant has, which a generic binding keeps as a
   * {@link GenericEnum#unknown} and a Java enum maps to its {@link io.polycodec.Fallback}); null when a
   * Java enum without a fallback cannot hold it.
   */
  public Object forDefault(Object def) {
    return def instanceof Long ? forNumber((Long) def) : forName((String) def);
  }

  /** The value a missing field without a default of its own decodes to. */
  public Object defaultValue() {
    return defaultValue;
  }

  /** Whether unknown numbers are kept ({@link GenericEnum}) rather than mapped to a fallback or refused. */
  public boolean keepsUnknownNumbers() {
    return generic;
  }
}
