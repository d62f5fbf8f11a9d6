package io.polycodec.spring;

import io.polycodec.Codec;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.Format;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.util.MimeType;

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
 * does not encode (null in a non-optional field, or over the limit) is an
 * {@link HttpMessageNotWritableException} (500).
 *
 * <p>Thread-safe; one instance serves every request.
 */
public final class PolycodecHttpMessageConverter extends AbstractHttpMessageConverter<Object> {
  private final FormatMatcher formats;

  /** A converter for every format of {@code catalog}, in the catalog's order of preference. */
  public PolycodecHttpMessageConverter(CodecCatalog catalog) {
    this(new FormatMatcher(Objects.requireNonNull(catalog, "catalog")));
  }

  private PolycodecHttpMessageConverter(FormatMatcher formats) {
    super(mediaTypes(formats.all()).toArray(new MediaType[0]));
    this.formats = formats;
  }

  /** The catalog whose formats this converter serves. */
  public CodecCatalog catalog() {
    return formats.catalog();
  }

  private static List<MediaType> mediaTypes(List<MimeType> types) {
    List<MediaType> out = new ArrayList<>();
    for (MimeType t : types) {
      out.add(new MediaType(t));
    }
    return out;
  }

  @Override
  protected boolean supports(Class<?> clazz) {
    return !formats.catalog().formatsFor(clazz).isEmpty();
  }

  @Override
  public boolean canRead(Class<?> clazz, MediaType mediaType) {
    return formats.readable(clazz, mediaType) != null;
  }

  @Override
  public boolean canWrite(Class<?> clazz, MediaType mediaType) {
    return formats.writable(clazz, wildcardToNull(mediaType)) != null;
  }

  private static MediaType wildcardToNull(MediaType mediaType) {
    return mediaType == null || MediaType.ALL.equalsTypeAndSubtype(mediaType) ? null : mediaType;
  }

  /** The media types of the formats that can write (and read) {@code clazz}, most preferred first. */
  @Override
  public List<MediaType> getSupportedMediaTypes(Class<?> clazz) {
    return mediaTypes(formats.typesFor(clazz));
  }

  @Override
  protected MediaType getDefaultContentType(Object value) {
    List<MimeType> types = formats.typesFor(value.getClass());
    return types.isEmpty() ? null : new MediaType(types.get(0));
  }

  @Override
  protected Object readInternal(Class<?> clazz, HttpInputMessage input) throws IOException {
    MediaType contentType = input.getHeaders().getContentType();
    Format format = formats.readable(clazz, contentType);
    if (format == null) {
      throw new HttpMessageNotReadableException("no Polycodec format reads " + clazz.getName() + " from "
          + contentType, input);
    }
    Codec<?> codec = formats.catalog().codec(format.name(), clazz);
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
    Format format = formats.writable(value.getClass(), wildcardToNull(contentType));
    if (format == null) {
      throw new HttpMessageNotWritableException("no Polycodec format writes " + value.getClass().getName()
          + " as " + contentType);
    }
    Codec<Object> codec = (Codec<Object>) formats.catalog().codec(format.name(), value.getClass());
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
}
