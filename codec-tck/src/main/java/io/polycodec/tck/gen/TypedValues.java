package io.polycodec.tck.gen;

import io.polycodec.GenericEnum;
import io.polycodec.GenericRecord;
import io.polycodec.bind.EnumBinding;
import io.polycodec.bind.FieldSlots;
import io.polycodec.bind.RecordBinding;
import io.polycodec.bind.TypeBinding;
import io.polycodec.bind.UnionBinding;
import io.polycodec.schema.Field;
import io.polycodec.schema.ListSchema;
import io.polycodec.schema.MapSchema;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import io.polycodec.schema.UnionSchema;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between values a {@link RecordBinding} represents (Java records, enums, sealed interfaces)
 * and {@link GenericRecord}s of the same schema, through the binding API only. The kit compares typed
 * values through their generic form, whose equality is exact (arrays by content, -0.0 distinct from 0.0,
 * NaN equal to NaN), which Java records' own equals is not.
 */
public final class TypedValues {
  private TypedValues() {}

  /**
   * The generic form of {@code record}, a value of {@code binding} (a generic binding returns an equal copy).
   *
   * @throws io.polycodec.EncodeException if the record holds null in a non-optional field (as a codec would)
   */
  public static GenericRecord toGeneric(RecordBinding<?> binding, Object record) {
    RecordSchema schema = binding.schema();
    GenericRecord.Builder b = GenericRecord.builder(schema);
    for (int i = 0; i < schema.size(); i++) {
      Field f = schema.field(i);
      Object v = binding.get(record, i);
      if (v != null) {
        b.set(i, genericValue(v, f.type(), binding.child(i)));
      }
    }
    return b.build();
  }

  private static Object genericValue(Object v, Schema type, TypeBinding child) {
    switch (type.kind()) {
      case RECORD:
        return toGeneric((RecordBinding<?>) child, v);
      case UNION: {
        UnionBinding u = (UnionBinding) child;
        int m = u.memberIndex(v);
        if (m < 0) {
          throw new IllegalArgumentException(v.getClass().getName() + " is not a member of " + type.describe());
        }
        return toGeneric(u.member(m), v);
      }
      case ENUM: {
        EnumBinding e = (EnumBinding) child;
        String name = e.name(v);
        return name == null ? GenericEnum.unknown(e.number(v)) : GenericEnum.of(name, e.number(v));
      }
      case LIST: {
        Schema element = ((ListSchema) type).element();
        List<Object> out = new ArrayList<>();
        for (Object e : (List<?>) v) {
          out.add(e == null ? null : genericValue(e, element, child));
        }
        return out;
      }
      case MAP: {
        Schema value = ((MapSchema) type).value();
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
          out.put(e.getKey(), e.getValue() == null ? null : genericValue(e.getValue(), value, child));
        }
        return out;
      }
      default:
        return v;
    }
  }

  /**
   * The value of {@code binding} holding what {@code record} holds.
   *
   * @throws io.polycodec.DecodeException if a value does not fit the Java type (300 in a {@code byte})
   */
  public static <T> T toTyped(RecordBinding<T> binding, GenericRecord record) {
    return build(binding, record, false);
  }

  /**
   * As {@link #toTyped}, but integers that do not fit a {@code byte} or {@code short} component are
   * narrowed as a Java cast would, so that any generic value of the schema gives a typed one.
   */
  public static <T> T fitting(RecordBinding<T> binding, GenericRecord record) {
    return build(binding, record, true);
  }

  private static <T> T build(RecordBinding<T> binding, GenericRecord record, boolean narrow) {
    RecordSchema schema = binding.schema();
    RecordComponent[] components = !narrow || binding.isGeneric() ? null : binding.javaType().getRecordComponents();
    FieldSlots slots = binding.newSlots();
    for (int i = 0; i < schema.size(); i++) {
      Field f = schema.field(i);
      Object v = record.get(i);
      if (v == null) {
        continue;
      }
      switch (f.type().kind()) {
        case BOOL:
          slots.setBoolean(i, (Boolean) v);
          break;
        case INT8:
        case INT16:
          slots.setInt(i, (Integer) v);
          break;
        case INT32: {
          int n = (Integer) v;
          if (components != null) {
            Class<?> c = components[i].getType();
            if (c == byte.class || c == Byte.class) {
              n = (byte) n;
            } else if (c == short.class || c == Short.class) {
              n = (short) n;
            }
          }
          slots.setInt(i, n);
          break;
        }
        case INT64:
          slots.setLong(i, (Long) v);
          break;
        case FLOAT32:
          slots.setFloat(i, (Float) v);
          break;
        case FLOAT64:
          slots.setDouble(i, (Double) v);
          break;
        default:
          slots.set(i, typedValue(v, f.type(), binding.child(i), narrow));
          break;
      }
    }
    return binding.build(slots);
  }

  private static Object typedValue(Object v, Schema type, TypeBinding child, boolean narrow) {
    switch (type.kind()) {
      case RECORD:
        return build((RecordBinding<?>) child, (GenericRecord) v, narrow);
      case UNION: {
        UnionBinding u = (UnionBinding) child;
        GenericRecord r = (GenericRecord) v;
        int m = ((UnionSchema) type).indexOfType(r.schema());
        return build(u.member(m), r, narrow);
      }
      case ENUM: {
        EnumBinding e = (EnumBinding) child;
        return e.forNumber(((GenericEnum) v).number());
      }
      case LIST: {
        Schema element = ((ListSchema) type).element();
        List<Object> out = new ArrayList<>();
        for (Object e : (List<?>) v) {
          out.add(typedValue(e, element, child, narrow));
        }
        return Collections.unmodifiableList(out);
      }
      case MAP: {
        Schema value = ((MapSchema) type).value();
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
          out.put(e.getKey(), typedValue(e.getValue(), value, child, narrow));
        }
        return Collections.unmodifiableMap(out);
      }
      case BYTES:
        return ((byte[]) v).clone();
      case VECTOR:
        return v instanceof float[] ? ((float[]) v).clone() : ((double[]) v).clone();
      default:
        return v;
    }
  }
}
