package io.polycodec.json.jackson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.polycodec.Limits;

/** Builds the jackson-core factory a JSON-text codec uses, with Jackson's own limits set from ours. */
public final class JacksonFactories {
  private JacksonFactories() {}

  /**
   * A new factory (immutable once built, thread-safe) for a codec working under {@code limits}.
   *
   * @param limits the codec's limits
   * @param jsonLevelsPerLevel how many JSON nesting levels the mapping may spend on one level of the
   *     model (1 for Polycodec JSON; 2 for protobuf JSON, where a union is a wrapper object around its
   *     member); Jackson's nesting bound is that many times {@link Limits#maxDepth()}, plus one for a
   *     vector, which is an array inside its record but not a level of the model
   * @return the factory
   * @throws IllegalArgumentException if {@code jsonLevelsPerLevel} is not 1 or 2
   */
  public static JsonFactory create(Limits limits, int jsonLevelsPerLevel) {
    if (jsonLevelsPerLevel != 1 && jsonLevelsPerLevel != 2) {
      throw new IllegalArgumentException("jsonLevelsPerLevel must be 1 or 2, not " + jsonLevelsPerLevel);
    }
    int nesting = (int) Math.min(Integer.MAX_VALUE, (long) jsonLevelsPerLevel * limits.maxDepth() + 1);
    return JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(nesting)
            // Jackson counts chars, and base64 text is longer than the bytes it holds: the codecs check
            // strings in UTF-8 bytes, byte arrays by their decoded size and vectors by their elements,
            // so Jackson's own bounds only need to stay within the document.
            .maxStringLength(limits.maxMessageBytes())
            .maxNameLength(limits.maxMessageBytes())
            .maxDocumentLength(limits.maxMessageBytes())
            .build())
        // The same nesting for writing, so that a maxDepth above Jackson's default (1000) is not an
        // UncheckedIOException from the generator.
        .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(nesting).build())
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
