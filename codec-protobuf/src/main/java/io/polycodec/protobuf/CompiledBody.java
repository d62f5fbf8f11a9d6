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
  /** As {@link MessagePlan#bodySize}, without the field names on errors. */
  abstract long size(Object record, Sizes sizes);

  /** As {@link MessagePlan#writeBody}. */
  abstract void write(CodedOutputStream out, Object record, Sizes sizes) throws IOException;
}
