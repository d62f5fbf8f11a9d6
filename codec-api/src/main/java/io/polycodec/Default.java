package io.polycodec;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value a record component takes when its field is missing on the wire, instead of its kind's zero:
 * proto2's {@code [default = …]}, FlatBuffers' {@code = value}. Written in the field's text form:
 * {@code @Default("1234")}, {@code @Default("-2.5")}, {@code @Default("nan")}, {@code @Default("inf")},
 * {@code @Default("-inf")}, {@code @Default("true")}, a string's own text ({@code @Default("some")}),
 * Base64 for {@code byte[]}, an enum constant's schema name ({@code @Default("RED")}).
 *
 * <p>Allowed on non-optional components of kind bool, byte, short, int, long, float, double, String,
 * {@code byte[]} and enum. Anything else (an {@code Optional} or {@code @Nullable} component, a list, a
 * record, a text that is not a value of the kind or is out of its range) is a {@link SchemaException}
 * naming the component when the codec is made. How each format writes a value equal to its default is
 * in docs/defaults.md.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Default {
  /** The default value's text form. */
  String value();
}
