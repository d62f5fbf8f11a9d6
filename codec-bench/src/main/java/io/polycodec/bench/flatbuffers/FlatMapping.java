package io.polycodec.bench.flatbuffers;

import com.google.flatbuffers.FlatBufferBuilder;
import java.nio.ByteBuffer;

/**
 * What a FlatBuffers user writes by hand around flatc's generated classes for one record type:
 * builder code (strings and children first, then the table) and a conversion from the generated
 * accessors to the record.
 *
 * @param <T> the record
 */
public interface FlatMapping<T> {
  /** Builds {@code value} into {@code builder}; returns the root table's offset (not yet finished). */
  int build(FlatBufferBuilder builder, T value);

  /** The record the finished buffer holds (every field read through the generated accessors). */
  T read(ByteBuffer buffer);
}
