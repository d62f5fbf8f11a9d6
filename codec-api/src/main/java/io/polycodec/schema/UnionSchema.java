package io.polycodec.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Exactly one of several members (a {@code sealed interface} whose permitted types are records). Each
 * member has a name (the discriminator in name-keyed formats), a tag (the discriminator in number-keyed
 * formats) and a type: a record, or a string. Names and tags are unique; a type may appear under several
 * members (FlatBuffers' aliases, {@code union U { A: Monster, B: Monster }}), which Java's sealed
 * interfaces cannot say but generic values can: a generic value of a member that shares its type with
 * another is a {@link io.polycodec.GenericUnion} naming it (see {@link #isAliased}); otherwise it is the
 * member's {@link io.polycodec.GenericRecord}, or its {@code String}.
 */
public final class UnionSchema implements Schema {
  /**
   * One alternative of a union: its name, tag and type, a {@link RecordSchema} or the string kind.
   */
  public record Member(String name, int tag, Schema type) {
    /**
     * Validates the member.
     *
     * @throws IllegalArgumentException if the name is not an identifier, the tag is not positive, or the
     *     type is neither a record nor a string
     */
    public Member {
      Names.checkIdentifier(name, "union member");
      if (tag < 1) {
        throw new IllegalArgumentException("union member " + name + ": tag must be positive, was " + tag);
      }
      Objects.requireNonNull(type, "type");
      if (!(type instanceof RecordSchema) && type.kind() != Kind.STRING) {
        throw new IllegalArgumentException("union member " + name + ": a member is a record or a string, not "
            + type.describe());
      }
    }

    /** A string member. */
    public static Member ofString(String name, int tag) {
      return new Member(name, tag, ScalarSchema.of(Kind.STRING));
    }

    /** Whether this member holds a string rather than a record. */
    public boolean isString() {
      return type.kind() == Kind.STRING;
    }

    /**
     * The member's record.
     *
     * @throws IllegalStateException if this is a string member
     */
    public RecordSchema record() {
      if (!(type instanceof RecordSchema)) {
        throw new IllegalStateException("union member " + name + " is a string, not a record");
      }
      return (RecordSchema) type;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Member && name.equals(((Member) o).name) && tag == ((Member) o).tag
          && type.equals(((Member) o).type);
    }

    @Override
    public int hashCode() {
      return Objects.hash(name, tag);
    }
  }

  private final String name;
  private final List<Member> members;
  private final boolean[] aliased;

  private UnionSchema(String name, List<Member> members) {
    this.name = Names.checkTypeName(name, "union");
    if (members.isEmpty()) {
      throw new IllegalArgumentException("union " + name + " needs at least one member");
    }
    Set<String> names = new HashSet<>();
    Set<Integer> tags = new HashSet<>();
    for (Member m : members) {
      if (!names.add(m.name())) {
        throw new IllegalArgumentException("union " + name + ": duplicate member name " + m.name());
      }
      if (!tags.add(m.tag())) {
        throw new IllegalArgumentException("union " + name + ": duplicate member tag " + m.tag());
      }
    }
    this.members = List.copyOf(members);
    this.aliased = new boolean[members.size()];
    for (int i = 0; i < aliased.length; i++) {
      for (int j = 0; j < aliased.length; j++) {
        aliased[i] |= i != j && sameType(this.members.get(i).type(), this.members.get(j).type());
      }
    }
  }

  private static boolean sameType(Schema a, Schema b) {
    return a.kind() == Kind.STRING ? b.kind() == Kind.STRING
        : b instanceof RecordSchema && ((RecordSchema) a).name().equals(((RecordSchema) b).name());
  }

  /**
   * A union of the given members.
   *
   * @throws IllegalArgumentException if empty, or names or tags repeat
   */
  public static UnionSchema of(String name, List<Member> members) {
    return new UnionSchema(name, new ArrayList<>(Objects.requireNonNull(members, "members")));
  }

  /** A union whose members are named after their records and tagged 1, 2, 3… in order. */
  public static UnionSchema of(String name, RecordSchema... records) {
    List<Member> list = new ArrayList<>();
    for (int i = 0; i < records.length; i++) {
      Objects.requireNonNull(records[i], "record");
      String n = records[i].name();
      list.add(new Member(n.substring(n.lastIndexOf('.') + 1), i + 1, records[i]));
    }
    return new UnionSchema(name, list);
  }

  /** The union's name. */
  public String name() {
    return name;
  }

  /** The members in declaration order. */
  public List<Member> members() {
    return members;
  }

  /** The index of the member named {@code memberName}, or -1. */
  public int indexOfName(String memberName) {
    for (int i = 0; i < members.size(); i++) {
      if (members.get(i).name().equals(memberName)) {
        return i;
      }
    }
    return -1;
  }

  /** The index of the member tagged {@code tag}, or -1. */
  public int indexOfTag(int tag) {
    for (int i = 0; i < members.size(); i++) {
      if (members.get(i).tag() == tag) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The index of the first member whose record is {@code record} (by identity, then by name), or -1.
   * With {@link #isAliased aliases} other members have the same record.
   */
  public int indexOfType(RecordSchema record) {
    for (int i = 0; i < members.size(); i++) {
      if (members.get(i).type() == record) {
        return i;
      }
    }
    for (int i = 0; i < members.size(); i++) {
      if (!members.get(i).isString() && members.get(i).record().name().equals(record.name())) {
        return i;
      }
    }
    return -1;
  }

  /** The index of the first string member, or -1. */
  public int indexOfString() {
    for (int i = 0; i < members.size(); i++) {
      if (members.get(i).isString()) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Whether member {@code index} shares its type (the same record, or string) with another member, so
   * that a value alone does not tell which member it is: its generic values are
   * {@link io.polycodec.GenericUnion}s.
   */
  public boolean isAliased(int index) {
    return aliased[index];
  }

  /** Whether some member is a string (a construct only some formats can hold). */
  public boolean hasStringMember() {
    return indexOfString() >= 0;
  }

  /**
   * Refuses this union if it has a string member, for a format that holds record members only.
   *
   * @throws io.polycodec.SchemaException naming the union, the member and {@code format}
   */
  public void requireRecordMembers(String format) {
    int i = indexOfString();
    if (i >= 0) {
      throw new io.polycodec.SchemaException("union " + name + ": member " + members.get(i).name() + " is a string; "
          + format + " holds record members only (string members are a FlatBuffers construct)");
    }
  }

  /** Whether some members share a type ({@link #isAliased}). */
  public boolean hasAliases() {
    for (boolean a : aliased) {
      if (a) {
        return true;
      }
    }
    return false;
  }

  @Override
  public <R> R accept(SchemaVisitor<R> visitor) {
    return visitor.visitUnion(this);
  }

  @Override
  public Kind kind() {
    return Kind.UNION;
  }

  @Override
  public String describe() {
    return name;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UnionSchema && name.equals(((UnionSchema) o).name) && members.equals(((UnionSchema) o).members);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return "union " + name + members;
  }
}
