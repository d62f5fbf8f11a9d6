package io.polycodec.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.polycodec.DecodeException;
import io.polycodec.bind.EnumBinding;
import java.io.IOException;

/** An enum: written by constant name (by number for an unknown number kept in a GenericEnum), read by either. */
final class JsonEnumPlan extends JsonValuePlan {
  private final EnumBinding binding;

  JsonEnumPlan(EnumBinding binding) {
    this.binding = binding;
  }

  @Override
  void write(JsonGenerator g, Object v, int depth) throws IOException {
    String name = binding.name(v);
    if (name != null) {
      g.writeString(name);
    } else {
      g.writeNumber(binding.number(v));
    }
  }

  @Override
  Object read(JsonParser p, JsonToken t, int depth) throws IOException {
    Object v;
    String shown;
    if (t == JsonToken.VALUE_STRING) {
      shown = p.getText();
      v = binding.forName(shown);
    } else if (t == JsonToken.VALUE_NUMBER_INT) {
      long n = JsonScalars.readLong(p, t, false); // enum numbers are longs (FlatBuffers' 64-bit enums)
      shown = Long.toString(n);
      v = binding.forNumber(n);
    } else {
      throw JsonScalars.expected("an enum constant name", t);
    }
    if (v == null) {
      throw new DecodeException(
          "unknown constant " + (shown.length() > 40 ? shown.substring(0, 40) + "..." : shown) + " of enum "
              + binding.schema().name());
    }
    return v;
  }
}
