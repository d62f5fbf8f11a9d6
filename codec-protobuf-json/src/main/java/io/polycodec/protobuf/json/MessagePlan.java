package io.polycodec.protobuf.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** A nested record (a message field): a JSON object one level deeper, through its {@link RecordPlan}. */
final class MessagePlan extends ValuePlan {
  private final RecordPlan record;

  MessagePlan(RecordPlan record) {
    this.record = record;
  }

  @Override
  void write(JsonGenerator g, Object v, int depth) throws IOException {
    record.write(g, v, depth + 1);
  }

  @Override
  Object read(JsonParser p, JsonToken t, int depth) throws IOException {
    if (t != JsonToken.START_OBJECT) {
      throw Scalars.expected("an object", t);
    }
    return record.read(p, depth + 1);
  }
}
