package io.polycodec.msgpack;

import io.polycodec.DecodeException;
import io.polycodec.Limits;
import io.polycodec.schema.Kind;
import io.polycodec.schema.DurationRange;
import io.polycodec.schema.TimestampRange;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import org.msgpack.core.ExtensionTypeHeader;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessageInsufficientBufferException;
import org.msgpack.core.MessageIntegerOverflowException;
import org.msgpack.core.MessageNeverUsedFormatException;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageSizeException;
import org.msgpack.core.MessageTypeException;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.core.buffer.MessageBuffer;
import org.msgpack.value.ValueType;

/**
 * One decode of one message: msgpack-core's unpacker over the caller's bytes, plus what the unpacker does
 * not do for us. Every length a header declares is checked against the bytes actually present (and the
 * limits) before anything is read or allocated; nesting is counted; every msgpack-core exception is
 * turned into a {@link DecodeException} carrying the offset of the value being read. Raw payloads
 * (strings, keys, bins, vectors, timestamps) are read in place from the caller's array through
 * {@link MessageUnpacker#readPayloadAsReference}, so matching a field name allocates nothing.
 *
 * <p>Not thread-safe; one per decode.
 */
final class MsgpackReader {
  // A str read where bytes are expected gives its UTF-8 bytes, whatever its length: msgpack-java accepts a
  // fixstr as bin even with this switch off, so "off" refused only strings of 32+ bytes, and the checker's
  // "string → bytes is safe" held for short strings alone (TCK evolution, seed -6463372185314428746).
  // A bin where a string is expected stays refused: its bytes need not be UTF-8.
  private static final MessagePack.UnpackerConfig CONFIG = new MessagePack.UnpackerConfig()
      .withAllowReadingBinaryAsString(false)
      .withAllowReadingStringAsBinary(true);

  private final MessageUnpacker unpacker;
  private final byte[] bytes;
  private final int start;
  private final int length;
  private final Limits limits;
  private int depth;
  // The raw bytes of the last string key read, for messages about unknown union members.
  private MessageBuffer lastKey;

  MsgpackReader(byte[] bytes, int offset, int length, Limits limits) {
    this.unpacker = CONFIG.newUnpacker(bytes, offset, length);
    this.bytes = bytes;
    this.start = offset;
    this.length = length;
    this.limits = limits;
  }

  /** The offset of the next byte, from the start of the message. */
  int offset() {
    return (int) unpacker.getTotalReadBytes();
  }

  private int remaining() {
    return length - offset();
  }

  Limits limits() {
    return limits;
  }

  static DecodeException fail(int at, String problem) {
    return DecodeException.at(MsgpackProvider.NAME, at, problem);
  }

  /** A {@link DecodeException} for an exception of msgpack-core met while reading a value at {@code at}. */
  private DecodeException wrap(int at, String expected, Exception e) {
    if (e instanceof MessageInsufficientBufferException) {
      return truncated(at);
    }
    if (e instanceof MessageSizeException) {
      return fail(at, "a length of 2^31 or more: " + e.getMessage());
    }
    if ((e instanceof MessageTypeException || e instanceof MessageNeverUsedFormatException) && at < length) {
      return fail(at, "expected " + expected + ", found " + describe(at));
    }
    DecodeException d = fail(at, "malformed MessagePack: " + e.getMessage());
    d.initCause(e);
    return d;
  }

  private DecodeException truncated(int at) {
    return fail(at, "the input ends inside a value (" + length + " bytes in all)");
  }

  /** What the value at {@code at} is, for messages: "a float64", "a str", "nil"… */
  String describe(int at) {
    if (at >= length) {
      return "the end of the input";
    }
    MessageFormat f = MessageFormat.valueOf(bytes[start + at]);
    if (f == MessageFormat.NEVER_USED) {
      return "the byte 0xc1, which MessagePack never uses";
    }
    return describe(f);
  }

  static String describe(MessageFormat f) {
    switch (f.getValueType()) {
      case NIL: return "nil";
      case BOOLEAN: return "a bool";
      case INTEGER: return "an integer";
      case FLOAT: return f == MessageFormat.FLOAT32 ? "a float32" : "a float64";
      case STRING: return "a str";
      case BINARY: return "a bin";
      case ARRAY: return "an array";
      case MAP: return "a map";
      default: return "an ext";
    }
  }

  /** The format of the next value, without consuming it. */
  MessageFormat peek() {
    int at = offset();
    if (at >= length) {
      throw truncated(at);
    }
    MessageFormat f = MessageFormat.valueOf(bytes[start + at]);
    if (f == MessageFormat.NEVER_USED) {
      throw fail(at, "the byte 0xc1, which MessagePack never uses");
    }
    return f;
  }

