package io.polycodec;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The stable number of a record component (its field tag), of an enum constant, or of a record as a
 * member of a sealed interface. Number-keyed formats (Protobuf, FlatBuffers, compact MessagePack) put
 * it on the wire, so it must never change once data exists.
 *
 * <p>All or none: either every component of a record (every constant of an enum, every member of a
 * union) has a tag, or none has and they are numbered by declaration order (1, 2, 3… for fields and
 * members; 0, 1, 2… for enum constants). Tags must be unique; field and member tags must be positive.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.TYPE})
public @interface Tag {
  /** The number. */
  int value();
}
