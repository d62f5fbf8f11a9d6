package io.polycodec;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the enum constant that an unknown number or name decodes to (a newer writer added a constant).
 * Without one, an unknown constant is a {@link DecodeException}. At most one constant per enum.
 * {@link GenericRecord}s need no fallback: they keep the unknown number as it was read.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Fallback {}
