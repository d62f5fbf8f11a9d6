package io.polycodec;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Overrides the name Polycodec uses for a record, enum or sealed interface (default: the simple class
 * name), a record component (default: the component name; this is the key in name-keyed formats), an
 * enum constant, or a record's member name in a union. Names are identifiers; type names may contain
 * dots.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.TYPE})
public @interface SchemaName {
  /** The name. */
  String value();
}
