package io.polycodec.protobuf;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.polycodec.Capability;
import io.polycodec.Codec;
import io.polycodec.CodecOptions;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.FieldKeying;
import io.polycodec.Format;
import io.polycodec.Limits;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A {@link Codec} for protoc-generated messages in protobuf's canonical proto3 JSON mapping
 * (lowerCamelCase field names, 64-bit integers as strings, enums by name, well-known types in their
 * special forms), through protobuf-java-util's {@link JsonFormat}. Requires
 * {@code com.google.protobuf:protobuf-java-util} on the class path (an optional dependency of this
 * module).
 *
 * <ul>
 *   <li>Encoding prints compact JSON with map keys sorted, so equal messages give equal bytes (UTF-8).
 *   <li>Decoding accepts only well-formed UTF-8 JSON holding one object and nothing after it; fields the message does not know are ignored (as
 *       every Polycodec codec skips unknown fields). Nesting deeper than {@link Limits#maxDepth()} is
 *       refused before JsonFormat sees the text (its JSON tree builder recurses), and so is input over
 *       {@link Limits#maxMessageBytes()}; JsonFormat itself stops at 100 nested messages whatever the
 *       limit. Every problem is a {@link DecodeException} naming the message
 *       type; offsets are character offsets where Polycodec finds the problem itself, and -1 where
 *       JsonFormat does (its message then names line, column and JSON path).
 *   <li>One loss is JsonFormat's: it reads a {@code double} field's {@code -0.0} as {@code 0.0} (it
 *       parses doubles through {@code BigDecimal}), so that negative zero does not survive a JSON round
 *       trip; float fields keep it.
 * </ul>
 *
 * Immutable and thread-safe.
 *
 * @param <M> the message class
 */
public final class ProtoJsonCodec<M extends Message> implements Codec<M> {
  /** Canonical proto3 JSON: text, keyed by field name, deterministic. */
  public static final Format FORMAT = Format.builder("json")
      .mediaType("application/json")
      .binary(false)
      .keying(FieldKeying.NAME)
      .capabilities(Capability.DETERMINISTIC)
      .build();

  private final M prototype;
  private final Limits limits;
  private final String typeName;
  private final JsonFormat.Printer printer;
  private final JsonFormat.Parser parser;

  private ProtoJsonCodec(M prototype, Limits limits) {
    this.prototype = prototype;
    this.limits = limits;
    this.typeName = prototype.getDescriptorForType().getFullName();
    this.printer = JsonFormat.printer().omittingInsignificantWhitespace().sortingMapKeys();
    this.parser = JsonFormat.parser().ignoringUnknownFields();
  }

  /** A canonical-JSON codec for messages of {@code prototype}'s type ({@code UserProfile.getDefaultInstance()}). */
  public static <M extends Message> ProtoJsonCodec<M> of(M prototype) {
    return of(prototype, CodecOptions.defaults());
  }

  /** A canonical-JSON codec for messages of {@code prototype}'s type, with {@code options}' limits. */
  public static <M extends Message> ProtoJsonCodec<M> of(M prototype, CodecOptions options) {
    return new ProtoJsonCodec<>(Objects.requireNonNull(prototype, "prototype"), options.limits());
  }

  @Override
  public Format format() {
    return FORMAT;
  }

  @Override
  public Limits limits() {
    return limits;
  }

  /**
   * The message as canonical proto3 JSON, UTF-8.
   *
   * @throws EncodeException if JsonFormat cannot print it (an {@code Any} whose type it cannot resolve)
   */
  @Override
  public byte[] encode(M message) {
    if (message == null) {
      throw new EncodeException("cannot encode null").prependField(typeName).withFormat(FORMAT.name());
    }
    String json;
    try {
      json = printer.print(message);
    } catch (InvalidProtocolBufferException e) {
      throw new EncodeException(String.valueOf(e.getMessage()), e).prependField(typeName).withFormat(FORMAT.name());
    }
    byte[] out = json.getBytes(StandardCharsets.UTF_8);
    if (out.length > limits.maxMessageBytes()) {
      throw new EncodeException("encoding of " + out.length + " bytes exceeds the limit of " + limits.maxMessageBytes())
          .prependField(typeName).withFormat(FORMAT.name());
    }
    return out;
  }

  /**
   * Parses exactly {@code bytes} as one JSON object.
   *
   * @throws DecodeException for invalid UTF-8, malformed JSON, content after the object, values that do
   *     not fit their fields, nesting deeper than the limit, or input over the limits
   */
  @Override
  public M decode(byte[] bytes) {
    return decode(bytes, 0, bytes.length);
  }

  /** Parses exactly {@code length} bytes of {@code bytes} from {@code offset}; see {@link #decode(byte[])}. */
  @Override
  @SuppressWarnings("unchecked")
  public M decode(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    if (length > limits.maxMessageBytes()) {
      throw error(0, "message of " + length + " bytes exceeds the limit of " + limits.maxMessageBytes(), null);
    }
    String json;
    try {
      json = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, offset, length))
          .toString();
    } catch (CharacterCodingException e) {
      throw error(-1, "input is not UTF-8: " + e, e);
    }
    if (json.isBlank()) {
      throw error(0, "no JSON value", null);
    }
    Problem problem = structure(json, limits.maxDepth());
    if (problem != null) {
      throw error(problem.offset, problem.text, null);
    }
    Message.Builder builder = prototype.newBuilderForType();
    try {
      parser.merge(json, builder);
    } catch (InvalidProtocolBufferException e) {
      throw error(-1, String.valueOf(e.getMessage()), e);
    } catch (RuntimeException e) {
      // JsonFormat lets some of Gson's complaints about malformed text through unchecked.
      throw error(-1, String.valueOf(e.getMessage()), e);
    }
    try {
      return (M) builder.build();
    } catch (RuntimeException e) {
      throw error(-1, "the message is incomplete: " + e.getMessage(), e); // proto2 required fields
    }
  }

  private DecodeException error(long offset, String problem, Throwable cause) {
    DecodeException e = cause == null ? new DecodeException(problem) : new DecodeException(problem, cause);
    return e.withFormat(FORMAT.name()).withOffset(offset).prependField(typeName);
  }

  private static final class Problem {
    final int offset;
    final String text;

    Problem(int offset, String text) {
      this.offset = offset;
      this.text = text;
    }
  }

  /**
   * What JsonFormat does not check: brackets nested deeper than {@code limit} (its tree builder would
   * recurse into them) and content after the first complete object or array (it would ignore it).
   * Strings are skipped; everything else is left to JsonFormat.
   */
  static Problem structure(String json, int limit) {
    int depth = 0;
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        if (++depth > limit) {
          return new Problem(i, "nesting deeper than the limit of " + limit + " levels");
        }
      } else if (c == '}' || c == ']') {
        if (--depth == 0) {
          for (int j = i + 1; j < json.length(); j++) {
            if (!Character.isWhitespace(json.charAt(j))) {
              return new Problem(j, "content after the end of the JSON value");
            }
          }
          return null;
        }
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "ProtoJsonCodec[" + typeName + "]";
  }
}
