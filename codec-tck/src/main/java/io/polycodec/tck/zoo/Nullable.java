package io.polycodec.tck.zoo;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a zoo record component as optional (null = absent). Polycodec honours any annotation named
 * {@code Nullable}; the zoo declares its own so that it depends on no annotation library.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
public @interface Nullable {}
