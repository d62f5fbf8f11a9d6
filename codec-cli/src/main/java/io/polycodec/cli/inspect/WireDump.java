package io.polycodec.cli.inspect;

import io.polycodec.cli.PayloadException;
import io.polycodec.schema.RecordSchema;
import java.io.PrintStream;

/**
 * A wire-level dump of one payload for debugging: every element with its byte offset, what the format
 * says about it (tags, wire types, lengths, vtables, offsets) and its raw value. It prints as far as
 * the bytes make sense, then stops with a {@link PayloadException} naming the offset where they stop
 * making sense. Never reads outside the payload, never allocates by a length the payload claims.
 */
public interface WireDump {
  /** Most nesting levels followed; deeper ones are an error, as in the decoders. */
  int MAX_DEPTH = 100;

  /**
   * Dumps {@code payload} to {@code out}.
   *
   * @param schema names fields where the format needs it to (FlatBuffers), or null
   * @throws PayloadException where the payload is malformed, after printing what came before
   */
  void dump(byte[] payload, RecordSchema schema, PrintStream out);

  /** The dump of the format named {@code format}, or null if there is none for it. */
  static WireDump forFormat(String format) {
    return switch (format) {
      case "protobuf" -> new ProtobufDump();
      case "msgpack" -> new MsgpackDump();
      case "flatbuffers" -> new FlatBuffersDump();
      default -> null;
    };
  }
}
