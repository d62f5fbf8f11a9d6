package io.polycodec.bind;

import io.polycodec.GenericRecord;
import io.polycodec.UnknownFields;
import io.polycodec.schema.RecordSchema;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * How decoders create {@link GenericRecord}s from values they have already checked, without the public
 * builder's validation and copying, and read a record's values without its bounds and name checks.
 *
 * <p>Reached through GenericRecord's private constructor and field by a private lookup, which works
 * because both classes are in codec-api: nothing outside this package can use it, and there is no
 * public hook to install a bridge (the earlier {@code install} method let whoever called it first
 * decide how every GenericRecord was made). Static final handles are constants to the JIT, so the calls
 * inline like direct ones.
 */
final class GenericAccess {
  private static final MethodHandle CREATE;
  private static final MethodHandle VALUES;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(GenericRecord.class, MethodHandles.lookup());
      CREATE = lookup.findConstructor(GenericRecord.class,
          MethodType.methodType(void.class, RecordSchema.class, Object[].class, UnknownFields.class));
      VALUES = lookup.findGetter(GenericRecord.class, "values", Object[].class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private GenericAccess() {}

  /** A record over {@code values} (owned by the record from now on). */
  static GenericRecord create(RecordSchema schema, Object[] values, UnknownFields unknown) {
    try {
      return (GenericRecord) CREATE.invokeExact(schema, values, unknown);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  /** The value at {@code index}, without bounds or name checks. */
  static Object value(GenericRecord record, int index) {
    try {
      return ((Object[]) VALUES.invokeExact(record))[index];
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }
}
