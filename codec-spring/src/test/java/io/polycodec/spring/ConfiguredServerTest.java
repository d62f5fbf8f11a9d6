package io.polycodec.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.Codecs;
import io.polycodec.spring.app.Profile;
import io.polycodec.spring.app.ProfileApp;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The same application configured by properties: fewer formats in another order, an option, a limit. */
class ConfiguredServerTest {
  private static RunningApp app;

  @BeforeAll
  static void start() {
    app = RunningApp.start(ProfileApp.class, "--polycodec.formats=protobuf,json",
        "--polycodec.options.json.pretty=true", "--polycodec.limits.max-message-bytes=1000");
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void theFirstFormatListedAnswersClientsThatAcceptAnything() {
    RunningApp.Reply r = app.get("/users/1", "*/*");
    assertEquals("application/x-protobuf", r.contentType().toString());
    assertEquals(Profile.sample(1), Codecs.get("protobuf", Profile.class).decode(r.body()));
  }

  @Test
  void aFormatLeftOutIsNotServed() {
    assertEquals(406, app.get("/users/1", "application/msgpack").status());
    byte[] msgpack = Codecs.get("msgpack", Profile.class).encode(Profile.sample(1));
    assertEquals(415, app.post("/users/1", "application/json", "application/msgpack", msgpack).status());
  }

  @Test
  void formatOptionsComeFromProperties() {
    String json = app.get("/users/1", "application/json").text();
    assertTrue(json.startsWith("{\n"), json);
    assertEquals(Profile.sample(1), Codecs.get("json", Profile.class).decode(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aBodyOverTheLimitIs400WithTheLimitNamed() {
    Profile s = Profile.sample(1);
    Profile large = new Profile(1, "x".repeat(1000), s.email(), s.createdAt(), s.status(), s.addresses(), s.roles(),
        s.preferences());
    byte[] big = Codecs.get("json", Profile.class).encode(large);
    RunningApp.Reply r = app.post("/users/1", "application/x-protobuf", "application/json", big);
    assertEquals(400, r.status(), r.text());
    assertTrue(r.text().startsWith("json: ") && r.text().contains("limit of 1000 bytes"), r.text());
    byte[] small = Codecs.get("protobuf", Profile.class).encode(Profile.sample(1));

    assertEquals(200, app.post("/users/1", "application/x-protobuf", "application/x-protobuf", small).status());
  }

  @Test
  void anAnswerOverTheLimitIsTheServersFailure() {
    Profile s = Profile.sample(1);
    Profile large = new Profile(1, "x".repeat(800), s.email(), s.createdAt(), s.status(), s.addresses(), s.roles(),
        s.preferences());
    // Under the limit as compact Protobuf, over it as pretty JSON: the limit binds encoders too.
    byte[] proto = Codecs.get("protobuf", Profile.class).encode(large);
    assertTrue(proto.length < 1000, "" + proto.length);
    assertEquals(500, app.post("/users/1", "application/json", "application/x-protobuf", proto).status());
    assertEquals(200, app.post("/users/1", "application/x-protobuf", "application/x-protobuf", proto).status());
  }
}
