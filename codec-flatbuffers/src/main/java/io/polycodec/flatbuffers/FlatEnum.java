package io.polycodec.flatbuffers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a Java enum a FlatBuffers underlying type other than {@code int} ({@code enum Color : ubyte}):
 * FlatBuffers codecs write its numbers in that many bytes, and the exported {@code .fbs} declares it.
 * Other formats ignore it. For schemas without Java types, see {@link FlatLayout.Builder#enumType}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface FlatEnum {
  /**
   * The underlying type: {@code byte}, {@code ubyte}, {@code short}, {@code ushort}, {@code int},
   * {@code uint}, {@code long} or {@code ulong}. Every constant's number must fit it (a
   * {@link io.polycodec.SchemaException} when the codec is built otherwise).
   */
  String value();

  /**
   * Whether the enum is flatc {@code bit_flags} (see {@link FlatLayout#isBitFlags}): exported with the
   * attribute and its constants' bit positions, so every constant's number must be a single bit (the
   * export refuses it otherwise). The bytes do not change.
   */
  boolean bitFlags() default false;
}
