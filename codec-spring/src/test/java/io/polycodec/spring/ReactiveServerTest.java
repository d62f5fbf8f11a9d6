package io.polycodec.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.Codec;
import io.polycodec.Codecs;
import io.polycodec.DecodeException;
import io.polycodec.Format;
import io.polycodec.spring.app.Profile;
import io.polycodec.spring.app.ProfileApp;
import io.polycodec.spring.proto.UserProfile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * The same application as {@link SpringServerTest}, run as a WebFlux application (reactive server on
 * 127.0.0.1, a free port): PolycodecEncoder and PolycodecDecoder instead of the servlet converter.
 */
class ReactiveServerTest {
  private static final List<String> FORMATS = List.of("json", "protobuf", "msgpack", "flatbuffers");
  private static RunningApp app;

  @BeforeAll
  static void start() {
    app = RunningApp.start(ProfileApp.class, "--spring.main.web-application-type=reactive");
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  private static Codec<Profile> codec(String format) {
    return Codecs.get(format, Profile.class);
  }

  private static Format format(String name) {
    return Codecs.provider(name).format();
  }

  @Test
  void itIsReallyTheReactiveStack() throws ReflectiveOperationException {
    // By reflection: the context's and the server's packages differ between Boot 3 and Boot 4.
    Object server = app.context().getClass().getMethod("getWebServer").invoke(app.context());
    System.out.println("reactive context " + app.context().getClass().getSimpleName() + " on " + server.getClass().getSimpleName());
    assertTrue(app.context().getBeanNamesForType(WebFluxConfigurer.class).length > 0);
    assertEquals(1, app.context().getBeanNamesForType(ReactiveDecodeErrorAdvice.class).length);
    assertEquals(0, app.context().getBeanNamesForType(DecodeErrorAdvice.class).length);
  }

  @Test
  void everyFormatBothWays() {
    for (String in : FORMATS) {
      for (String out : FORMATS) {
        RunningApp.Reply r = app.post("/users/99", format(out).mediaType(), format(in).mediaType(),
            codec(in).encode(Profile.sample(7)));
        assertEquals(200, r.status(), in + " -> " + out + ": " + r.text());
        assertEquals(MediaType.parseMediaType(format(out).mediaType()), r.contentType());
        assertEquals(Profile.sample(99), codec(out).decode(r.body()), in + " -> " + out);
      }
    }
  }

  @Test
  void negotiation406And415() throws IOException {
    assertEquals("application/json", app.get("/users/1", null).contentType().toString());
    assertEquals("application/msgpack",
        app.get("/users/1", "application/x-protobuf;q=0.5, application/msgpack").contentType().toString());
    assertEquals(406, app.get("/users/1", "text/csv").status());
    byte[] json = codec("json").encode(Profile.sample(1));
    assertEquals(415, app.post("/users/1", "application/json", "text/plain", json).status());
    assertEquals(Profile.sample(4).username(),
        UserProfile.parseFrom(app.get("/users/4", "application/x-protobuf").body()).getUsername());
  }

  @Test
  void badBytesAre400WithTheDecodeErrorsMessage() {
    byte[] good = codec("protobuf").encode(Profile.sample(1));
    byte[] truncated = Arrays.copyOf(good, good.length - 3);
    String expected = assertThrows(DecodeException.class, () -> codec("protobuf").decode(truncated)).getMessage();
    RunningApp.Reply r = app.post("/users/1", "application/json", "application/x-protobuf", truncated);
    assertEquals(400, r.status(), r.text());
    assertEquals(expected + "\n", r.text());
    assertEquals(500, app.get("/broken", "application/json").status());
  }

  @Test
  void fluxesAreLengthDelimitedFramesBothWays() throws IOException {
    for (String name : FORMATS) {
      RunningApp.Reply r = app.get("/users", format(name).mediaType());
      assertEquals(200, r.status(), name + ": " + r.text());
      assertEquals(List.of(Profile.sample(1), Profile.sample(2), Profile.sample(3)),
          codec(name).decodeAll(new ByteArrayInputStream(r.body())), name);

      ByteArrayOutputStream frames = new ByteArrayOutputStream();
      codec(name).encodeAll(List.of(Profile.sample(5), Profile.sample(6)), frames);
      r = app.post("/users", format(name).mediaType(), format(name).mediaType(), frames.toByteArray());
      assertEquals(200, r.status(), name + ": " + r.text());
      assertEquals(List.of(Profile.sample(10), Profile.sample(12)),
          codec(name).decodeAll(new ByteArrayInputStream(r.body())), name);
    }
  }
}
