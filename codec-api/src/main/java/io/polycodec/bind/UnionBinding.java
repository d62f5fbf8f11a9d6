package io.polycodec.bind;

import io.polycodec.EncodeException;
import io.polycodec.GenericRecord;
import io.polycodec.GenericUnion;
import io.polycodec.schema.UnionSchema;

/**
 * Tells which member of a union a value is, and gives each member's record binding. Immutable and
 * thread-safe.
 *
 * <p>Generic values of a member are its {@link GenericRecord} (or {@code String} for a string member), or
 * a {@link GenericUnion} naming the member: backends find the member with {@link #memberIndex}, write
 * {@link #unwrap unwrap(value)}, and hand what they decoded back through {@link #wrap}, which names the
 * member where its type alone would not ({@link UnionSchema#isAliased}).
 */
public final class UnionBinding implements TypeBinding {
  private final UnionSchema schema;
  private final Class<?> javaType;
  private final Class<?>[] memberClasses;
  final RecordBinding<?>[] members;

  UnionBinding(UnionSchema schema, Class<?> javaType, Class<?>[] memberClasses) {
    this.schema = schema;
    this.javaType = javaType;
    this.memberClasses = memberClasses;
    this.members = new RecordBinding<?>[schema.members().size()];
  }

  @Override
  public UnionSchema schema() {
    return schema;
  }

  @Override
  public Class<?> javaType() {
    return javaType;
  }

  /** The binding of member {@code index} (schema order); null for a string member. */
  public RecordBinding<?> member(int index) {
    return members[index];
  }

  /**
   * The index of the member {@code value} belongs to, or -1 if none.
   *
   * @throws EncodeException if {@code value} is a bare generic value whose type several members share
   *     (it must be a {@link GenericUnion} naming one)
   */
  public int memberIndex(Object value) {
    if (memberClasses == null) {
      if (value instanceof GenericUnion) {
        GenericUnion g = (GenericUnion) value;
        int i = schema.indexOfName(g.member());
        if (i < 0) {
          return -1;
        }
        UnionSchema.Member m = schema.members().get(i);
        boolean fits = m.isString() ? g.value() instanceof String
            : g.value() instanceof GenericRecord && ((GenericRecord) g.value()).schema().name().equals(m.record().name());
        return fits ? i : -1;
      }
      int i = value instanceof GenericRecord ? schema.indexOfType(((GenericRecord) value).schema())
          : value instanceof String ? schema.indexOfString() : -1;
      if (i >= 0 && schema.isAliased(i)) {
        throw new EncodeException((value instanceof String ? "a string" : ((GenericRecord) value).schema().name())
            + " is more than one member of union " + schema.name() + ": name one with GenericUnion.of(member, value)");
      }
      return i;
    }
    Class<?> c = value.getClass();
    for (int i = 0; i < memberClasses.length; i++) {
      if (memberClasses[i] == c) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Refuses a union with a string member, for a format that holds record members only.
   *
   * @throws io.polycodec.SchemaException naming the union, the member and {@code format}
   */
  public void requireRecordMembers(String format) {
    schema.requireRecordMembers(format);
  }

  /**
   * What a backend writes for {@code value}: the member's record or string, without a
   * {@link GenericUnion} around it.
   */
  public Object unwrap(Object value) {
    return value instanceof GenericUnion ? ((GenericUnion) value).value() : value;
  }

  /**
   * The union value for what a backend decoded as member {@code index}: a {@link GenericUnion} naming the
   * member if it is generic and {@link UnionSchema#isAliased aliased}, else {@code decoded} itself.
   */
  public Object wrap(int index, Object decoded) {
    return memberClasses == null && schema.isAliased(index)
        ? GenericUnion.of(schema.members().get(index).name(), decoded) : decoded;
  }
}
