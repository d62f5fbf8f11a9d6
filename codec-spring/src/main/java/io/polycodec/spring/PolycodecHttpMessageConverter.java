package io.polycodec.spring;

import io.polycodec.Codec;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.Format;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;

/**
 * Reads and writes records in every format of a {@link CodecCatalog}, on each format's media types
 * ({@link Format#mediaTypes()}): {@code application/json}, {@code application/x-protobuf},
 * {@code application/msgpack}, {@code application/x-flatbuffers}… Spring picks the format from the
 * request's {@code Content-Type} and, for responses, from {@code Accept}; a record a format cannot
 * express (a FlatBuffers field tag above 1024, say) is simply not offered in that format.
 *
 * <p>Only records are claimed ({@link CodecCatalog#formatsFor}), so other types (strings, maps, Spring's
 * own error bodies) fall through to the converters after this one, such as Jackson's.
 *
 * <p>A body that does not decode is an {@link HttpMessageNotReadableException} whose cause is the
 * {@link DecodeException} (its message names format, byte offset and field path); Spring answers 400,
 * and {@link DecodeErrorAdvice} puts that message in the response. A body over the catalog's
 * {@code Limits.maxMessageBytes()} is refused the same way without being read further. A value that
 * does not encode (null in a non-optional field) is an {@link HttpMessageNotWritableException} (500).
 *
 * <p>Thread-safe; one instance serves every request.
 */
public final class PolycodecHttpMessageConverter extends AbstractHttpMessageConverter<Object> {
  private final CodecCatalog catalog;
  private final Map<String, List<MediaType>> mediaTypesByFormat = new HashMap<>();

  /** A converter for every format of {@code catalog}, in the catalog's order of preference. */
  public PolycodecHttpMessageConverter(CodecCatalog catalog) {
    super(mediaTypes(Objects.requireNonNull(catalog, "catalog").formats()));
    this.catalog = catalog;
    for (Format f : catalog.formats()) {
      mediaTypesByFormat.put(f.name(), List.of(mediaTypes(List.of(f))));
    }
  }

  /** The catalog whose formats this converter serves. */
  public CodecCatalog catalog() {
    return catalog;
  }

  private static MediaType[] mediaTypes(List<Format> formats) {
    List<MediaType> out = new ArrayList<>();
    for (Format f : formats) {
      for (String t : f.mediaTypes()) {
        out.add(MediaType.parseMediaType(t));
      }
    }
    return out.toArray(new MediaType[0]);
  }

  @Override
  protected boolean supports(Class<?> clazz) {
    return !catalog.formatsFor(clazz).isEmpty();
  }

  @Override
  public boolean canRead(Class<?> clazz, MediaType mediaType) {
    return mediaType == null ? supports(clazz) : readFormat(clazz, mediaType) != null;
  }

  @Override
  public boolean canWrite(Class<?> clazz, MediaType mediaType) {
    if (mediaType == null || MediaType.ALL.equalsTypeAndSubtype(mediaType)) {
      return supports(clazz);
    }
    return writeFormat(clazz, mediaType) != null;
  }

  /** The media types of the formats that can write (and read) {@code clazz}, most preferred first. */
  @Override
  public List<MediaType> getSupportedMediaTypes(Class<?> clazz) {
    return List.of(mediaTypes(catalog.formatsFor(clazz)));
  }

  @Override
  protected MediaType getDefaultContentType(Object value) {
    List<Format> formats = catalog.formatsFor(value.getClass());
    return formats.isEmpty() ? null : mediaTypesByFormat.get(formats.get(0).name()).get(0);
  }

  @Override
  protected Object readInternal(Class<?> clazz, HttpInputMessage input) throws IOException {
    MediaType contentType = input.getHeaders().getContentType();
    Format format = contentType == null ? first(clazz) : readFormat(clazz, contentType);
    if (format == null) {
      throw new HttpMessageNotReadableException("no Polycodec format reads " + clazz.getName() + " from "
          + contentType, input);
    }
    Codec<?> codec = catalog.codec(format.name(), clazz);
    long declared = input.getHeaders().getContentLength();
    if (declared > codec.limits().maxMessageBytes()) {
      DecodeException e = DecodeException.at(format.name(), 0, "Content-Length " + declared
          + " is over the limit of " + codec.limits().maxMessageBytes() + " bytes");
      throw new HttpMessageNotReadableException(e.getMessage(), e, input);
    }
    try {
      return codec.decode(input.getBody());
    } catch (DecodeException e) {
      throw new HttpMessageNotReadableException(e.getMessage(), e, input);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  protected void writeInternal(Object value, HttpOutputMessage output) throws IOException {
    MediaType contentType = output.getHeaders().getContentType();
    Format format = contentType == null ? first(value.getClass()) : writeFormat(value.getClass(), contentType);
    if (format == null) {
      throw new HttpMessageNotWritableException("no Polycodec format writes " + value.getClass().getName()
          + " as " + contentType);
    }
    Codec<Object> codec = (Codec<Object>) catalog.codec(format.name(), value.getClass());
    byte[] bytes;
    try {
      bytes = codec.encode(value);
    } catch (EncodeException e) {
      throw new HttpMessageNotWritableException(e.getMessage(), e);
    }
    // Encoded whole before anything is sent, so a failure is still a clean 500 and the length is known.
    output.getHeaders().setContentLength(bytes.length);
    output.getBody().write(bytes);
  }

  @Override
  protected boolean supportsRepeatableWrites(Object value) {
    return true;
  }

  private Format first(Class<?> clazz) {
    List<Format> formats = catalog.formatsFor(clazz);
    return formats.isEmpty() ? null : formats.get(0);
  }

  // A request's Content-Type is concrete: the format one of whose media types includes it.
  private Format readFormat(Class<?> clazz, MediaType contentType) {
    for (Format f : catalog.formatsFor(clazz)) {
      for (MediaType t : mediaTypesByFormat.get(f.name())) {
        if (t.includes(contentType)) {
          return f;
        }
      }
    }
    return null;
  }

  // A response type may still be a range (application/*): the first format compatible with it.
  private Format writeFormat(Class<?> clazz, MediaType mediaType) {
    for (Format f : catalog.formatsFor(clazz)) {
      for (MediaType t : mediaTypesByFormat.get(f.name())) {
        if (t.isCompatibleWith(mediaType)) {
          return f;
        }
      }
    }
    return null;
  }
}
