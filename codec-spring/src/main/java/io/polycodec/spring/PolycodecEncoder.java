package io.polycodec.spring;

import io.polycodec.Codec;
import io.polycodec.EncodeException;
import io.polycodec.Format;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.reactivestreams.Publisher;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.AbstractEncoder;
import org.springframework.core.codec.EncodingException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.util.MimeType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The reactive (WebFlux) counterpart of {@link PolycodecHttpMessageConverter}: writes records in every
 * format of a {@link CodecCatalog}, on each format's media types. A single value ({@code Mono}) is one
 * message; each element of a {@code Flux} is written as a length-delimited frame (a varint length, then
 * the message, as {@link Codec#encodeDelimited}), which {@link PolycodecDecoder} and
 * {@link Codec#decodeAll} read back.
 *
 * <p>A value that does not encode is an {@link EncodingException} (500). Thread-safe.
 */
public final class PolycodecEncoder extends AbstractEncoder<Object> {
  private final FormatMatcher formats;

  /** An encoder for every format of {@code catalog}, in the catalog's order of preference. */
  public PolycodecEncoder(CodecCatalog catalog) {
    this(new FormatMatcher(Objects.requireNonNull(catalog, "catalog")));
  }

  private PolycodecEncoder(FormatMatcher formats) {
    super(formats.all().toArray(new MimeType[0]));
    this.formats = formats;
  }

  @Override
  public boolean canEncode(ResolvableType elementType, MimeType mimeType) {
    return formats.writable(elementType.toClass(), wildcardToNull(mimeType)) != null;
  }

  /** The media types of the formats that can write {@code elementType}, most preferred first. */
  @Override
  public List<MimeType> getEncodableMimeTypes(ResolvableType elementType) {
    return formats.typesFor(elementType.toClass());
  }

  @Override
  public Flux<DataBuffer> encode(Publisher<?> input, DataBufferFactory bufferFactory, ResolvableType elementType,
      MimeType mimeType, Map<String, Object> hints) {
    if (input instanceof Mono) {
      return Mono.from(input).map(v -> encodeValue(v, bufferFactory, elementType, mimeType, hints)).flux();
    }
    return Flux.from(input).map(v -> bufferFactory.wrap(encode(v, mimeType, true)));
  }

  @Override
  public DataBuffer encodeValue(Object value, DataBufferFactory bufferFactory, ResolvableType valueType,
      MimeType mimeType, Map<String, Object> hints) {
    return bufferFactory.wrap(encode(value, mimeType, false));
  }

  @SuppressWarnings("unchecked")
  private byte[] encode(Object value, MimeType mimeType, boolean delimited) {
    Format format = formats.writable(value.getClass(), wildcardToNull(mimeType));
    if (format == null) {
      throw new EncodingException("no Polycodec format writes " + value.getClass().getName() + " as " + mimeType);
    }
    Codec<Object> codec = (Codec<Object>) formats.catalog().codec(format.name(), value.getClass());
    try {
      if (!delimited) {
        return codec.encode(value);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      codec.encodeDelimited(value, out);
      return out.toByteArray();
    } catch (EncodeException e) {
      throw new EncodingException(e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not throw
    }
  }

  private static MimeType wildcardToNull(MimeType mimeType) {
    return mimeType == null || mimeType.isWildcardType() && mimeType.isWildcardSubtype() ? null : mimeType;
  }
}
