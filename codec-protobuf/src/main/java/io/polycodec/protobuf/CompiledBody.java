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
  private final boolean direct;
  private final boolean ahead;

  /**
   * {@code direct}: the spun class has {@link #writeDirect} (the record and everything in it can be
   * written with no size measured first). {@code ahead}: the size pass writes records of this body whole,
   * into the encode's {@link AheadBuffer} ({@link Sizes#writeAhead}), and the write pass copies them.
   */
  CompiledBody(boolean direct, boolean ahead) {
    this.direct = direct;
    this.ahead = ahead;
  }

  /** Whether {@link #writeDirect} serves (a parent that is written directly calls it). */
  final boolean isDirect() {
    return direct;
  }

  /** Whether records of this body are written ahead by the size pass (tests look). */
  final boolean writesAhead() {
    return ahead;
  }

  /** As {@link MessagePlan#bodySize}, without the field names on errors. */
  final long size(Object record, Sizes sizes) {
    return ahead ? sizes.writeAhead(this, record) : measure(record, sizes);
  }

  /** As {@link MessagePlan#writeBody}. */
  final void write(CodedOutputStream out, Object record, Sizes sizes) throws IOException {
    if (ahead) {
      sizes.copyAhead(out);
    } else {
      emit(out, record, sizes);
    }
  }

  /** The size pass over the record's fields (the spun {@code measure}); bodies written ahead have none. */
  long measure(Object record, Sizes sizes) {
    throw new UnsupportedOperationException("written ahead");
  }

  /** The write pass after {@link #measure} (the spun {@code emit}); bodies written ahead have none. */
  void emit(CodedOutputStream out, Object record, Sizes sizes) throws IOException {
    throw new UnsupportedOperationException("written ahead");
  }

  /**
   * Writes the record's fields with nothing measured before, checking what {@link #measure} checks
   * (limits, depth, unpaired surrogates); nested messages and packed lists get their length when they
   * are written ({@link AheadBuffer#endLength}). Only direct bodies have it.
   */
  void writeDirect(AheadBuffer out, Object record, Sizes sizes) {
    throw new UnsupportedOperationException("not written directly");
  }
}
