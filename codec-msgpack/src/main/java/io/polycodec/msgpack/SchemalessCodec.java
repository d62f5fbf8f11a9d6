package io.polycodec.msgpack;

import io.polycodec.Codec;
import io.polycodec.CodecException;
import io.polycodec.CodecOptions;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.Format;
import io.polycodec.Limits;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePacker;

/**
 * Any MessagePack to and from plain Java values, without a schema; the mapping is documented on
 * {@link MsgpackProvider#schemaless}. Immutable and thread-safe.
 */
final class SchemalessCodec implements Codec<Object> {
  private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private final Limits limits;

  SchemalessCodec(Limits limits) {
    this.limits = limits;
  }

  @Override
  public Format format() {
    return MsgpackProvider.FORMAT;
  }

  @Override
  public Limits limits() {
    return limits;
  }

  @Override
  public byte[] encode(Object value) {
    EncodeContext cx = encodeInto(value);
    byte[] out = cx.toByteArray();
    cx.release();
    return out;
  }

  @Override
  public void encode(Object value, OutputStream out) throws IOException {
    Objects.requireNonNull(out, "out");
    EncodeContext cx = encodeInto(value);
    try {
      cx.writeTo(out);
    } finally {
      cx.release();
    }
  }

  private EncodeContext encodeInto(Object value) {
    EncodeContext cx = EncodeContext.acquire(limits);
    try {
      write(cx, value);
      cx.finish();
      return cx;
    } catch (IOException e) {
      cx.discard();
      throw new EncodeException("msgpack-core failed: " + e.getMessage(), e).withFormat(MsgpackProvider.NAME);
    } catch (CodecException e) {
      cx.discard();
      throw e.withFormat(MsgpackProvider.NAME);
    } catch (RuntimeException | Error e) {
      cx.discard();
      throw e;
    }
  }

  private void write(EncodeContext cx, Object v) throws IOException {
    MessagePacker p = cx.packer;
    if (v == null) {
      p.packNil();
    } else if (v instanceof String) {
      cx.writeString((String) v);
    } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      p.packLong(((Number) v).longValue());
    } else if (v instanceof Double) {
      p.packDouble((Double) v);
    } else if (v instanceof Float) {
      p.packFloat((Float) v);
    } else if (v instanceof Boolean) {
      p.packBoolean((Boolean) v);
    } else if (v instanceof byte[]) {
      byte[] b = (byte[]) v;
      p.packBinaryHeader(b.length);
      p.writePayload(b);
    } else if (v instanceof Map) {
      writeMap(cx, (Map<?, ?>) v);
    } else if (v instanceof List) {
      writeList(cx, (List<?>) v);
    } else if (v instanceof BigInteger) {
      BigInteger b = (BigInteger) v;
      if (b.bitLength() > 64 || (b.signum() < 0 && b.bitLength() > 63)) {
        throw new EncodeException("integer " + b + " is outside MessagePack's range (-2^63 to 2^64-1)");
      }
      p.packBigInteger(b);
    } else if (v instanceof Instant) {
      p.packTimestamp((Instant) v);
    } else if (v instanceof ExtensionValue) {
      ExtensionValue e = (ExtensionValue) v;
      p.packExtensionTypeHeader(e.type(), e.length());
      p.writePayload(e.dataUnsafe());
    } else {
      throw new EncodeException("a " + v.getClass().getName() + " cannot be encoded without a schema (supported: null,"
          + " Boolean, Byte, Short, Integer, Long, BigInteger, Float, Double, String, byte[], Instant, ExtensionValue,"
          + " List, Map)");
    }
  }

  private void writeList(EncodeContext cx, List<?> list) throws IOException {
    cx.enter();
    cx.packer.packArrayHeader(list.size());
    int i = 0;
    for (Object e : list) {
      try {
        write(cx, e);
      } catch (CodecException x) {
        throw x.prependIndex(i);
      }
      i++;
    }
    cx.exit();
  }

  private void writeMap(EncodeContext cx, Map<?, ?> map) throws IOException {
    cx.enter();
    Map.Entry<?, ?>[] entries = map.entrySet().toArray(new Map.Entry<?, ?>[0]);
    if (entries.length > 1) {
      Arrays.sort(entries, (a, b) -> KeyOrder.compare(a.getKey(), b.getKey(), this::encode));
    }
    cx.packer.packMapHeader(entries.length);
    for (Map.Entry<?, ?> e : entries) {
      Object k = e.getKey();
      try {
        write(cx, k);
        write(cx, e.getValue());
      } catch (CodecException x) {
        throw x.prependKey(k);
      }
    }
    cx.exit();
  }

  @Override
  public Object decode(byte[] bytes) {
    return decode(bytes, 0, bytes.length);
  }

  @Override
  public Object decode(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    if (length > limits.maxMessageBytes()) {
      throw MsgpackReader.fail(0, "a message of " + length + " bytes exceeds the limit of " + limits.maxMessageBytes());
    }
    MsgpackReader in = new MsgpackReader(bytes, offset, length, limits);
    try {
      Object v = read(in);
      in.expectEnd();
      return v;
    } catch (DecodeException e) {
      e.withFormat(MsgpackProvider.NAME);
      e.withOffset(in.offset());
      throw e;
    } catch (StackOverflowError e) {
      throw DecodeException.stackExhausted(MsgpackProvider.NAME, in.offset());
    }
  }

  private Object read(MsgpackReader in) {
    MessageFormat f = in.peek();
    switch (f.getValueType()) {
      case NIL:
        in.tryNil();
        return null;
      case BOOLEAN:
        return in.readBool();
      case INTEGER:
        return in.readInteger();
      case FLOAT:
        return in.readFloatExact();
      case STRING:
        return in.readString();
      case BINARY:
        return in.readBytes();
      case ARRAY:
        return readList(in);
      case MAP:
        return readMap(in);
      default:
        return in.readExtension();
    }
  }

  private List<Object> readList(MsgpackReader in) {
    int at = in.offset();
    int n = in.readArrayHeader();
    in.enter(at);
    List<Object> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      try {
        out.add(read(in));
      } catch (CodecException x) {
        throw x.prependIndex(i);
      }
    }
    in.exit();
    return Collections.unmodifiableList(out);
  }

  private Map<Object, Object> readMap(MsgpackReader in) {
    int at = in.offset();
    int n = in.readMapHeader(true);
    in.enter(at);
    Map<Object, Object> out = new LinkedHashMap<>(n < 1 << 16 ? (int) (n / 0.75f) + 1 : 1 << 16);
    for (int i = 0; i < n; i++) {
      Object k = read(in);
      try {
        out.put(k, read(in));
      } catch (CodecException x) {
        throw x.prependKey(k);
      }
    }
    in.exit();
    return Collections.unmodifiableMap(out);
  }

  @Override
  public String toString() {
    return Codec.describe(format(), "plain Java values (schema-less)", CodecOptions.defaults().withLimits(limits));
  }
}