  /** Consumes a nil if one is next. */
  boolean tryNil() {
    int at = offset();
    return at < length && bytes[start + at] == (byte) 0xc0 && skipOneByte();
  }

  private boolean skipOneByte() {
    try {
      unpacker.unpackNil();
      return true;
    } catch (MessagePackException | IOException e) {
      throw wrap(offset(), "nil", e);
    }
  }

  boolean readBool() {
    int at = offset();
    try {
      return unpacker.unpackBoolean();
    } catch (MessagePackException | IOException e) {
      throw wrap(at, "a bool", e);
    }
  }

  /**
   * An int32. {@code unsigned} fields (uint32, fixed32) accept 0 to 2^32-1 and keep the bit pattern, as
   * protobuf-java does; signed ones accept -2^31 to 2^31-1. Anything else (a negative number in an
   * unsigned field included) is an error, never a reinterpreted bit pattern.
   */
  int readInt32(boolean unsigned) {
    int at = offset();
    long v;
    try {
      // As a long: msgpack-core's overflow exception misreports uint64 values read by unpackInt.
      v = unpacker.unpackLong();
    } catch (MessageIntegerOverflowException e) {
      throw fail(at, "integer " + e.getBigInteger() + " does not fit " + (unsigned ? "uint32" : "int32"));
    } catch (MessagePackException | IOException e) {
      throw wrap(at, "an integer", e);
    }
    if (unsigned ? v < 0 || v > 0xFFFF_FFFFL : v != (int) v) {
      throw fail(at, "integer " + v + " does not fit " + (unsigned ? "uint32" : "int32"));
    }
    return (int) v;
  }

  /**
   * An int64. {@code unsigned} fields (uint64, fixed64) accept 0 to 2^64-1 (above 2^63-1 as its bit
   * pattern) and refuse negative numbers; signed ones accept -2^63 to 2^63-1.
   */
  long readInt64(boolean unsigned) {
    int at = offset();
    try {
      long v = unpacker.unpackLong();
      if (unsigned && v < 0) {
        throw fail(at, "integer " + v + " does not fit uint64");
      }
      return v;
    } catch (MessageIntegerOverflowException e) {
      BigInteger b = e.getBigInteger();
      if (unsigned && b.signum() >= 0 && b.bitLength() <= 64) {
        return b.longValue();
      }
      throw fail(at, "integer " + b + " does not fit " + (unsigned ? "uint64" : "int64"));
    } catch (MessagePackException | IOException e) {
      throw wrap(at, "an integer", e);
    }
  }

  /**
   * A float32. Widening: integers are accepted (rounded to the nearest float32). A float64 is accepted
   * when it is within float32's range (rounded to nearest; NaN and infinities kept); a larger finite
   * float64 is narrowing, an error.
   */
  float readFloat32() {
    int at = offset();
    MessageFormat f = peek();
    try {
      if (f == MessageFormat.FLOAT32) {
        return unpacker.unpackFloat();
      }
      if (f == MessageFormat.FLOAT64) {
        double d = unpacker.unpackDouble();
        float x = (float) d;
        if (Float.isInfinite(x) && !Double.isInfinite(d)) {
          throw fail(at, "float64 " + d + " is out of float32's range");
        }
        return x;
      }
      if (f.getValueType() == ValueType.INTEGER) {
        return f == MessageFormat.UINT64 ? unpacker.unpackBigInteger().floatValue() : (float) unpacker.unpackLong();
      }
    } catch (MessagePackException | IOException e) {
      throw wrap(at, "a float", e);
    }
    throw fail(at, "expected a float, found " + describe(f));
  }

  /** A float64. Widening: float32 values and integers are accepted. */
  double readFloat64() {
    int at = offset();
    MessageFormat f = peek();
    try {
      if (f == MessageFormat.FLOAT64) {
        return unpacker.unpackDouble();
      }
      if (f == MessageFormat.FLOAT32) {
        return unpacker.unpackFloat();
      }
      if (f.getValueType() == ValueType.INTEGER) {
        return f == MessageFormat.UINT64 ? unpacker.unpackBigInteger().doubleValue() : (double) unpacker.unpackLong();
      }
    } catch (MessagePackException | IOException e) {
      throw wrap(at, "a float", e);
    }
    throw fail(at, "expected a float, found " + describe(f));
  }

