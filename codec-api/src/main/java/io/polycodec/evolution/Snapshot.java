package io.polycodec.evolution;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record whose schema history the build keeps: tools that scan compiled classes (the
 * {@code polycodec-maven-plugin}'s {@code snapshot} and {@code check} goals) pick up every record so
 * marked and compare it with its {@link SchemaHistory} snapshots. The annotation changes nothing on
 * any wire and nothing in the schema; it is read at run time, hence its retention.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Snapshot {}
