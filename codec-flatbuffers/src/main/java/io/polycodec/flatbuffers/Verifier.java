package io.polycodec.flatbuffers;

import io.polycodec.DecodeException;
import io.polycodec.Limits;
import java.nio.ByteBuffer;

/**
 * Checks an untrusted buffer against a compiled plan before anything reads it, since flatbuffers-java
 * reads whatever offsets it finds. After {@link #verifyRoot} succeeds, every offset, vtable, vector and
 * string the plan can reach lies inside the buffer with the alignment FlatBuffers requires, strings are
 * zero-terminated, union types are known members, and nesting and sizes are within the limits, so that
 * decoding and views read without further bounds checks.
 *
 * <p>Work is bounded twice: nesting of records, unions, lists and maps by {@link Limits#maxDepth()}, and the number of tables, vectors and
 * strings visited by a budget (a crafted buffer can make many offsets share one subtree, which a tree
 * walk would visit again and again). uoffsets are unsigned and point forward, so no walk can loop.
 *
 * <p>One verifier per verification; not thread-safe.
 */
final class Verifier {
  private final ByteBuffer bb;
  private final int limit;
  private final Limits limits;
  private long budget;

  // Set by table(); read by the caller right away, before anything else can overwrite them.
  int vt;
  int vtSize;
  int objSize;

  Verifier(ReadContext r, Limits limits, int maxObjects) {
    this.bb = r.bb;
    this.limit = r.length();
    this.limits = limits;
    // Every visit but the root's follows a 4-byte offset, so a buffer without shared subtrees never needs
    // more than length / 4 visits; maxObjects is the allowance for sharing on top of that.
    this.budget = (long) maxObjects + limit / 4 + 1;
  }

  static DecodeException error(long offset, String problem) {
    return new DecodeException(problem).withOffset(offset);
  }

  /** Verifies the whole message as a table of {@code root}. */
  void verifyRoot(TablePlan root) {
    if (limit < 4) {
      throw error(0, "a FlatBuffer needs at least 4 bytes, got " + limit);
    }
    root.verify(this, follow(0), 1);
  }

  /**
   * The target of the uoffset at {@code pos} (which the caller has checked is inside the buffer and
   * 4-byte aligned).
   */
  int follow(int pos) {
    long u = bb.getInt(pos) & 0xFFFF_FFFFL;
    if (u == 0) {
      throw error(pos, "offset points to itself");
    }
    long target = pos + u;
    if (target >= limit) {
      throw error(pos, "offset " + u + " points to " + target + ", outside the " + limit + "-byte buffer");
    }
    return (int) target;
  }

  private void visit(int pos) {
    if (--budget < 0) {
      throw error(pos, "too many tables, vectors and strings reached (subtrees shared too often?)");
    }
  }

  private void checkDepth(int pos, int depth) {
    if (depth > limits.maxDepth()) {
      throw error(pos, "nesting deeper than the limit of " + limits.maxDepth() + " records, unions, lists and maps");
    }
  }

  /**
   * Checks the table at {@code t} and its vtable; sets {@link #vt}, {@link #vtSize} and {@link #objSize}.
   */
  void table(int t, int depth) {
    checkDepth(t, depth);
    visit(t);
    if ((t & 3) != 0) {
      throw error(t, "table is not 4-byte aligned");
    }
    if (t > limit - 4) {
      throw error(t, "table runs past the end of the buffer");
    }
    long v = (long) t - bb.getInt(t);
    if (v < 0 || v > limit - 4) {
      throw error(t, "vtable at " + v + " is outside the " + limit + "-byte buffer");
    }
    int at = (int) v;
    if ((at & 1) != 0) {
      throw error(at, "vtable is not 2-byte aligned");
    }
    int size = bb.getShort(at) & 0xFFFF;
    if (size < 4 || (size & 1) != 0) {
      throw error(at, "vtable size " + size + " is not an even number of at least 4");
    }
    if (at + size > limit) {
      throw error(at, "vtable of " + size + " bytes runs past the end of the buffer");
    }
    int obj = bb.getShort(at + 2) & 0xFFFF;
    if (obj < 4) {
      throw error(at, "table size " + obj + " is smaller than a table's header");
    }
    if ((long) t + obj > limit) {
      throw error(t, "table of " + obj + " bytes runs past the end of the buffer");
    }
    this.vt = at;
    this.vtSize = size;
    this.objSize = obj;
  }