  /** A str's payload, in place; its length is checked against the input and the string limit first. */
  private MessageBuffer strPayload(String expected) {
    int at = offset();
    int len;
    try {
      len = unpacker.unpackRawStringHeader();
    } catch (MessagePackException | IOException e) {
      throw wrap(at, expected, e);
    }
    return payload(at, len, "str");
  }

  private MessageBuffer payload(int at, int len, String what) {
    return payload(at, len, what, false);
  }

  private MessageBuffer payload(int at, int len, String what, boolean anyLength) {
    if (len > remaining()) {
      throw fail(at, "a " + what + " of " + len + " bytes, but only " + remaining() + " bytes remain");
    }
    if (!anyLength && len > limits.maxStringBytes()) {
      throw fail(at, "a " + what + " of " + len + " bytes exceeds the limit of " + limits.maxStringBytes());
    }
    try {
      return unpacker.readPayloadAsReference(len);
    } catch (MessagePackException | IOException e) {
      throw wrap(at, what + " payload", e);
    }
  }

  /** A string; malformed UTF-8 is an error rather than silently replaced. */
  String readString() {
    int at = offset();
    MessageBuffer p = strPayload("a str");
    return utf8(at, p);
  }

  private static String utf8(int at, MessageBuffer p) {
    int len = p.size();
    String s = new String(p.array(), p.arrayOffset(), len, StandardCharsets.UTF_8);
    // The JDK replaces malformed input with U+FFFD; only then is a strict check worth its cost.
    if (s.indexOf('\uFFFD') >= 0) {
      try {
        StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(p.array(), p.arrayOffset(), len));
      } catch (CharacterCodingException e) {
        throw fail(at, "a str that is not valid UTF-8");
      }
    }
    return s;
  }

  byte[] readBytes() {
    int at = offset();
    int len;
    try {
      len = unpacker.unpackBinaryHeader();
    } catch (MessagePackException | IOException e) {
      throw wrap(at, "a bin", e);
    }
    MessageBuffer p = payload(at, len, "bin");
    byte[] out = new byte[len];
    p.getBytes(0, out, 0, len);
    return out;
  }

  /** A bin's payload in place (for vectors); the caller reads it before the next call. */
  MessageBuffer readBinPayload(int maxBytes) {
    int at = offset();
    int len;
    try {
      len = unpacker.unpackBinaryHeader();
    } catch (MessagePackException | IOException e) {
      throw wrap(at, "a bin", e);
    }
    if (len > remaining()) {
      throw fail(at, "a bin of " + len + " bytes, but only " + remaining() + " bytes remain");
    }
    if (len > maxBytes) {
      throw fail(at, "a bin of " + len + " bytes holds more elements than the limit of "
          + limits.maxCollectionSize());
    }
    try {
      return unpacker.readPayloadAsReference(len);
    } catch (MessagePackException | IOException e) {
      throw wrap(at, "bin payload", e);
    }
  }

  /**
   * A timestamp (extension type -1, in any of its three sizes). {@code strictRange} applies
   * {@link TimestampRange}; otherwise anything {@link Instant} holds is accepted.
   */
  Instant readTimestamp(boolean strictRange) {
    int at = offset();
    ExtensionTypeHeader h;
    try {
      h = unpacker.unpackExtensionTypeHeader();
    } catch (MessagePackException | IOException e) {
      throw wrap(at, "a timestamp (extension type -1)", e);
    }
    if (h.getType() != -1) {
      throw fail(at, "expected a timestamp (extension type -1), found extension type " + h.getType());
    }
    return timestamp(at, h.getLength(), strictRange);
  }

  private Instant timestamp(int at, int len, boolean strictRange) {
    if (len != 4 && len != 8 && len != 12) {
      throw fail(at, "a timestamp of " + len + " bytes; the timestamp type has 4, 8 or 12");
    }
    MessageBuffer p = payload(at, len, "timestamp");
    long seconds;
    long nanos;
    if (len == 4) {
      seconds = p.getInt(0) & 0xFFFF_FFFFL;
      nanos = 0;
    } else if (len == 8) {
      long v = p.getLong(0);
      nanos = v >>> 34;
      seconds = v & 0x3_FFFF_FFFFL;
    } else {
      nanos = p.getInt(0) & 0xFFFF_FFFFL;
      seconds = p.getLong(4);
    }
    if (nanos > 999_999_999L) {
      throw fail(at, "a timestamp with " + nanos + " nanoseconds (at most 999999999)");
    }
    if (strictRange) {
      try {
        return TimestampRange.decode(seconds, nanos);
      } catch (DecodeException e) {
        throw e.withFormat(MsgpackProvider.NAME).withOffset(at);
      }
    }
    try {
      return Instant.ofEpochSecond(seconds, nanos);
    } catch (DateTimeException e) {
      throw fail(at, "a timestamp of " + seconds + " seconds is outside what java.time.Instant holds");
    }
  }

  /**
   * Any extension value: an {@link Instant} for type -1, else an {@link ExtensionValue}.
   */
  Object readExtension() {
    int at = offset();
    ExtensionTypeHeader h;
    try {
      h = unpacker.unpackExtensionTypeHeader();
    } catch (MessagePackException | IOException e) {
      throw wrap(at, "an ext", e);
    }
    if (h.getType() == -1) {
      return timestamp(at, h.getLength(), false);
    }
    MessageBuffer p = payload(at, h.getLength(), "ext");
    byte[] data = new byte[p.size()];
    p.getBytes(0, data, 0, data.length);
    return ExtensionValue.owning(h.getType(), data);
  }

  /** An integer of any size: a Long, or a BigInteger for uint64 values above Long.MAX_VALUE. */
  Object readInteger() {
    int at = offset();
    try {
      return unpacker.unpackLong();
    } catch (MessageIntegerOverflowException e) {
      return e.getBigInteger();
    } catch (MessagePackException | IOException e) {
      throw wrap(at, "an integer", e);
    }
  }

  /** A float32 as Float or a float64 as Double, exactly as written. */
  Object readFloatExact() {
    int at = offset();
    try {
      return peek() == MessageFormat.FLOAT32 ? (Object) unpacker.unpackFloat() : (Object) unpacker.unpackDouble();
    } catch (MessagePackException | IOException e) {
      throw wrap(at, "a float", e);
    }
  }

  /**
   * A map header whose entries can all be present in the remaining bytes (two bytes at least each).
   * {@code collection} also applies {@link Limits#maxCollectionSize()} (records are bounded by bytes only).
   */
  int readMapHeader(boolean collection) {
    int at = offset();
    int n;
    try {
      n = unpacker.unpackMapHeader();
    } catch (MessagePackException | IOException e) {
      throw wrap(at, "a map", e);
    }
    if (n > remaining() / 2) {
      throw fail(at, "a map of " + n + " entries, but only " + remaining() + " bytes remain");
    }
    if (collection && n > limits.maxCollectionSize()) {
      throw fail(at, "a map of " + n + " entries exceeds the limit of " + limits.maxCollectionSize());
    }
    return n;
  }

  /** An array header whose elements can all be present in the remaining bytes (one byte at least each). */
  int readArrayHeader() {
    int at = offset();
    int n;
    try {
      n = unpacker.unpackArrayHeader();
    } catch (MessagePackException | IOException e) {
      throw wrap(at, "an array", e);
    }
    if (n > remaining()) {
      throw fail(at, "an array of " + n + " elements, but only " + remaining() + " bytes remain");
    }
    if (n > limits.maxCollectionSize()) {
      throw fail(at, "an array of " + n + " elements exceeds the limit of " + limits.maxCollectionSize());
    }
    return n;
  }

  /** Enters a nested record, union, list or map that starts at {@code at}. */
  void enter(int at) {
    if (++depth > limits.maxDepth()) {
      throw fail(at, "nesting deeper than the limit of " + limits.maxDepth());
    }
  }

  void exit() {
    depth--;
  }

  /**
   * Skips one value of any shape (an unknown field). Iterative, so deep nesting costs no stack; every
   * container's size is checked against the bytes present, and each step consumes at least one byte.
   */
  void skipValue() {
    long pending = 1;
    while (pending > 0) {
      int at = offset();
      MessageFormat f = peek();
      ValueType t = f.getValueType();
      if (t == ValueType.ARRAY) {
        pending += readArrayHeaderForSkip(at);
      } else if (t == ValueType.MAP) {
        pending += 2L * readMapHeaderForSkip(at);
      } else {
        try {
          unpacker.skipValue();
        } catch (MessagePackException | IOException e) {
          throw wrap(at, "a value", e);
        }
      }
      pending--;
    }
  }

  private int readArrayHeaderForSkip(int at) {
    int n;
    try {
      n = unpacker.unpackArrayHeader();
    } catch (MessagePackException | IOException e) {
      throw wrap(at, "an array", e);
    }
    if (n > remaining()) {
      throw fail(at, "an array of " + n + " elements, but only " + remaining() + " bytes remain");
    }
    return n;
  }

  private int readMapHeaderForSkip(int at) {
    int n;
    try {
      n = unpacker.unpackMapHeader();
    } catch (MessagePackException | IOException e) {
      throw wrap(at, "a map", e);
    }
    if (n > remaining() / 2) {
      throw fail(at, "a map of " + n + " entries, but only " + remaining() + " bytes remain");
    }
    return n;
  }

  /**
   * The index in {@code names} of the string key that comes next, or -1 if it names none of them.
   *
   * @throws DecodeException if the key is not a string
   */
  int readNameKey(NameTable names, int hint) {
    int at = offset();
    if (peek().getValueType() != ValueType.STRING) {
      throw fail(at, "a map key of the wrong type: expected a str (a name), found " + describe(at));
    }
    int len;
    try {
      len = unpacker.unpackRawStringHeader();
    } catch (MessagePackException | IOException e) {
      throw wrap(at, "a str", e);
    }
    // A name the schema knows is never "too long" (the encoder writes it whatever the string limit);
    // any other key is held to the string limit as usual.
    boolean longKnown = len > limits.maxStringBytes() && len <= names.maxLength() && len <= remaining();
    MessageBuffer key = payload(at, len, "str", longKnown);
    lastKey = key;
    int found = names.find(key.array(), key.arrayOffset(), key.size(), hint);
    if (longKnown && found < 0) {
      throw fail(at, "a str of " + len + " bytes exceeds the limit of " + limits.maxStringBytes());
    }
    return found;
  }

  /** The last string key read by {@link #readNameKey}, for messages. */
  String lastKey() {
    MessageBuffer k = lastKey;
    return k == null ? "" : new String(k.array(), k.arrayOffset(), k.size(), StandardCharsets.UTF_8);
  }

  /**
   * The integer key that comes next as a tag, or -1 if it cannot be a tag (negative, zero, too large).
   *
   * @throws DecodeException if the key is not an integer
   */
  long readTagKey() {
    int at = offset();
    if (peek().getValueType() != ValueType.INTEGER) {
      throw fail(at, "a map key of the wrong type: expected an integer (a tag), found " + describe(at));
    }
    try {
      long v = unpacker.unpackLong();
      return v >= 1 && v <= Integer.MAX_VALUE ? v : -1;
    } catch (MessageIntegerOverflowException e) {
      return -1;
    } catch (MessagePackException | IOException e) {
      throw wrap(at, "an integer", e);
    }
  }

  /**
   * For enums: the index in {@code names} of the str that comes next, or -1 (then {@link #lastKey()}
   * holds it).
   */
  int readEnumName(NameTable names) {
    MessageBuffer key = strPayload("a str");
    lastKey = key;
    return names.find(key.array(), key.arrayOffset(), key.size(), 0);
  }

  /** Copies the message's bytes from offset {@code from} to {@code to} into {@code dst}; returns the count. */
  int copyTo(int from, int to, byte[] dst, int at) {
    System.arraycopy(bytes, start + from, dst, at, to - from);
    return to - from;
  }

  /** Fails unless the whole input has been read. */
  void expectEnd() {
    int at = offset();
    if (at != length) {
      throw fail(at, (length - at) + " bytes follow the message");
    }
  }

  /** An int8 or int16 (kind), held as an int: any MessagePack integer within the kind's range. */
  int readNarrowInt(Kind kind) {
    int at = offset();
    long v;
    try {
      v = unpacker.unpackLong();
    } catch (MessageIntegerOverflowException e) {
      throw fail(at, "integer " + e.getBigInteger() + " does not fit " + kind.name().toLowerCase(java.util.Locale.ROOT));
    } catch (MessagePackException | IOException e) {
      throw wrap(at, "an integer", e);
    }
    if (v < kind.minValue() || v > kind.maxValue()) {
      throw fail(at, "integer " + v + " is outside the range of " + kind.rangeText());
    }
    return (int) v;
  }

  /**
   * A duration: the array {@code [seconds, nanos]} of two integers with the same sign, within
   * {@link DurationRange} (the fields of {@code google.protobuf.Duration}, in order).
   */
  Duration readDuration() {
    int at = offset();
    int n;
    try {
      n = unpacker.unpackArrayHeader();
    } catch (MessagePackException | IOException e) {
      throw wrap(at, "a duration (an array [seconds, nanos])", e);
    }
    if (n != 2) {
      throw fail(at, "a duration is an array [seconds, nanos] of 2 integers, not " + n + " elements");
    }
    long seconds = readInt64(false);
    long nanos = readInt32(false);
    try {
      return DurationRange.decode(seconds, nanos);
    } catch (DecodeException e) {
      throw e.withFormat(MsgpackProvider.NAME).withOffset(at);
    }
  }
}
