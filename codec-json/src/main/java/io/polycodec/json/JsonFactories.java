package io.polycodec.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
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
            .maxStringLength(limits.maxStringBytes())
            .maxDocumentLength(limits.maxMessageBytes())
            .build())
        .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
        .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
        // Messages must not quote the caller's (possibly sensitive) input back.
        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .build();
  }
}
