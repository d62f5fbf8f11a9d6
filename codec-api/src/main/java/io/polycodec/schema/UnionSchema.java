package io.polycodec.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Exactly one of several records (a {@code sealed interface} whose permitted types are records).
 * Each member has a name (the discriminator in name-keyed formats) and a tag (the discriminator in
 * number-keyed formats); names, tags and member record names are unique.
 */
public final class UnionSchema implements Schema {
  /** One alternative of a union. */
  public record Member(String name, int tag, RecordSchema type) {
    /** Validates the member. */
    public Member {
      Names.checkIdentifier(name, "union member");
      if (tag < 1) {
        throw new IllegalArgumentException("union member " + name + ": tag must be positive, was " + tag);
      }
      Objects.requireNonNull(type, "type");
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

  private UnionSchema(String name, List<Member> members) {
    this.name = Names.checkTypeName(name, "union");
    if (members.isEmpty()) {
      throw new IllegalArgumentException("union " + name + " needs at least one member");
    }
    Set<String> names = new HashSet<>();
    Set<Integer> tags = new HashSet<>();
    Set<String> types = new HashSet<>();
    for (Member m : members) {
      if (!names.add(m.name())) {
        throw new IllegalArgumentException("union " + name + ": duplicate member name " + m.name());
      }
      if (!tags.add(m.tag())) {
        throw new IllegalArgumentException("union " + name + ": duplicate member tag " + m.tag());
      }
      if (!types.add(m.type().name())) {
        throw new IllegalArgumentException("union " + name + ": record " + m.type().name() + " appears twice");
      }
    }
    this.members = List.copyOf(members);
  }

  /**
   * A union of the given members.
   *
   * @throws IllegalArgumentException if empty, or names, tags or member types repeat
   */
  public static UnionSchema of(String name, List<Member> members) {
    return new UnionSchema(name, new ArrayList<>(Objects.requireNonNull(members, "members")));
  }

  /** A union whose members are named after their records and tagged 1, 2, 3… in order. */
  public static UnionSchema of(String name, RecordSchema... records) {
    List<Member> list = new ArrayList<>();
    for (int i = 0; i < records.length; i++) {
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

  /** The index of the member whose record is {@code record} (by identity, then by name), or -1. */
  public int indexOfType(RecordSchema record) {
    for (int i = 0; i < members.size(); i++) {
      if (members.get(i).type() == record) {
        return i;
      }
    }
    for (int i = 0; i < members.size(); i++) {
      if (members.get(i).type().name().equals(record.name())) {
        return i;
      }
    }
    return -1;
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
