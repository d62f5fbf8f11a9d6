package io.polycodec.cli.inspect;

import io.polycodec.cli.PayloadException;
import io.polycodec.schema.Field;
import io.polycodec.schema.FlatBuffersFieldIds;
import io.polycodec.schema.Kind;
import io.polycodec.schema.RecordSchema;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * FlatBuffers' structure: the root offset, the file identifier if there is one, and for each table
 * its vtable (where, how big, the table's size) and each present field's id, offset in the table and
 * raw bytes. With the record's schema (ids as {@link FlatBuffersFieldIds} gives them, unions laid out inline as
 * the codec does by default) fields are named, scalars read, strings
 * shown and nested tables followed; without it, a field's size is the gap to the next one.
 */
final class FlatBuffersDump implements WireDump {
  @Override
  public void dump(byte[] payload, RecordSchema schema, PrintStream out) {
    DumpLines lines = new DumpLines(out);
    ByteBuffer b = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
    int root = uoffset(b, 0, "the root offset");
    lines.line(0, 0, "root offset " + root + " -> table at " + root);
    if (root >= 8) {
      String id = DumpLines.text(payload, 4, 4);
      if (id != null) {
        lines.line(4, 0, "file identifier " + id);
      }
    }
    table(b, root, schema, 0, lines);
  }

  private static void table(ByteBuffer b, int t, RecordSchema schema, int depth, DumpLines out) {
    if (depth >= MAX_DEPTH) {
      throw bad(t, "tables nested deeper than " + MAX_DEPTH);
    }
    need(b, t, 4, "the table's vtable offset");
    long vt = (long) t - b.getInt(t);
    if (vt < 0 || vt > b.capacity() - 4) {
      throw bad(t, "vtable offset " + b.getInt(t) + " points outside the buffer (to " + vt + ")");
    }
    int v = (int) vt;
    int vsize = Short.toUnsignedInt(b.getShort(v));
    int tsize = Short.toUnsignedInt(b.getShort(v + 2));
    if (vsize < 4 || (vsize & 1) != 0 || v + (long) vsize > b.capacity()) {
      throw bad(v, "vtable size " + vsize + " is not an even size of at least 4 within the buffer");
    }
    if (tsize < 4 || t + (long) tsize > b.capacity()) {
      throw bad(v + 2, "table size " + tsize + " does not fit the buffer from " + t);
    }
    int slots = (vsize - 4) / 2;
    out.line(t, depth, "table" + (schema != null ? " " + schema.name() : "") + ": " + tsize + " bytes, vtable at " + v
        + " (" + vsize + " bytes, " + slots + " slots)");
    List<int[]> present = new ArrayList<>();
    for (int id = 0; id < slots; id++) {
      int off = Short.toUnsignedInt(b.getShort(v + 4 + 2 * id));
      if (off == 0) {
        continue;
      }
      if (off < 4 || off >= tsize) {
        throw bad(v + 4 + 2 * id, "field id " + id + " at offset " + off + " lies outside its table of " + tsize + " bytes");
      }
      present.add(new int[] {id, off});
    }
    present.sort((x, y) -> Integer.compare(x[1], y[1]));
    for (int i = 0; i < present.size(); i++) {
      int id = present.get(i)[0];
      int at = t + present.get(i)[1];
      int end = i + 1 < present.size() ? t + present.get(i + 1)[1] : t + tsize;
      Field f = field(schema, id);
      Field typed = f == null ? unionTypeOf(schema, id) : null;
      if (typed != null) {
        out.line(at, depth + 1, "field id " + id + " " + typed.name() + "_type: "
            + (typed.type().kind() == Kind.UNION ? "member tag " + (get(b, at, 1) & 0xFF)
            : "-> " + uoffset(b, at, typed.name() + "_type") + " (vector of member tags)"));
        continue;
      }
      String head = "field id " + id + (f != null ? " " + f.name() + ": " + f.type().describe() : "");
      if (f == null) {
        out.line(at, depth + 1, head + " = " + DumpLines.hex(b.array(), at, end - at) + offsetHint(b, at, end));
        continue;
      }
      field(b, at, f, head, depth + 1, out);
    }
  }

