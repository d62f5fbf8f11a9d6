package io.polycodec.cli.inspect;

import com.google.protobuf.CodedInputStream;
import io.polycodec.cli.PayloadException;
import io.polycodec.schema.Field;
import io.polycodec.schema.ListSchema;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import java.io.IOException;
import java.io.PrintStream;

/**
 * Protobuf's wire structure, like {@code protoc --decode_raw} with offsets: each field's number, wire
 * type and length. A length-delimited field is shown as text if it is printable UTF-8, else as a nested
 * message if it parses as one exactly, else as hex; the wire alone cannot tell them apart, so this is a
 * guess, and says so only by its choice. With the record's schema, fields are named, and a field the
 * schema says is a record (or a list of records) is shown as a message whenever its bytes parse as one.
 */
final class ProtobufDump implements WireDump {
  @Override
  public void dump(byte[] payload, RecordSchema schema, PrintStream out) {
    DumpLines lines = new DumpLines(out);
    fields(payload, CodedInputStream.newInstance(payload), 0, 0, 0, schema, lines);
    if (lines.lines() == 0) {
      lines.note(0, "(empty message: every field at its default)");
    }
  }

  /** Reads fields until the stream ends, or until the end-group of {@code group} (if > 0). */
  private static void fields(byte[] p, CodedInputStream in, int base, int depth, int group, RecordSchema schema,
      DumpLines out) {
    try {
      while (!in.isAtEnd()) {
        int at = base + in.getTotalBytesRead();
        int tag = in.readTag();
        int field = tag >>> 3;
        int wire = tag & 7;
        if (field == 0) {
          throw bad(at, "field number 0 is not allowed (tag byte " + (tag & 0xff) + ")");
        }
        Field known = schema == null || schema.indexOfTag(field) < 0 ? null : schema.field(schema.indexOfTag(field));
        String name = known == null ? String.valueOf(field) : field + " " + known.name();
        switch (wire) {
          case 0 -> {
            long v = in.readRawVarint64();
            long zigzag = (v >>> 1) ^ -(v & 1);
            out.line(at, depth, name + ": varint " + v + (v < 0 ? " (uint64 " + Long.toUnsignedString(v) + ")" : "")
                + (zigzag != v ? " (sint " + zigzag + ")" : ""));
          }
          case 1 -> {
            long v = in.readRawLittleEndian64();
            out.line(at, depth, name + ": fixed64 " + v + " (double " + Double.longBitsToDouble(v) + ")");
          }
          case 5 -> {
            int v = in.readRawLittleEndian32();
            out.line(at, depth, name + ": fixed32 " + v + " (float " + Float.intBitsToFloat(v) + ")");
          }
          case 2 -> {
            int len = in.readRawVarint32();
            int start = base + in.getTotalBytesRead();
            if (len < 0 || len > p.length - start) {
              throw bad(at, "field " + field + " claims " + Integer.toUnsignedString(len) + " bytes, "
                  + (p.length - start) + " remain");
            }
            RecordSchema nested = nested(known);
            String text = nested != null ? null : DumpLines.text(p, start, len);
            if (text == null && len > 0 && depth < MAX_DEPTH && isMessage(p, start, start + len)) {
              out.line(at, depth, name + ": len " + len + " message" + (nested != null ? " " + nested.name() : "") + " {");
              fields(p, CodedInputStream.newInstance(p, start, len), start, depth + 1, 0, nested, out);
              out.note(depth, "}");
            } else {
              text = text != null ? text : DumpLines.text(p, start, len);
              out.line(at, depth, name + ": len " + len + " = " + (text != null ? text : DumpLines.bytes(p, start, len)));
            }
            in.skipRawBytes(len);
          }
          case 3 -> {
            if (depth >= MAX_DEPTH) {
              throw bad(at, "groups nested deeper than " + MAX_DEPTH);
            }
            out.line(at, depth, name + ": group {");
            fields(p, in, base, depth + 1, field, nested(known), out);
            out.note(depth, "}");
          }
          case 4 -> {
            if (field != group) {
              throw bad(at, "end of group " + field + (group > 0 ? " inside group " + group : " outside any group"));
            }
            return;
          }
          default -> throw bad(at, "wire type " + wire + " does not exist (field " + field + ")");
        }
      }
      if (group > 0) {
        throw bad(base + in.getTotalBytesRead(), "group " + group + " is not closed");
      }
    } catch (IOException e) {
      throw bad(base + in.getTotalBytesRead(), "truncated or malformed: " + e.getMessage());
    }
  }

  /** The record schema a field's messages have: the field's record, or its list's record elements. */
  private static RecordSchema nested(Field f) {
    if (f == null) {
      return null;
    }
    Schema t = f.type() instanceof ListSchema l ? l.element() : f.type();
    return t instanceof RecordSchema r ? r : null;
  }

  /** Whether {@code p[from, to)} parses as a message to its last byte (one level; nested lengths checked). */
  private static boolean isMessage(byte[] p, int from, int to) {
    CodedInputStream in = CodedInputStream.newInstance(p, from, to - from);
    int open = 0;
    try {
      while (!in.isAtEnd()) {
        int tag = in.readTag();
        if ((tag >>> 3) == 0) {
          return false;
        }
        switch (tag & 7) {
          case 0 -> in.readRawVarint64();
          case 1 -> in.readRawLittleEndian64();
          case 5 -> in.readRawLittleEndian32();
          case 2 -> {
            int len = in.readRawVarint32();
            if (len < 0 || len > to - from - in.getTotalBytesRead()) {
              return false;
            }
            in.skipRawBytes(len);
          }
          case 3 -> open++;
          case 4 -> {
            if (--open < 0) {
              return false;
            }
          }
          default -> {
            return false;
          }
        }
      }
      return open == 0;
    } catch (IOException e) {
      return false;
    }
  }

  private static PayloadException bad(long offset, String what) {
    return new PayloadException("protobuf: at offset " + offset + ": " + what, null);
  }
}
