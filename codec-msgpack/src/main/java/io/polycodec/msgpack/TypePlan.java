package io.polycodec.msgpack;

import java.io.IOException;

/**
 * One node of a compiled plan: how values of one schema type are written and read. Built once per codec
 * by {@link PlanCompiler}; immutable afterwards (record plans are completed before the codec is published)
 * and shared by all threads.
 */
abstract class TypePlan {
  /**
   * Writes a non-null value in its canonical Java form.
   *
   * @throws io.polycodec.EncodeException if it cannot be written; the caller adds the path
   */
  abstract void write(EncodeContext cx, Object value) throws IOException;

  /**
   * Reads a value (never nil: callers handle nil before).
   *
   * @throws io.polycodec.DecodeException for bad input; the caller adds the path
   */
  abstract Object read(MsgpackReader in);
}
