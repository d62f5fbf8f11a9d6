package io.polycodec.schema;

import java.util.Objects;

/** A list of elements of one schema ({@code List<E>}); elements are never null. */
public final class ListSchema implements Schema {
  private final Schema element;

  ListSchema(Schema element) {
    this.element = Objects.requireNonNull(element, "element");
    if (element.kind().isCollection()) {
      throw new IllegalArgumentException(
          "a list element cannot be a " + element.describe() + ": wrap the inner collection in a record");
    }
  }

  /** The element schema. */
  public Schema element() {
    return element;
  }

  @Override
  public <R> R accept(SchemaVisitor<R> visitor) {
    return visitor.visitList(this);
  }

  @Override
  public Kind kind() {
    return Kind.LIST;
  }

  @Override
  public String describe() {
    return "list<" + element.describe() + ">";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ListSchema && element.equals(((ListSchema) o).element);
  }

  @Override
  public int hashCode() {
    return 31 * Kind.LIST.hashCode() + element.hashCode();
  }

  @Override
  public String toString() {
    return describe();
  }
}
