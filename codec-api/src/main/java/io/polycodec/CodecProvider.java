package io.polycodec;

import io.polycodec.bind.RecordBinding;
import java.util.List;

/**
 * The service a backend registers (in {@code META-INF/services/io.polycodec.CodecProvider}) so that
 * {@link Codecs} finds it with {@link java.util.ServiceLoader}. A provider compiles a record binding
 * into a codec once; the codec does no reflection or per-call lookups afterwards.
 */
public interface CodecProvider {

  /** The format this provider writes. */
  Format format();

  /**
   * Which provider wins when two claim the same format name: the higher priority, then the provider
   * class name in alphabetical order. Polycodec's own providers use 0.
   */
  default int priority() {
    return 0;
  }

  /**
   * The {@link CodecOption}s this provider's codecs read, so that a configuration layer (Spring Boot
   * properties, a CLI flag) can find an option by {@link CodecOption#name() name} and convert a string
   * to its {@link CodecOption#type() type}. Empty by default; never null.
   */
  default List<CodecOption<?>> options() {
    return List.of();
  }

  /**
   * A codec for the records {@code binding} describes: Java records ({@link RecordBinding#of}) or
   * {@link GenericRecord}s ({@link RecordBinding#generic}).
   *
   * @throws SchemaException if the schema uses something the format cannot express, naming it
   */
  <T> Codec<T> create(RecordBinding<T> binding, CodecOptions options);

  /**
   * A codec for plain Java values without a schema, if the format is {@link Capability#SELF_DESCRIBING}.
   *
   * @throws UnsupportedOperationException if it is not
   */
  default Codec<Object> schemaless(CodecOptions options) {
    throw new UnsupportedOperationException(format().name() + " cannot be decoded without a schema");
  }
}
