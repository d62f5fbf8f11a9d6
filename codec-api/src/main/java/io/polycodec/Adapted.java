package io.polycodec;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the {@link TypeAdapter} that maps a type onto the model: on the type itself
 * ({@code @Adapted(MoneyAdapter.class) final class Money}), it applies wherever the type is a field's type;
 * on a record component, it applies to that component only (to its element or value type when the component
 * is an {@code Optional}, {@code List}, {@code Set} or {@code Map}).
 *
 * <p>Which adapter wins: the component's annotation, then an adapter registered on the
 * {@link CodecRegistry}, then the type's annotation, then Polycodec's built-in ones (UUID, URI, BigDecimal,
 * BigInteger, LocalDate, LocalTime, LocalDateTime, OffsetDateTime as their standard text). The adapter
 * class needs a public no-argument constructor; it is made once and shared. A class that cannot be made,
 * or that adapts another type than the one annotated, is a {@link SchemaException} when a codec is built.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.RECORD_COMPONENT})
public @interface Adapted {
  /** The adapter class. */
  @SuppressWarnings("rawtypes")
  Class<? extends TypeAdapter> value();
}
