package io.polycodec;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The component's field must be present on the wire: proto2's {@code required}, FlatBuffers'
 * {@code (required)}. Encoders always write it, even when it equals its default, and encoding a null
 * in it is an {@link EncodeException} naming the field; decoding data that lacks it is a
 * {@link DecodeException} naming the field. FlatBuffers cannot mark a scalar or enum required: there a
 * required scalar is written and read as any scalar (absent means its default). See docs/defaults.md.
 *
 * <p>Not allowed on {@code Optional} or {@code @Nullable} components, nor on collections (an empty list,
 * map or vector already means absent): a {@link SchemaException} naming the component.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Required {}
