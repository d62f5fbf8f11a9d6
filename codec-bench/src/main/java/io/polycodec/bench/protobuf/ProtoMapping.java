package io.polycodec.bench.protobuf;

import com.google.protobuf.Descriptors;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;

/**
 * The code a Protobuf user writes by hand to keep their own records and still use protoc's generated
 * classes: a conversion each way. The benchmark's peer paths are {@code toProto(record).toByteArray()}
 * and {@code fromProto(parser().parseFrom(bytes))}.
 *
 * @param <T> the record
 * @param <M> the generated message
 */
public interface ProtoMapping<T, M extends Message> {
  /** The generated message holding {@code value}. */
  M toProto(T value);

  /** The record {@code message} holds. */
  T fromProto(M message);

  /** The generated message's parser. */
  Parser<M> parser();

  /** The message's descriptor (for DynamicMessage). */
  Descriptors.Descriptor descriptor();
}
