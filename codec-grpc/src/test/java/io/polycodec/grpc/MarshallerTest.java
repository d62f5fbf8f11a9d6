package io.polycodec.grpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Drainable;
import io.grpc.KnownLength;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.polycodec.CodecOptions;
import io.polycodec.Codecs;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.Limits;
import io.polycodec.grpc.Greeter.HelloRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The marshaller alone: what gRPC sees of it, with no server. */
class MarshallerTest {
  private static final HelloRequest REQUEST = new HelloRequest("Ada", 3, List.of("a", "b"), Optional.of("hey"));

  /** A stream gRPC might hand over, of unknown length (as from an interceptor that wraps the stream). */
  private static InputStream unknownLength(byte[] bytes) {
    return new FilterInputStream(new ByteArrayInputStream(bytes)) {};
  }

  /** A stream of known length, as gRPC's own transports give. */
  private static final class Known extends ByteArrayInputStream implements KnownLength {
    Known(byte[] bytes) {
      super(bytes);
    }
  }

  @Test
  void streamsTheCodecsBytesWithTheirLengthKnownAndDrainable() throws Exception {
    CodecMarshaller<HelloRequest> m = CodecMarshaller.of("protobuf", HelloRequest.class);
    byte[] expected = Codecs.get("protobuf", HelloRequest.class).encode(REQUEST);

    InputStream s = m.stream(REQUEST);
    assertInstanceOf(KnownLength.class, s);
    assertEquals(expected.length, s.available());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(expected.length, ((Drainable) s).drainTo(out));
    assertArrayEquals(expected, out.toByteArray());
    assertEquals(0, s.available());
    assertEquals(-1, s.read());
  }

  @Test
  void parsesStreamsOfKnownAndUnknownLength() {
    for (String format : List.of("protobuf", "msgpack", "json")) {
      CodecMarshaller<HelloRequest> m = CodecMarshaller.of(format, HelloRequest.class);
      byte[] bytes = m.codec().encode(REQUEST);
      assertEquals(REQUEST, m.parse(new Known(bytes)), format);
      assertEquals(REQUEST, m.parse(unknownLength(bytes)), format);
      assertEquals(HelloRequest.class, m.getMessageClass());
    }
  }

  @Test
  void badBytesAreInternalWithTheDecodeErrorAsMessageAndCause() {
    CodecMarshaller<HelloRequest> m = CodecMarshaller.of("msgpack", HelloRequest.class);
    byte[] bad = {(byte) 0xc1};  // never used in MessagePack
    String decodeError = assertThrows(DecodeException.class, () -> m.codec().decode(bad)).getMessage();

    for (InputStream in : List.of(new Known(bad), unknownLength(bad))) {
      StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> m.parse(in));
      assertEquals(Status.Code.INTERNAL, e.getStatus().getCode());
      assertEquals("cannot decode " + HelloRequest.class.getName() + ": " + decodeError, e.getStatus().getDescription());
      assertInstanceOf(DecodeException.class, e.getCause());
    }
  }

  @Test
  void aMessageOverTheCodecsLimitIsRejectedBeforeItIsRead() {
    CodecMarshaller<HelloRequest> m = CodecMarshaller.of("protobuf", HelloRequest.class,
        CodecOptions.defaults().withLimits(Limits.defaults().withMaxMessageBytes(8)));
    byte[] bytes = Codecs.get("protobuf", HelloRequest.class).encode(REQUEST);
    assertTrue(bytes.length > 8);
    Known in = new Known(bytes);

    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> m.parse(in));
    assertEquals(Status.Code.INTERNAL, e.getStatus().getCode());
    assertTrue(e.getStatus().getDescription().contains("message of " + bytes.length + " bytes exceeds the limit of 8"),
        e.getStatus().getDescription());
    assertEquals(bytes.length, in.available(), "nothing was read");
    assertThrows(StatusRuntimeException.class, () -> m.parse(unknownLength(bytes)));
  }

  @Test
  void aValueThatCannotBeEncodedIsInternalWithTheEncodeError() {
    CodecMarshaller<HelloRequest> m = CodecMarshaller.of("json", HelloRequest.class);
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> m.stream(new HelloRequest(null, 1, List.of(), Optional.empty())));
    assertEquals(Status.Code.INTERNAL, e.getStatus().getCode());
    assertInstanceOf(EncodeException.class, e.getCause());
    assertTrue(e.getStatus().getDescription().contains("HelloRequest.name"), e.getStatus().getDescription());
    assertThrows(StatusRuntimeException.class, () -> m.stream(null));
  }

  @Test
  void aPrototypeMarshallerBehavesAsItsMarshallerAndNamesThePrototype() {
    CodecMarshaller<HelloRequest> m = CodecMarshaller.of("protobuf", HelloRequest.class);
    HelloRequest prototype = new HelloRequest("", 0, List.of(), Optional.empty());
    PrototypeCodecMarshaller<HelloRequest> p = m.withPrototype(prototype);
    assertSame(prototype, p.getMessagePrototype());
    assertEquals(HelloRequest.class, p.getMessageClass());
    assertEquals(REQUEST, p.parse(p.stream(REQUEST)));
    assertThrows(StatusRuntimeException.class, () -> p.parse(new Known(new byte[] {0x0f})));

    @SuppressWarnings({"unchecked", "rawtypes"})
    CodecMarshaller<Object> raw = (CodecMarshaller) m;
    assertThrows(IllegalArgumentException.class, () -> raw.withPrototype("not a HelloRequest"));
  }
}
