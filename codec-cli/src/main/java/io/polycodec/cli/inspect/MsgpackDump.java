package io.polycodec.cli.inspect;

import io.polycodec.cli.PayloadException;
import io.polycodec.schema.RecordSchema;
import java.io.IOException;
import java.io.PrintStream;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.core.MessagePackException;

/**
 * MessagePack's structure: each value's wire format (fixmap, uint16, str8…), its length or count, and
 * its value, nested values indented; several top-level values (a stream) follow each other.
 */
final class MsgpackDump implements WireDump {
  @Override
  public void dump(byte[] payload, RecordSchema schema, PrintStream out) {
    DumpLines lines = new DumpLines(out);
    try (MessageUnpacker in = MessagePack.newDefaultUnpacker(payload)) {
      while (in.hasNext()) {
        value(payload, in, 0, lines);
      }
    } catch (IOException | MessagePackException e) {
      throw new PayloadException("msgpack: truncated or malformed: " + e.getMessage(), e);
    }
    if (lines.lines() == 0) {
      lines.note(0, "(no value: the payload is empty)");
    }
  }

  private static void value(byte[] p, MessageUnpacker in, int depth, DumpLines out) throws IOException {
    long at = in.getTotalReadBytes();
    MessageFormat f;
    try {
      f = in.getNextFormat();
    } catch (MessagePackException e) {
      throw bad(at, e.getMessage());
    }
    String name = f.name().toLowerCase(java.util.Locale.ROOT);
    if (f == MessageFormat.NEVER_USED) {
      throw bad(at, "byte 0xc1 is never used in MessagePack");
    }
    if (depth >= MAX_DEPTH) {
      throw bad(at, "nested deeper than " + MAX_DEPTH);
    }
    switch (f.getValueType()) {
      case NIL -> {
        in.unpackNil();
        out.line(at, depth, "nil");
      }
      case BOOLEAN -> out.line(at, depth, name + " " + in.unpackBoolean());
      case INTEGER -> out.line(at, depth, name + " " + (f == MessageFormat.UINT64 ? in.unpackBigInteger() : in.unpackLong()));
      case FLOAT -> out.line(at, depth, name + " " + (f == MessageFormat.FLOAT32 ? in.unpackFloat() : in.unpackDouble()));
      case STRING -> {
        int len = in.unpackRawStringHeader();
        out.line(at, depth, name + " (" + len + " bytes) " + payload(p, in, at, len, true));
      }
      case BINARY -> {
        int len = in.unpackBinaryHeader();
        out.line(at, depth, name + " (" + len + " bytes) " + payload(p, in, at, len, false));
      }
      case ARRAY -> {
        int n = in.unpackArrayHeader();
        out.line(at, depth, name + " [" + n + " elements]");
        for (int i = 0; i < n; i++) {
          value(p, in, depth + 1, out);
        }
      }
      case MAP -> {
        int n = in.unpackMapHeader();
        out.line(at, depth, name + " {" + n + " entries}");
        for (int i = 0; i < n; i++) {
          value(p, in, depth + 1, out);
          value(p, in, depth + 2, out);
        }
      }
      case EXTENSION -> {
        var h = in.unpackExtensionTypeHeader();
        String what = h.getType() == -1 ? " (timestamp)" : "";
        out.line(at, depth, name + " type " + h.getType() + what + " (" + h.getLength() + " bytes) "
            + payload(p, in, at, h.getLength(), false));
      }
      default -> throw bad(at, "unknown format " + f);
    }
  }

  private static String payload(byte[] p, MessageUnpacker in, long at, int len, boolean text) throws IOException {
    long start = in.getTotalReadBytes();
    if (len < 0 || len > p.length - start) {
      throw bad(at, "claims " + Integer.toUnsignedString(len) + " bytes, " + (p.length - start) + " remain");
    }
    byte[] b = in.readPayload(len);
    return text ? DumpLines.bytes(b, 0, b.length) : DumpLines.hex(b, 0, b.length);
  }

  private static PayloadException bad(long offset, String what) {
    return new PayloadException("msgpack: at offset " + offset + ": " + what, null);
  }
}
