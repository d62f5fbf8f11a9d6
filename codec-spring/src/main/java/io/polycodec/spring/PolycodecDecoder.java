package io.polycodec.spring;

import io.polycodec.Codec;
import io.polycodec.DecodeException;
import io.polycodec.Format;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.reactivestreams.Publisher;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.AbstractDataBufferDecoder;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.util.MimeType;
import reactor.core.publisher.Flux;

/**
 * The reactive (WebFlux) counterpart of {@link PolycodecHttpMessageConverter}: reads records in every
 * format of a {@link CodecCatalog}. A single value ({@code Mono}) is the whole body; a {@code Flux} is
 * read from length-delimited frames, as {@link PolycodecEncoder} writes them.
 *
 * <p>The body is gathered up to the largest {@code Limits.maxMessageBytes()} of the catalog's formats
 * (beyond it Spring's {@code DataBufferLimitException}); a body that does not decode is a
 * {@link DecodingException} whose cause is the {@link DecodeException} with format, offset and path,
 * which WebFlux answers with 400 and {@link ReactiveDecodeErrorAdvice} explains. Thread-safe.
 */
public final class PolycodecDecoder extends AbstractDataBufferDecoder<Object> {
  private final FormatMatcher formats;

  /** A decoder for every format of {@code catalog}. */
  public PolycodecDecoder(CodecCatalog catalog) {
    this(new FormatMatcher(Objects.requireNonNull(catalog, "catalog")));
  }

  private PolycodecDecoder(FormatMatcher formats) {
    super(formats.all().toArray(new MimeType[0]));
    this.formats = formats;
    int max = 0;
    for (Format f : formats.catalog().formats()) {
      max = Math.max(max, formats.catalog().options(f.name()).limits().maxMessageBytes());
    }
    setMaxInMemorySize(max);
  }

  @Override
  public boolean canDecode(ResolvableType elementType, MimeType mimeType) {
    return formats.readable(elementType.toClass(), mimeType) != null;
  }

  /** The media types of the formats that can read {@code targetType}, most preferred first. */
  @Override
  public List<MimeType> getDecodableMimeTypes(ResolvableType targetType) {
    return formats.typesFor(targetType.toClass());
  }

  @Override
  public Object decode(DataBuffer buffer, ResolvableType targetType, MimeType mimeType, Map<String, Object> hints) {
    byte[] bytes = drain(buffer);
    try {
      return codec(targetType, mimeType).decode(bytes);
    } catch (DecodeException e) {
      throw new DecodingException(e.getMessage(), e);
    }
  }

  @Override
  public Flux<Object> decode(Publisher<DataBuffer> input, ResolvableType elementType, MimeType mimeType,
      Map<String, Object> hints) {
    // Frames may straddle the network's chunks: gather the body (bounded), then read frame by frame.
    return DataBufferUtils.join(input, getMaxInMemorySize()).flatMapIterable(buffer -> {
      byte[] bytes = drain(buffer);
      try {
        return codec(elementType, mimeType).decodeAll(new ByteArrayInputStream(bytes));
      } catch (DecodeException e) {
        throw new DecodingException(e.getMessage(), e);
      } catch (IOException e) {
        throw new UncheckedIOException(e); // a ByteArrayInputStream does not throw
      }
    });
  }

  private Codec<?> codec(ResolvableType type, MimeType mimeType) {
    Format format = formats.readable(type.toClass(), mimeType);
    if (format == null) {
      throw new DecodingException("no Polycodec format reads " + type + " from " + mimeType);
    }
    return formats.catalog().codec(format.name(), type.toClass());
  }

  private static byte[] drain(DataBuffer buffer) {
    try {
      byte[] bytes = new byte[buffer.readableByteCount()];
      buffer.read(bytes);
      return bytes;
    } finally {
      DataBufferUtils.release(buffer);
    }
  }
}
