package io.polycodec.protobuf.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.polycodec.DecodeException;
import io.polycodec.bind.EnumBinding;
import java.io.IOException;

/**
 * An enum: its constant's name (its number when the constant has none, as an unknown value of an open
 * enum); read from a name or a number. {@code google.protobuf.NullValue} is JSON {@code null}.
 */
final class EnumPlan extends ValuePlan {
  private final EnumBinding binding;
  private final boolean nullValue;
  private final boolean ignoreUnknown;

  /** @throws io.polycodec.SchemaException naming the constant if a number is beyond int32 (protobuf enums are int32) */
  EnumPlan(EnumBinding binding, Settings settings) {
    for (io.polycodec.schema.EnumSchema.Constant c : binding.schema().constants()) {
      if (c.number() != (int) c.number()) {
        throw new io.polycodec.SchemaException("enum " + binding.schema().name() + ": " + c.name() + " = " + c.number()
            + " is outside int32, the range of protobuf enum numbers");
      }
    }
    this.binding = binding;
    this.nullValue = binding.schema().name().equals("google.protobuf.NullValue");
    this.ignoreUnknown = settings.ignoreUnknownEnums;
  }

  @Override
  boolean acceptsNull() {
    return nullValue;
  }

  @Override
  boolean isDefault(Object v) {
    return binding.number(v) == 0;
  }

  @Override
  void write(JsonGenerator g, Object v, int depth) throws IOException {
    if (nullValue) {
      g.writeNull(); // google.protobuf.NullValue has one constant, written as JSON null
      return;
    }
    String name = binding.name(v);
    if (name != null) {
      g.writeString(name);
    } else {
      long n = binding.number(v);
      if (n != (int) n) {
        throw new io.polycodec.EncodeException("enum " + binding.schema().name() + ": number " + n
            + " is outside int32, the range of protobuf enum numbers");
      }
      g.writeNumber((int) n);
    }
  }

  @Override
  Object read(JsonParser p, JsonToken t, int depth) throws IOException {
    if (nullValue && t == JsonToken.VALUE_NULL) {
      return binding.forNumber(0);
    }
    Object v;
    String shown;
    if (t == JsonToken.VALUE_STRING) {
      shown = p.getText();
      v = binding.forName(shown);
      if (v == null && ignoreUnknown) {
        return SKIP;
      }
    } else if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      int n = Scalars.readInt(p, t, false);
      shown = Integer.toString(n);
      v = binding.forNumber(n);
    } else {
      throw Scalars.expected("an enum constant name or number", t);
    }
    if (v == null) {
      throw new DecodeException("unknown constant " + (shown.length() > 40 ? shown.substring(0, 40) + "..." : shown)
          + " of enum " + binding.schema().name());
    }
    return v;
  }
}
