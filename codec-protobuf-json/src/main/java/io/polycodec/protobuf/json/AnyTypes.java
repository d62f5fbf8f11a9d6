package io.polycodec.protobuf.json;

import io.polycodec.Codec;
import io.polycodec.GenericRecord;
import io.polycodec.bind.RecordBinding;
import io.polycodec.schema.RecordSchema;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The message types a {@code google.protobuf.Any} may hold, for its JSON form: an Any is written as the
 * object of the message its bytes hold, plus {@code "@type"} (or {@code {"@type": …, "value": …}} for a
 * well-known type with a special JSON form), so the codec must know the message's schema to print it and
 * the binary protobuf codec that reads and writes its bytes. Set it with
 * {@link ProtobufJsonOptions#ANY_TYPES}; types are found by the last segment of the type URL
 * ({@code type.googleapis.com/pkg.Msg} → {@code pkg.Msg}), as protobuf's type registries do.
 *
 * <p>Typically built from imported descriptors: for each message, {@code ProtoImport.message(…)} gives the
 * schema and the binary codec. Immutable and thread-safe (the codecs given must be, as every Polycodec
 * codec is).
 */
public final class AnyTypes {
  private static final AnyTypes EMPTY = new AnyTypes(Map.of());

  private final Map<String, Type> types;

  private AnyTypes(Map<String, Type> types) {
    this.types = types;
  }

  /** No types: an Any holding a message cannot be written or read (an empty Any still can). */
  public static AnyTypes empty() {
    return EMPTY;
  }

  /** A builder to add types to. */
  public static Builder builder() {
    return new Builder();
  }

  /** The full names of the message types held, in the order added. */
  public Collection<String> names() {
    return types.keySet();
  }

  /** The type named {@code fullName}, or null. */
  Type find(String fullName) {
    return types.get(fullName);
  }

  Collection<Type> types() {
    return types.values();
  }

  @Override
  public String toString() {
    return "AnyTypes" + types.keySet();
  }

  /** One message type: its schema, a generic binding of it, and its binary protobuf codec. */
  static final class Type {
    final RecordSchema schema;
    final RecordBinding<GenericRecord> binding;
    final Codec<GenericRecord> binary;

    Type(RecordSchema schema, Codec<GenericRecord> binary) {
      this.schema = schema;
      this.binding = RecordBinding.generic(schema);
      this.binary = binary;
    }
  }

  /** Collects types; not thread-safe. */
  public static final class Builder {
    private final Map<String, Type> types = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Adds the message type of {@code schema} (its full protobuf name is the schema's name), whose bytes
     * {@code binary} reads and writes.
     *
     * @param schema the message's schema, as imported
     * @param binary the binary protobuf codec of that schema (format {@code protobuf})
     * @return this builder
     * @throws IllegalArgumentException if a type of that name was added already, or {@code binary} is
     *     not a protobuf codec
     */
    public Builder add(RecordSchema schema, Codec<GenericRecord> binary) {
      Objects.requireNonNull(schema, "schema");
      Objects.requireNonNull(binary, "binary");
      if (!binary.format().name().equals("protobuf")) {
        throw new IllegalArgumentException("an Any holds binary protobuf; " + binary.format().name() + " given for "
            + schema.name());
      }
      if (types.putIfAbsent(schema.name(), new Type(schema, binary)) != null) {
        throw new IllegalArgumentException("type " + schema.name() + " added twice");
      }
      return this;
    }

    /** The types added so far, as an immutable registry. */
    public AnyTypes build() {
      return types.isEmpty() ? EMPTY : new AnyTypes(Collections.unmodifiableMap(new LinkedHashMap<>(types)));
    }
  }
}
