package io.polycodec.tck.zoo;

import io.polycodec.GenericRecord;
import io.polycodec.bind.RecordBinding;
import io.polycodec.tck.engine.Gen;
import io.polycodec.tck.engine.Source;
import io.polycodec.tck.gen.TextForms;
import io.polycodec.tck.gen.TypedValues;
import io.polycodec.tck.gen.ValueGen;

/**
 * Values of a zoo type (or any record type): generic values of its derived schema
 * ({@link ValueGen}, so edge-biased and shrinkable) turned into instances of the Java record, with
 * integers narrowed to {@code byte} and {@code short} components, and the strings of components held as
 * text (UUID, BigDecimal, LocalDate…) replaced by such values' text ({@link TextForms}).
 *
 * @param <T> the record type
 */
public final class ZooGen<T> implements Gen<T> {
  private final RecordBinding<T> binding;
  private final ValueGen values;

  private ZooGen(Class<T> type) {
    this.binding = RecordBinding.of(type);
    this.values = ValueGen.of(binding.schema());
  }

  /** Values of {@code type}. */
  public static <T> ZooGen<T> of(Class<T> type) {
    return new ZooGen<>(type);
  }

  /** The binding values are built with. */
  public RecordBinding<T> binding() {
    return binding;
  }

  @Override
  public T generate(Source source) {
    GenericRecord g = source.draw(values);
    return TypedValues.fitting(binding, TextForms.fit(binding, g, source));
  }
}