  private static void field(ByteBuffer b, int at, Field f, String head, int depth, DumpLines out) {
    Kind k = f.type().kind();
    switch (k) {
      case BOOL -> out.line(at, depth, head + " = " + (get(b, at, 1) != 0));
      case INT32, ENUM -> out.line(at, depth, head + " = " + (int) get(b, at, 4));
      case INT64 -> out.line(at, depth, head + " = " + get(b, at, 8));
      case FLOAT32 -> out.line(at, depth, head + " = " + Float.intBitsToFloat((int) get(b, at, 4)));
      case FLOAT64 -> out.line(at, depth, head + " = " + Double.longBitsToDouble(get(b, at, 8)));
      case TIMESTAMP, DURATION -> out.line(at, depth, head + " = {seconds " + get(b, at, 8) + ", nanos " + (int) get(b, at + 8, 4) + "}");
      case STRING, BYTES -> {
        int target = uoffset(b, at, f.name());
        need(b, target, 4, f.name() + "'s length");
        long len = Integer.toUnsignedLong(b.getInt(target));
        if (len > b.capacity() - target - 4) {
          throw bad(target, f.name() + " claims " + len + " bytes, " + (b.capacity() - target - 4) + " remain");
        }
        out.line(at, depth, head + " -> " + target + ": (" + len + " bytes) "
            + (k == Kind.STRING ? DumpLines.bytes(b.array(), target + 4, (int) len)
            : DumpLines.hex(b.array(), target + 4, (int) len)));
      }
      case RECORD -> {
        int target = uoffset(b, at, f.name());
        out.line(at, depth, head + " -> " + target);
        table(b, target, (RecordSchema) f.type(), depth + 1, out);
      }
      default -> {
        int target = uoffset(b, at, f.name());
        need(b, target, 4, f.name() + "'s target");
        out.line(at, depth, head + " -> " + target + (k == Kind.UNION ? " (member table)"
            : " (vector of " + Integer.toUnsignedLong(b.getInt(target)) + ")"));
      }
    }
  }

  private static Field field(RecordSchema schema, int id) {
    if (schema == null) {
      return null;
    }
    int[] ids = FlatBuffersFieldIds.of(schema);
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] == id) {
        return schema.field(i);
      }
    }
    return null;
  }

  /** The union field (or list of unions) whose type slot is {@code id}, or null. */
  private static Field unionTypeOf(RecordSchema schema, int id) {
    if (schema == null) {
      return null;
    }
    int[] ids = FlatBuffersFieldIds.of(schema);
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] == id + 1 && FlatBuffersFieldIds.isUnionField(schema.field(i))) {
        return schema.field(i);
      }
    }
    return null;
  }

  private static String offsetHint(ByteBuffer b, int at, int end) {
    if (end - at != 4) {
      return "";
    }
    long target = at + Integer.toUnsignedLong(b.getInt(at));
    return target < b.capacity() ? " (int " + b.getInt(at) + ", or an offset to " + target + ")" : " (int " + b.getInt(at) + ")";
  }

  /** The position {@code at} + the unsigned 32-bit offset stored there, checked to be inside the buffer. */
  private static int uoffset(ByteBuffer b, int at, String what) {
    need(b, at, 4, what);
    long target = at + Integer.toUnsignedLong(b.getInt(at));
    if (target >= b.capacity()) {
      throw bad(at, what + " points to " + target + ", past the end (" + b.capacity() + " bytes)");
    }
    return (int) target;
  }

  private static long get(ByteBuffer b, int at, int size) {
    need(b, at, size, "a " + size + "-byte scalar");
    return switch (size) {
      case 1 -> b.get(at);
      case 4 -> b.getInt(at);
      default -> b.getLong(at);
    };
  }

  private static void need(ByteBuffer b, int at, int size, String what) {
    if (at < 0 || at > b.capacity() - size) {
      throw bad(at, what + " needs " + size + " bytes at " + at + ", the buffer has " + b.capacity());
    }
  }

  private static PayloadException bad(long offset, String what) {
    return new PayloadException("flatbuffers: at offset " + offset + ": " + what, null);
  }
}
