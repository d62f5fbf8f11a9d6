package io.polycodec.protobuf;

import io.polycodec.evolution.WireChoices;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Protobuf wire choices that Polycodec's schema model does not express, for schemas imported from
 * .proto files that make them: repeated numbers written <em>unpacked</em> ({@code [packed = false]},
 * proto2's default) and message fields written as <em>groups</em> (proto2 {@code group}, editions
 * {@code message_encoding = DELIMITED}). With the layout an import returns
 * ({@link ProtoImport.Imported#layout()}), a codec re-encodes such messages byte for byte; without it,
 * unpacked fields are written packed (which every parser accepts) and group fields are refused on read.
 *
 * <p>Fields are named by record name and field number. Immutable; compared by value, so it can sit in
 * {@link io.polycodec.CodecOptions} (see {@link ProtobufOptions#LAYOUT}). As {@link WireChoices} it
 * tells the compatibility checker what the schema alone does not show
 * ({@link io.polycodec.evolution.Compatibility#check(io.polycodec.schema.RecordSchema, WireChoices,
 * io.polycodec.schema.RecordSchema, WireChoices, io.polycodec.Format)}).
 */
public final class WireLayout implements WireChoices {
  /** No special choices: everything as Polycodec's mapping writes it. */
  public static final WireLayout DEFAULT = new WireLayout(Set.of(), Set.of());

  private final Set<String> unpacked;
  private final Set<String> delimited;

  private WireLayout(Set<String> unpacked, Set<String> delimited) {
    this.unpacked = unpacked;
    this.delimited = delimited;
  }

  /** A builder with no choices made. */
  public static Builder builder() {
    return new Builder();
  }

  private static String key(String record, int field) {
    return Objects.requireNonNull(record, "record") + "#" + field;
  }

  /** Whether repeated field {@code field} of {@code record} is written unpacked. */
  @Override
  public boolean isUnpacked(String record, int field) {
    return !unpacked.isEmpty() && unpacked.contains(key(record, field));
  }

  /** Whether message field {@code field} of {@code record} is written as a group. */
  @Override
  public boolean isDelimited(String record, int field) {
    return !delimited.isEmpty() && delimited.contains(key(record, field));
  }

  /** Whether no choice is made. */
  public boolean isDefault() {
    return unpacked.isEmpty() && delimited.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WireLayout && unpacked.equals(((WireLayout) o).unpacked)
        && delimited.equals(((WireLayout) o).delimited);
  }

  @Override
  public int hashCode() {
    return unpacked.hashCode() * 31 + delimited.hashCode();
  }

  @Override
  public String toString() {
    return "WireLayout{unpacked=" + unpacked + ", delimited=" + delimited + "}";
  }

  /** Builds a {@link WireLayout}. Not thread-safe. */
  public static final class Builder {
    private final Set<String> unpacked = new TreeSet<>();
    private final Set<String> delimited = new TreeSet<>();

    private Builder() {}

    /** Writes repeated field {@code field} of {@code record} unpacked. */
    public Builder unpacked(String record, int field) {
      unpacked.add(key(record, field));
      return this;
    }

    /** Writes message field {@code field} of {@code record} (singular or repeated) as a group. */
    public Builder delimited(String record, int field) {
      delimited.add(key(record, field));
      return this;
    }

    /** The layout. */
    public WireLayout build() {
      return unpacked.isEmpty() && delimited.isEmpty()
          ? DEFAULT
          : new WireLayout(Collections.unmodifiableSet(new TreeSet<>(unpacked)),
              Collections.unmodifiableSet(new TreeSet<>(delimited)));
    }
  }
}
