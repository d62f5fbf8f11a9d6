package io.polycodec.bench.msgpack;

import java.io.IOException;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;

/**
 * What a msgpack-core user writes by hand for one record type: a map keyed by field name (absent
 * optionals left out, enums by name, Instants as the timestamp extension, float vectors as
 * little-endian bin), read back with a switch on the key that skips keys it does not know. That is
 * the layout of Polycodec's default (name-keyed) MessagePack mode.
 *
 * @param <T> the record
 */
public interface MsgpackMapping<T> {
  /** Writes {@code value}. */
  void write(MessagePacker packer, T value) throws IOException;

  /** Reads one value. */
  T read(MessageUnpacker unpacker) throws IOException;
}