  /**
   * The position of the field at {@code vtOffset} of the table just checked by {@link #table}, or 0 if
   * absent; checks that the field lies inside the table and is aligned.
   */
  int field(int t, int vtab, int vtabSize, int obj, int vtOffset, int size, int align) {
    if (vtOffset >= vtabSize) {
      return 0;
    }
    int fo = bb.getShort(vtab + vtOffset) & 0xFFFF;
    if (fo == 0) {
      return 0;
    }
    if (fo < 4 || fo + size > obj) {
      throw error(t + fo, "field at table offset " + fo + " (" + size + " bytes) lies outside its "
          + obj + "-byte table");
    }
    int pos = t + fo;
    if ((pos & (align - 1)) != 0) {
      throw error(pos, "field is not " + align + "-byte aligned");
    }
    return pos;
  }

  /**
   * Checks the vector at {@code v}: its length and elements lie in the buffer, aligned; returns its
   * length.
   */
  int vector(int v, int elementSize, int align, int maxElements) {
    visit(v);
    if ((v & 3) != 0) {
      throw error(v, "vector is not 4-byte aligned");
    }
    if (v > limit - 4) {
      throw error(v, "vector length runs past the end of the buffer");
    }
    long n = bb.getInt(v) & 0xFFFF_FFFFL;
    if (n > maxElements) {
      throw error(v, "vector of " + n + " elements exceeds the limit of " + maxElements);
    }
    // flatc leaves empty vectors of 8-byte elements unaligned; with nothing to read, that is harmless.
    if (align > 4 && n > 0 && ((v + 4) & (align - 1)) != 0) {
      throw error(v + 4, "vector elements are not " + align + "-byte aligned");
    }
    if (v + 4 + n * elementSize > limit) {
      throw error(v, "vector of " + n + " elements of " + elementSize + " bytes runs past the end of the buffer");
    }
    // Decoding copies a vector or string once per offset that reaches it, so its bytes count too (one
    // unit per 4, like the visits): a 16 MB string reached from a thousand offsets would otherwise
    // verify cheaply and then allocate 16 GB. Unshared, every unit still stands for 4 bytes of input.
    budget -= (n * elementSize) >>> 2;
    if (budget < 0) {
      throw error(v, "too many bytes of vectors and strings reached (shared too often?)");
    }
    return (int) n;
  }

  /** Checks a struct standing alone at {@code s} (a union member): aligned, its bytes inside the buffer. */
  void struct(int s, int size, int align) {
    visit(s);
    if ((s & (align - 1)) != 0) {
      throw error(s, "struct is not " + align + "-byte aligned");
    }
    if ((long) s + size > limit) {
      throw error(s, "struct of " + size + " bytes runs past the end of the buffer");
    }
  }

  /** Checks the string at {@code s}: in the buffer, within the limit, zero-terminated. */
  void string(int s) {
    int n = vector(s, 1, 1, limits.maxStringBytes());
    long end = (long) s + 4 + n;
    if (end >= limit) {
      throw error(s, "string of " + n + " bytes has no terminator inside the buffer");
    }
    if (bb.get((int) end) != 0) {
      throw error(end, "string is not zero-terminated");
    }
  }

  /** Checks a byte vector at {@code v} against the string length limit; returns its length. */
  int byteVector(int v) {
    return vector(v, 1, 1, limits.maxStringBytes());
  }

  /**
   * Checks a list or map's vector of {@code elementSize}-byte elements at nesting {@code depth} against
   * the collection limit; returns its length.
   */
  int collection(int v, int elementSize, int align, int depth) {
    checkDepth(v, depth);
    return vector(v, elementSize, align, limits.maxCollectionSize());
  }

  /** Checks a numeric vector (a leaf, so no depth) against the collection limit; returns its length. */
  int numbers(int v, int elementSize) {
    return vector(v, elementSize, elementSize, limits.maxCollectionSize());
  }

  byte byteAt(int pos) {
    return bb.get(pos);
  }
}
