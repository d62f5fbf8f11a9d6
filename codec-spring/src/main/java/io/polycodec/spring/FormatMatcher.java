package io.polycodec.spring;

import io.polycodec.Format;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;

/**
 * Which format of a catalog answers to a media type, for a record type: shared by the servlet
 * converter and the reactive encoder and decoder, so both negotiate alike. Immutable once built.
 */
final class FormatMatcher {
  private final CodecCatalog catalog;
  private final Map<String, List<MimeType>> byFormat = new HashMap<>();

  FormatMatcher(CodecCatalog catalog) {
    this.catalog = catalog;
    for (Format f : catalog.formats()) {
      List<MimeType> types = new ArrayList<>();
      for (String t : f.mediaTypes()) {
        types.add(MimeTypeUtils.parseMimeType(t));
      }
      byFormat.put(f.name(), List.copyOf(types));
    }
  }

  CodecCatalog catalog() {
    return catalog;
  }

  /** Every media type of the catalog, most preferred format first. */
  List<MimeType> all() {
    return typesOf(catalog.formats());
  }

  /** The media types of the formats that can encode {@code type}, most preferred first. */
  List<MimeType> typesFor(Class<?> type) {
    return typesOf(catalog.formatsFor(type));
  }

  private List<MimeType> typesOf(List<Format> formats) {
    List<MimeType> out = new ArrayList<>();
    for (Format f : formats) {
      out.addAll(byFormat.get(f.name()));
    }
    return out;
  }

  /**
   * The format to read {@code type} from a body of {@code contentType} (concrete, parameters ignored);
   * with a null content type, the most preferred format. Null if none.
   */
  Format readable(Class<?> type, MimeType contentType) {
    for (Format f : catalog.formatsFor(type)) {
      if (contentType == null) {
        return f;
      }
      for (MimeType t : byFormat.get(f.name())) {
        if (t.includes(contentType)) {
          return f;
        }
      }
    }
    return null;
  }

  /**
   * The first format that can write {@code type} as {@code mediaType}, which may be a range such as
   * {@code application/*}, or null for any. Null if none.
   */
  Format writable(Class<?> type, MimeType mediaType) {
    for (Format f : catalog.formatsFor(type)) {
      if (mediaType == null) {
        return f;
      }
      for (MimeType t : byFormat.get(f.name())) {
        if (t.isCompatibleWith(mediaType)) {
          return f;
        }
      }
    }
    return null;
  }
}
