package io.polycodec.protobuf;

import com.google.protobuf.CodedOutputStream;
import java.io.IOException;

/**
 * The encode half of one {@link MessagePlan} as a class of its own, spun at run time by
 * {@link BodyCompiler}: the same walk as {@link MessagePlan#bodySize} and {@link MessagePlan#writeBody}
 * (same fields, same order, same {@link Sizes} entries), with the record's accessors called directly for
 * primitive and string fields, so that neither a field codec nor a getter lambda is called for them.
 *
 * <p>It decorates no error: when it throws, the codec measures the value again with the interpreted
 * plan, which names the field (see {@link ProtobufCodec}).
 */
abstract class CompiledBody {
  private final boolean leaf;

  /**
   * {@code leaf}: the spun class has {@link #writeDirect}, and its records are written in one walk into
   * the encode's {@link LeafBuffer} by the size pass ({@link Sizes#measureLeaf}) and copied by the write
   * pass.
   */
  CompiledBody(boolean leaf) {
    this.leaf = leaf;
  }

  /** Whether records of this body are written in one walk (tests look). */
  final boolean isLeaf() {
    return leaf;
  }

  /** As {@link MessagePlan#bodySize}, without the field names on errors. */
  final long size(Object record, Sizes sizes) {
    return leaf ? sizes.measureLeaf(this, record) : measure(record, sizes);
  }

  /** As {@link MessagePlan#writeBody}. */
  final void write(CodedOutputStream out, Object record, Sizes sizes) throws IOException {
    if (leaf) {
      sizes.copyLeaf(out);
    } else {
      emit(out, record, sizes);
    }
  }

  /** The size pass over the record's fields (the spun {@code measure}). */
  abstract long measure(Object record, Sizes sizes);

  /** The write pass after {@link #measure} (the spun {@code emit}). */
  abstract void emit(CodedOutputStream out, Object record, Sizes sizes) throws IOException;

  /**
   * A leaf's one walk: writes the record's fields with no size pass before, checking what {@link #measure}
   * checks (limits, depth, unpaired surrogates). Only leaves have it.
   */
  void writeDirect(LeafBuffer out, Object record, Sizes sizes) {
    throw new UnsupportedOperationException("not a leaf");
  }
}
