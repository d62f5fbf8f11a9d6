package io.polycodec.flatbuffers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Java record as a FlatBuffers {@code struct}: in FlatBuffers codecs its values sit inline, in
 * the fixed layout flatc gives the same {@code struct} (fields in declaration order, each aligned to its
 * size, the struct padded to its largest alignment), instead of behind an offset to a table. Other
 * formats ignore it and encode the record as any other record.
 *
 * <p>A struct's components must be non-optional bool or number components, enums, other struct records,
 * or fixed-size arrays of those ({@link FlatArray}); a FlatBuffers codec refuses anything else with a
 * {@link io.polycodec.SchemaException} naming the component. For schemas without Java types (generic
 * records, imported schemas) say the same with {@link FlatLayout.Builder#struct}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface FlatStruct {
  /**
   * flatc's {@code force_align}: the struct's alignment (a power of two, 1 to 256), at least its natural
   * one; 0 (the default) keeps the natural alignment.
   */
  int forceAlign() default 0;
}
