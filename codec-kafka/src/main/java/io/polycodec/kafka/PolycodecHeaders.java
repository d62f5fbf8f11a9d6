package io.polycodec.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The record headers {@link PolycodecSerializer} writes, so that a consumer can tell what it reads
 * before decoding a byte: the format's media type and the writer's schema fingerprint
 * ({@code io.polycodec.schema.SchemaSnapshot#fingerprint}, 64 hexadecimal digits). Both are US-ASCII.
 *
 * <table>
 *   <caption>Header names</caption>
 *   <tr><th></th><th>value</th><th>key</th></tr>
 *   <tr><td>media type</td><td>{@value #VALUE_MEDIA_TYPE}</td><td>{@value #KEY_MEDIA_TYPE}</td></tr>
 *   <tr><td>schema fingerprint</td><td>{@value #VALUE_SCHEMA}</td><td>{@value #KEY_SCHEMA}</td></tr>
 * </table>
 *
 * <p>A serializer replaces these headers rather than adding a second copy, so a record that Kafka Streams
 * forwards from another topic carries the headers of its own bytes. Tombstones (null values) carry none.
 */
public final class PolycodecHeaders {
  /** The media type of the record value, such as {@code application/x-protobuf}. */
  public static final String VALUE_MEDIA_TYPE = "polycodec.media-type";
  /** The fingerprint of the schema the record value was written with. */
  public static final String VALUE_SCHEMA = "polycodec.schema";
  /** The media type of the record key. */
  public static final String KEY_MEDIA_TYPE = "polycodec.key.media-type";
  /** The fingerprint of the schema the record key was written with. */
  public static final String KEY_SCHEMA = "polycodec.key.schema";

  private PolycodecHeaders() {}

  /** The name of the media-type header for a key or a value. */
  public static String mediaTypeHeader(boolean isKey) {
    return isKey ? KEY_MEDIA_TYPE : VALUE_MEDIA_TYPE;
  }

  /** The name of the schema-fingerprint header for a key or a value. */
  public static String schemaHeader(boolean isKey) {
    return isKey ? KEY_SCHEMA : VALUE_SCHEMA;
  }

  /** The media type a record's key or value was written in, if its headers say (the last such header wins). */
  public static Optional<String> mediaType(Headers headers, boolean isKey) {
    return text(headers, mediaTypeHeader(isKey));
  }

  /** The fingerprint of the schema a record's key or value was written with, if its headers say. */
  public static Optional<String> schemaFingerprint(Headers headers, boolean isKey) {
    return text(headers, schemaHeader(isKey));
  }

  private static Optional<String> text(Headers headers, String name) {
    if (headers == null) {
      return Optional.empty();
    }
    Header h = headers.lastHeader(name);
    return h == null || h.value() == null ? Optional.empty()
        : Optional.of(new String(h.value(), StandardCharsets.US_ASCII));
  }
}
