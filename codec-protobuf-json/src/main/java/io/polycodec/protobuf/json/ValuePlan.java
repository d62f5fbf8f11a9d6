package io.polycodec.protobuf.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.Limits;
import io.polycodec.Utf8;
import java.io.IOException;

/**
 * How one value of a schema node is written and read in protobuf's JSON mapping. One subclass per kind
 * of the model, chosen once per codec by {@link PlanCompiler}; none holds per-call state.
 */
abstract class ValuePlan {
  /** What {@link #read} returns for an enum name the enum does not list, when unknown names are ignored. */
  static final Object SKIP = new Object();

  /** Writes {@code v} (never null) at nesting {@code depth}. */
  abstract void write(JsonGenerator g, Object v, int depth) throws IOException;

  /** Reads one value whose first token {@code t} (not null) is current; {@link #SKIP} for an ignored enum name. */
  abstract Object read(JsonParser p, JsonToken t, int depth) throws IOException;

  /**
   * Whether a field without presence holding {@code v} is at its default, so proto3 leaves it out.
   * Records and unions are always written, as codec-protobuf does.
   */
  boolean isDefault(Object v) {
    return false;
  }

  /** Whether JSON {@code null} is a value here ({@code google.protobuf.NullValue}) rather than "not set". */
  boolean acceptsNull() {
    return false;
  }

  /**
   * Called for a field at its default that is left out: a list or map is still a level of the value, so
   * past the depth limit it is refused as every codec refuses it (the TCK's limitSymmetry), even though
   * the text would not show it.
   */
  void checkLeftOut(int depth) {}

  static void checkCollection(Limits limits, int n) {
    if (n > limits.maxCollectionSize()) {
      throw new EncodeException(n + " elements exceed the limit of " + limits.maxCollectionSize());
    }
  }

  static void checkBytes(Limits limits, long n, boolean encoding) {
    if (n > limits.maxStringBytes()) {
      throw Utf8.tooLong(n, "", limits, encoding);
    }
  }

  static void checkDepth(Limits limits, int depth, boolean encoding) {
    if (depth > limits.maxDepth()) {
      String problem = "nesting deeper than the limit of " + limits.maxDepth();
      throw encoding ? new EncodeException(problem) : new DecodeException(problem);
    }
  }
}
