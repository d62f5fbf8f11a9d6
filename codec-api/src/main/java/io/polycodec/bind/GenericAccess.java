package io.polycodec.bind;

import io.polycodec.GenericRecord;
import io.polycodec.UnknownFields;
import io.polycodec.schema.RecordSchema;

/**
 * The bridge through which decoders create {@link GenericRecord}s from values they have already checked,
 * without the public builder's validation and copying. Installed by GenericRecord itself.
 */
public abstract class GenericAccess {
  private static volatile GenericAccess instance;

  /** For GenericRecord's static initializer only. */
  protected GenericAccess() {}

  /** Installs the bridge; only the first call counts. */
  public static synchronized void install(GenericAccess access) {
    if (instance == null) {
      instance = access;
    }
  }

  static GenericAccess get() {
    GenericAccess a = instance;
    if (a == null) {
      try {
        Class.forName(GenericRecord.class.getName(), true, GenericRecord.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new AssertionError(e);
      }
      a = instance;
    }
    return a;
  }

  /** A record over {@code values} (owned by the record from now on). */
  protected abstract GenericRecord create(RecordSchema schema, Object[] values, UnknownFields unknown);

  /** The value at {@code index}, without bounds or name checks. */
  protected abstract Object value(GenericRecord record, int index);
}
