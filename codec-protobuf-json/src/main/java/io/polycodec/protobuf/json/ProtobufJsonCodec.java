package io.polycodec.protobuf.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import io.polycodec.CodecOptions;
import io.polycodec.bind.RecordBinding;
import io.polycodec.json.jackson.JacksonCodec;
import java.io.IOException;

/**
 * The protobuf-json codec for one record type; immutable and thread-safe. The shell (limits, error
 * decoration, entry points) is codec-json's {@link JacksonCodec}; this class adds the mapping. A union is
 * two JSON levels (wrapper, member) for one level of the model, hence two JSON levels per level.
 */
final class ProtobufJsonCodec<T> extends JacksonCodec<T> {
  private final RecordPlan plan;

  ProtobufJsonCodec(RecordBinding<T> binding, CodecOptions options) {
    super(ProtobufJsonProvider.FORMAT, binding, options, 2, options.get(ProtobufJsonOptions.PRETTY));
    this.plan = new PlanCompiler(new Settings(options.limits(), options.get(ProtobufJsonOptions.EMIT_DEFAULTS),
        options.get(ProtobufJsonOptions.PRESERVE_PROTO_NAMES), options.get(ProtobufJsonOptions.IGNORE_UNKNOWN_FIELDS),
        options.get(ProtobufJsonOptions.IGNORE_UNKNOWN_ENUM_VALUES)))
        .record(binding);
  }

  @Override
  protected void writeRoot(JsonGenerator g, T value) throws IOException {
    plan.write(g, value, 1);
  }

  @Override
  protected Object readRoot(JsonParser p) throws IOException {
    return plan.read(p, 1);
  }
}
