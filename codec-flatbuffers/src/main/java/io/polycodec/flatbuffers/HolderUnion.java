package io.polycodec.flatbuffers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lays out a union (sealed interface) component of a record, or a list of unions, in a holder table
 * instead of flatc's inline layout: the field takes one id and holds an offset to a table
 * {@code U {value: U_Union}} (a list: a vector of such tables), with the FlatBuffers union inside. This is
 * how Polycodec wrote every union field before 0.1.0; put it on a component to read data written then.
 * flatc-generated code reads such a field as a table holding a union, not as {@code name_type()} and
 * {@code name()}. Other formats ignore it. For schemas without Java types, see
 * {@link FlatLayout.Builder#holderUnion}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface HolderUnion {}
