package io.polycodec.examples.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Spring example runs end to end on a real server and shows what its output claims. */
class SpringProfileDemoTest {

  @Test
  void theMigrationPlaysOutOverHttp() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    SpringProfileDemo.Summary s = SpringProfileDemo.run(new PrintStream(printed, true, StandardCharsets.UTF_8));
    String text = printed.toString(StandardCharsets.UTF_8);
    assertEquals(List.of("application/json", "application/x-protobuf", "application/msgpack", "application/x-flatbuffers"),
        List.copyOf(s.bytesByMediaType().keySet()), text);
    assertTrue(s.everyAnswerDecodedToTheStoredProfile(), text);
    assertTrue(s.bytesByMediaType().get("application/x-protobuf") < s.bytesByMediaType().get("application/json"), text);
    assertEquals(406, s.notAcceptableStatus(), text);
    assertEquals(400, s.badBodyStatus(), text);
    assertTrue(s.badBodyMessage().startsWith("protobuf: at offset "), s.badBodyMessage());
    assertTrue(s.protobufWriteSeenByJsonReader(), text);
    assertTrue(s.typedClientReadProtobuf(), text);
    assertTrue(text.contains("Summary: JSON "), text);
  }
}
