package io.polycodec.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** A record as a value: an object one level deeper, read and written by the record's own plan. */
final class JsonRecordRef extends JsonValuePlan {
  private final JsonRecordPlan record;

  JsonRecordRef(JsonRecordPlan record) {
    this.record = record;
  }

  @Override
  void write(JsonGenerator g, Object v, int depth) throws IOException {
    record.write(g, v, depth + 1);
  }

  @Override
  Object read(JsonParser p, JsonToken t, int depth) throws IOException {
    if (t != JsonToken.START_OBJECT) {
      throw JsonScalars.expected("an object", t);
    }
    return record.read(p, depth + 1);
  }
}
