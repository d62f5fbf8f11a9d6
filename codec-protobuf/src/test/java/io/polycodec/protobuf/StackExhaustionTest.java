package io.polycodec.protobuf;

import io.polycodec.CodecOptions;
import io.polycodec.tck.StackExhaustion;
import org.junit.jupiter.api.Test;

/** Depth beyond the thread's stack is a DecodeException (EncodeException), not a StackOverflowError (issue 14). */
class StackExhaustionTest {
  @Test
  void aValueDeeperThanTheStackFailsCleanly() {
    StackExhaustion.check(new ProtobufProvider(), CodecOptions.defaults());
  }
}
