package io.polycodec.schema;

import java.util.Locale;
import java.util.Objects;

/**
 * A dense numeric vector: {@code float[]} (float32 elements, optionally {@link Quantization quantized})
 * or {@code double[]} (float64 elements).
 */
public final class VectorSchema implements Schema {
  static final VectorSchema FLOAT32 = new VectorSchema(Kind.FLOAT32, Quantization.NONE);
  static final VectorSchema FLOAT64 = new VectorSchema(Kind.FLOAT64, Quantization.NONE);

  private final Kind element;
  private final Quantization quantization;

  private VectorSchema(Kind element, Quantization quantization) {
    this.element = element;
    this.quantization = quantization;
  }

  /**
   * A vector of {@code element} (FLOAT32 or FLOAT64) stored with {@code quantization}.
   *
   * @throws IllegalArgumentException for another element kind, or quantization of float64 vectors
   */
  public static VectorSchema of(Kind element, Quantization quantization) {
    Objects.requireNonNull(element, "element");
    Objects.requireNonNull(quantization, "quantization");
    if (element == Kind.FLOAT64) {
      if (quantization != Quantization.NONE) {
        throw new IllegalArgumentException("quantization applies to float32 vectors only");
      }
      return FLOAT64;
    }
    if (element != Kind.FLOAT32) {
      throw new IllegalArgumentException("a vector holds float32 or float64, not " + element);
    }
    return quantization == Quantization.NONE ? FLOAT32 : new VectorSchema(element, quantization);
  }

  /** FLOAT32 or FLOAT64. */
  public Kind element() {
    return element;
  }

  /** How elements are stored; {@link Quantization#NONE} for exact storage. */
  public Quantization quantization() {
    return quantization;
  }

  @Override
  public <R> R accept(SchemaVisitor<R> visitor) {
    return visitor.visitVector(this);
  }

  @Override
  public Kind kind() {
    return Kind.VECTOR;
  }

  @Override
  public String describe() {
    String e = element.name().toLowerCase(Locale.ROOT);
    return quantization == Quantization.NONE
        ? "vector<" + e + ">"
        : "vector<" + e + "," + quantization.name().toLowerCase(Locale.ROOT) + ">";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VectorSchema
        && element == ((VectorSchema) o).element
        && quantization == ((VectorSchema) o).quantization;
  }

  @Override
  public int hashCode() {
    return Objects.hash(Kind.VECTOR, element, quantization);
  }

  @Override
  public String toString() {
    return describe();
  }
}
