package io.polycodec.flatbuffers;

import com.google.flatbuffers.FlatBufferBuilder;
import io.polycodec.CodecException;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A list of unions as flatc writes a vector of unions: a {@code [ubyte]} of member tags at field id
 * {@code n − 1} and a vector of offsets to the member tables at the field's own id, element for element.
 * {@link TablePlan} writes the type vector's offset ({@link WriteContext#sideOffset}), reads and verifies
 * both vectors through {@link #read} and {@link #verify}.
 */
final class UnionVectorLayout extends OffsetLayout {
  final UnionLayout union;
  /** The elements as {@link FlatList} sees them: offsets to tables of the union's members. */
  final ListLayout elements;

  UnionVectorLayout(UnionLayout union) {
    this.union = union;
    this.elements = new ListLayout(union);
  }

  /** Writes the members, the type vector (its offset left in {@code w.sideOffset}) and the value vector. */
  @Override
  int prepare(WriteContext w, Object value, boolean omitDefault) {
    Object[] items = ((List<?>) value).toArray();
    int n = items.length;
    w.checkCollection(n);
    w.sideOffset = 0;
    if (n == 0 && omitDefault) {
      return 0;
    }
    w.enter();
    int base = w.reserve(2 * n);
    for (int k = 0; k < n; k++) {
      if (items[k] == null) {
        throw new EncodeException("null element").prependIndex(k);
      }
      int m = union.binding().memberIndex(items[k]);
      if (m < 0) {
        throw new EncodeException(items[k].getClass().getName() + " is not a member of union "
            + union.binding().schema().name()).prependIndex(k);
      }
      int off;
      try {
        off = union.member(m).write(w, items[k]);
      } catch (CodecException e) {
        throw e.prependField(union.binding().schema().members().get(m).name()).prependIndex(k);
      }
      w.stack[base + 2 * k] = off;
      w.stack[base + 2 * k + 1] = union.tag(m);
    }
    FlatBufferBuilder b = w.builder;
    b.startVector(1, n, 1);
    for (int k = n - 1; k >= 0; k--) {
      b.addByte((byte) w.stack[base + 2 * k + 1]);
    }
    int types = b.endVector();
    b.startVector(4, n, 4);
    for (int k = n - 1; k >= 0; k--) {
      b.addOffset(w.stack[base + 2 * k]);
    }
    int values = b.endVector();
    w.release(base);
    w.exit();
    w.sideOffset = types;
    return values;
  }

  @Override
  Object readSlot(ReadContext r, int pos) {
    throw new AssertionError("a vector of unions is read with its types: read(r, typePos, pos)");
  }

  /**
   * The list at the value slot {@code pos}, with its type vector's slot at {@code typePos} (0 if absent).
   *
   * @throws DecodeException if the types are missing, of another length, or not member tags
   */
  Object read(ReadContext r, int typePos, int pos) {
    int values = r.target(pos);
    int n = r.bb.getInt(values);
    int types = typesOf(r, typePos, pos, n);
    Object[] out = new Object[n];
    for (int k = 0; k < n; k++) {
      int tag = r.bb.get(types + 4 + k) & 0xFF;
      int m = union.memberOfTag(tag);
      if (m < 0) {
        throw new DecodeException(tag + " is not a member tag of union " + union.binding().schema().name())
            .withOffset(types + 4 + k).prependIndex(k);
      }
      int p = values + 4 + 4 * k;
      try {
        out[k] = union.member(m).read(r, r.target(p));
      } catch (CodecException e) {
        throw e.prependField(union.binding().schema().members().get(m).name()).prependIndex(k);
      }
    }
    return Collections.unmodifiableList(Arrays.asList(out));
  }

  private int typesOf(ReadContext r, int typePos, int pos, int n) {
    if (typePos == 0) {
      throw new DecodeException("a vector of unions " + union.binding().schema().name() + " has no type vector")
          .withOffset(pos);
    }
    int types = r.target(typePos);
    if (r.bb.getInt(types) != n) {
      throw new DecodeException("a vector of unions has " + n + " values but " + r.bb.getInt(types) + " types")
          .withOffset(types);
    }
    return types;
  }

  /** Verifies both vectors and every member; {@code depth} is the holding table's. */
  void verify(Verifier v, int typePos, int pos, int depth) {
    int values = v.follow(pos);
    int n = v.collection(values, 4, 4, depth + 1);
    if (typePos == 0) {
      throw Verifier.error(pos, "a vector of unions " + union.binding().schema().name() + " has no type vector");
    }
    int types = v.follow(typePos);
    int nt = v.collection(types, 1, 1, depth + 1);
    if (nt != n) {
      throw Verifier.error(types, "a vector of unions has " + n + " values but " + nt + " types");
    }
    for (int k = 0; k < n; k++) {
      int tag = v.byteAt(types + 4 + k) & 0xFF;
      int m = union.memberOfTag(tag);
      try {
        if (m < 0) {
          throw Verifier.error(types + 4 + k, tag + " is not a member tag of union " + union.binding().schema().name());
        }
        try {
          union.member(m).verify(v, v.follow(values + 4 + 4 * k), depth + 2);
        } catch (DecodeException e) {
          throw e.prependField(union.binding().schema().members().get(m).name());
        }
      } catch (DecodeException e) {
        throw e.prependIndex(k);
      }
    }
  }

  @Override
  boolean needsVerification() {
    return false;
  }

  @Override
  Object defaultValue() {
    return List.of();
  }
}
