package io.polycodec.grpc;

import io.grpc.Drainable;
import io.grpc.KnownLength;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * An encoded message as gRPC wants to send it: its length known up front ({@link KnownLength}, so the
 * framer writes the length prefix without buffering) and drained straight into the transport's
 * buffer ({@link Drainable}) instead of being copied through {@code read(byte[])}.
 */
final class EncodedMessage extends ByteArrayInputStream implements KnownLength, Drainable {

  EncodedMessage(byte[] bytes) {
    super(bytes);
  }

  @Override
  public int drainTo(OutputStream target) throws IOException {
    int n = count - pos;
    target.write(buf, pos, n);
    pos = count;
    return n;
  }
}
