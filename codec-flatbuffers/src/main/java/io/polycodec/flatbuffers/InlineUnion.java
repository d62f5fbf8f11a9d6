package io.polycodec.flatbuffers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Does nothing: a union (sealed interface) component, or a list of unions, is laid out as flatc lays out
 * a union field by default (its type byte in the slot just below its value's, the member table directly
 * behind the value's offset; ids as {@link io.polycodec.schema.FlatBuffersFieldIds} assigns them). It was
 * the opt-in for that layout while the holder table was the default, and is kept so such records still
 * compile; {@link HolderUnion} is now the opt-in for the other layout.
 *
 * @deprecated inline is the default; remove the annotation
 */
@Deprecated
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface InlineUnion {}
