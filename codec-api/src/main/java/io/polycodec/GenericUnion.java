package io.polycodec;

import io.polycodec.schema.UnionSchema;
import java.util.Objects;

/**
 * A generic union value that names its member: needed where the value alone does not tell the member,
 * because the member shares its type with another ({@link UnionSchema#isAliased}, FlatBuffers'
 * {@code union U { A: Monster, B: Monster }}, or two string members). Decoders return one for such
 * members, so that encoding it again writes the same member; encoders accept one for any member.
 * Members with a type of their own decode to their plain {@link GenericRecord} or {@code String}.
 *
 * <p>Immutable and thread-safe when its value is (a {@link GenericRecord} or a {@code String}).
 *
 * @param member the member's name in its {@link UnionSchema}
 * @param value the member's value: a {@link GenericRecord} of the member's record, or a {@code String}
 */
public record GenericUnion(String member, Object value) {
  /**
   * Checks that both are present.
   *
   * @throws NullPointerException if either is null
   */
  public GenericUnion {
    Objects.requireNonNull(member, "member");
    Objects.requireNonNull(value, "value");
  }

  /**
   * The value {@code value} as member {@code member}.
   *
   * @throws NullPointerException if either is null
   */
  public static GenericUnion of(String member, Object value) {
    return new GenericUnion(member, value);
  }
}
