package io.polycodec;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A wire format as a codec declares it: its name, media types, whether it is binary, how it keys
 * fields, and its {@link Capability capabilities}. Immutable; compared by value.
 */
public final class Format {
  private final String name;
  private final List<String> mediaTypes;
  private final boolean binary;
  private final FieldKeying keying;
  private final Set<Capability> capabilities;

  private Format(Builder b) {
    this.name = b.name;
    this.mediaTypes = List.copyOf(b.mediaTypes);
    this.binary = b.binary;
    this.keying = b.keying;
    this.capabilities = Collections.unmodifiableSet(EnumSet.copyOf(b.capabilities));
  }

  /** A builder for a format named {@code name} (lower case, such as {@code protobuf}). */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** The format's name, such as {@code json}; lookups ignore case. */
  public String name() {
    return name;
  }

  /** The primary media type, such as {@code application/json}. */
  public String mediaType() {
    return mediaTypes.get(0);
  }

  /** Every media type this format answers to, primary first. */
  public List<String> mediaTypes() {
    return mediaTypes;
  }

  /** Whether encoded data is binary (not text). */
  public boolean isBinary() {
    return binary;
  }

  /** How fields are identified on the wire. */
  public FieldKeying keying() {
    return keying;
  }

  /** The capabilities declared. */
  public Set<Capability> capabilities() {
    return capabilities;
  }

  /** Whether {@code capability} is declared. */
  public boolean has(Capability capability) {
    return capabilities.contains(capability);
  }

  /** Whether {@code mediaType} (parameters such as {@code ;charset=} ignored, case-insensitive) is one of this format's. */
  public boolean matchesMediaType(String mediaType) {
    String base = mediaType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return mediaTypes.contains(base);
  }

  /** A copy with other field keying and capabilities, for a codec mode (such as compact MessagePack). */
  public Format withKeying(FieldKeying newKeying) {
    Builder b = new Builder(name).binary(binary).keying(newKeying);
    b.mediaTypes.clear();
    b.mediaTypes.addAll(mediaTypes);
    b.capabilities.addAll(capabilities);
    return b.build();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Format)) {
      return false;
    }
    Format f = (Format) o;
    return name.equals(f.name) && mediaTypes.equals(f.mediaTypes) && binary == f.binary && keying == f.keying
        && capabilities.equals(f.capabilities);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, mediaTypes, binary, keying, capabilities);
  }

  @Override
  public String toString() {
    return name + " (" + mediaType() + ", " + (binary ? "binary" : "text") + ", keyed by " + keying.name().toLowerCase(Locale.ROOT)
        + ", " + capabilities + ")";
  }

  /** Builds a {@link Format}. */
  public static final class Builder {
    private final String name;
    private final java.util.ArrayList<String> mediaTypes = new java.util.ArrayList<>();
    private boolean binary = true;
    private FieldKeying keying = FieldKeying.NUMBER;
    private final EnumSet<Capability> capabilities = EnumSet.noneOf(Capability.class);

    private Builder(String name) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("a format needs a name");
      }
      this.name = name.toLowerCase(Locale.ROOT);
    }

    /** Adds a media type (the first one added is the primary). */
    public Builder mediaType(String mediaType) {
      mediaTypes.add(mediaType.toLowerCase(Locale.ROOT));
      return this;
    }

    /** Binary (default) or text. */
    public Builder binary(boolean isBinary) {
      this.binary = isBinary;
      return this;
    }

    /** How fields are keyed (default: by number). */
    public Builder keying(FieldKeying fieldKeying) {
      this.keying = Objects.requireNonNull(fieldKeying, "fieldKeying");
      return this;
    }

    /** Declares capabilities. */
    public Builder capabilities(Capability... caps) {
      capabilities.addAll(List.of(caps));
      return this;
    }

    /** The format. */
    public Format build() {
      if (mediaTypes.isEmpty()) {
        throw new IllegalStateException("format " + name + " needs a media type");
      }
      return new Format(this);
    }
  }
}
