package io.polycodec.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import io.polycodec.CodecOptions;
import io.polycodec.bind.RecordBinding;
import io.polycodec.json.jackson.JacksonCodec;
import java.io.IOException;

/** The JSON codec for one record type; immutable and thread-safe. The shell is {@link JacksonCodec}'s. */
final class JsonCodec<T> extends JacksonCodec<T> {
  private final JsonRecordPlan plan;

  JsonCodec(RecordBinding<T> binding, CodecOptions options) {
    super(JsonProvider.FORMAT, binding, options, 1, options.get(JsonOptions.PRETTY));
    this.plan = new JsonPlanCompiler(options.limits(), factory()).record(binding);
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
