package io.polycodec.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.polycodec.Limits;

/** Builds the jackson-core factory a codec uses, with Jackson's own limits set from ours. */
final class JsonFactories {
  private JsonFactories() {}

  static JsonFactory create(Limits limits) {
    return JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            // One more level than ours: a vector is an array inside its record but not a level of the model.
            .maxNestingDepth(limits.maxDepth() + 1)
            // Jackson counts chars, and base64 text is longer than the bytes it holds: the codec checks
            // strings in UTF-8 bytes, byte arrays by their decoded size and vectors by their elements
            // (Utf8, JsonValuePlan), so Jackson's own bounds only need to stay within the document.
            .maxStringLength(limits.maxMessageBytes())
            .maxNameLength(limits.maxMessageBytes())
            .maxDocumentLength(limits.maxMessageBytes())
            .build())
        // The same nesting for writing, so that a maxDepth above Jackson's default (1000) is not an
        // UncheckedIOException from the generator.
        .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(limits.maxDepth() + 1).build())
        .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
        .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
        // Schubfach, as Java 19+'s Double.toString: on Java 17 the JDK's own text is not always the
        // shortest (1.0E23 comes out as 9.999999999999999E22), which docs/json.md promises.
        .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
        // Messages must not quote the caller's (possibly sensitive) input back.
        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .build();
  }
}
