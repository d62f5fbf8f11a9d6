package io.polycodec.flatbuffers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lays out a union (sealed interface) component of a record as flatc lays out a union field: its type
 * byte in the table slot just before the value's, its member table directly behind the value's offset,
 * with no holder table, so flatc-generated code reads the field as {@code name_type()} and {@code name()}.
 * The union's tag {@code t} must be at least 2 and tag {@code t − 1} unused, since FlatBuffers puts the
 * type at field id {@code t − 2}; otherwise building the codec is a {@link io.polycodec.SchemaException}.
 * Other formats ignore it. For schemas without Java types, see {@link FlatLayout.Builder#inlineUnion}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface InlineUnion {}
