package io.polycodec.spring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import io.polycodec.Codec;
import io.polycodec.Codecs;
import io.polycodec.DecodeException;
import io.polycodec.Format;
import io.polycodec.spring.app.Profile;
import io.polycodec.spring.app.ProfileApp;
import io.polycodec.spring.proto.Address;
import io.polycodec.spring.proto.Status;
import io.polycodec.spring.proto.UserProfile;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * A real Spring Boot application (embedded Tomcat on 127.0.0.1, a free port) with codec-spring's
 * auto-configuration, called over HTTP with RestClient: every format both ways, content negotiation,
 * the 406, 415 and 400 answers, and a protoc-generated client.
 */
class SpringServerTest {
  private static final List<String> FORMATS = List.of("json", "protobuf", "msgpack", "flatbuffers");
  private static RunningApp app;

  @BeforeAll
  static void start() {
    app = RunningApp.start(ProfileApp.class);
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
  void theAutoConfiguredCatalogServesEveryFormatOnTheClassPathJsonFirst() {
    CodecCatalog catalog = app.context().getBean(CodecCatalog.class);
    assertEquals(FORMATS, catalog.formats().stream().map(Format::name).toList());
    assertEquals(FORMATS, catalog.formatsFor(Profile.class).stream().map(Format::name).toList());
    assertTrue(catalog.formatsFor(String.class).isEmpty());
  }

  @Test
  void everyMediaTypeOfEveryFormatIsServedAndDecodesToTheSameProfile() {
    for (String name : FORMATS) {
      for (String mediaType : format(name).mediaTypes()) {
        RunningApp.Reply r = app.get("/users/42", mediaType);
        assertEquals(200, r.status(), name + " " + mediaType + ": " + r.text());
        assertEquals(MediaType.parseMediaType(mediaType), r.contentType(), name);
        assertEquals(Profile.sample(42), codec(name).decode(r.body()), name + " " + mediaType);
      }
    }
  }

  @Test
  void everyFormatIsReadFromRequestBodiesAndAnsweredInAnyOther() {
    Profile sent = Profile.sample(7);
    Profile expected = Profile.sample(99);
    for (String in : FORMATS) {
      for (String out : FORMATS) {
        RunningApp.Reply r = app.post("/users/99", format(out).mediaType(), format(in).mediaType(),
            codec(in).encode(sent));
        assertEquals(200, r.status(), in + " -> " + out + ": " + r.text());
        assertEquals(MediaType.parseMediaType(format(out).mediaType()), r.contentType());
        assertEquals(expected, codec(out).decode(r.body()), in + " -> " + out);
      }
    }
  }

  @Test
  void contentTypeParametersAndAliasesAreAccepted() {
    byte[] json = codec("json").encode(Profile.sample(1));
    RunningApp.Reply r = app.post("/users/5", "application/x-msgpack", "application/json;charset=UTF-8", json);
    assertEquals(200, r.status(), r.text());
    assertEquals(Profile.sample(5), codec("msgpack").decode(r.body()));
    r = app.post("/users/6", "application/json", "application/protobuf", codec("protobuf").encode(Profile.sample(1)));
    assertEquals(200, r.status(), r.text());
    assertEquals(Profile.sample(6), codec("json").decode(r.body()));
  }

  @Test
  void negotiationFollowsQualityThenTheCatalogsPreference() {
    assertEquals("(none)", app.get("/accept", null).text(), "the client must really send no Accept");
    assertEquals("application/json", app.get("/users/1", null).contentType().toString());
    assertEquals("application/json", app.get("/users/1", "*/*").contentType().toString());
    assertEquals("application/msgpack",
        app.get("/users/1", "application/x-protobuf;q=0.5, application/msgpack").contentType().toString());
    assertEquals("application/x-flatbuffers",
        app.get("/users/1", "application/*;q=0.1, application/x-flatbuffers").contentType().toString());
    assertEquals("application/x-protobuf",
        app.get("/users/1", "text/html, application/x-protobuf;q=0.9").contentType().toString());
  }

  @Test
  void anUnacceptableAcceptIs406() {
    RunningApp.Reply r = app.get("/users/1", "text/csv");
    assertEquals(406, r.status(), r.text());
    assertEquals(406, app.get("/users/1", "application/xml, image/png").status());
  }

  @Test
  void anUnsupportedContentTypeIs415() {
    byte[] json = codec("json").encode(Profile.sample(1));
    assertEquals(415, app.post("/users/1", "application/json", "text/plain", json).status());
    assertEquals(415, app.post("/users/1", "application/json", "application/xml", json).status());
  }

  @Test
  void badBytesAre400WithTheDecodeErrorsFormatOffsetAndPath() {
    byte[] good = codec("protobuf").encode(Profile.sample(1));
    byte[] truncated = Arrays.copyOf(good, good.length - 3);
    String expected = assertThrows(DecodeException.class, () -> codec("protobuf").decode(truncated)).getMessage();
    RunningApp.Reply r = app.post("/users/1", "application/json", "application/x-protobuf", truncated);
    assertEquals(400, r.status());
    assertEquals(MediaType.TEXT_PLAIN, new MediaType(r.contentType().getType(), r.contentType().getSubtype()));
    assertEquals(expected + "\n", r.text());
    assertTrue(r.text().startsWith("protobuf: at offset "), r.text());
    assertTrue(r.text().contains("Profile."), r.text());

    byte[] badJson = "{\"id\": 1, \"addresses\": [{\"street\": 5}]}".getBytes(StandardCharsets.UTF_8);
    r = app.post("/users/1", "application/x-protobuf", "application/json", badJson);
    assertEquals(400, r.status());
    assertTrue(r.text().startsWith("json: at offset "), r.text());
    assertTrue(r.text().contains("Profile.addresses[0].street"), r.text());

    for (String name : FORMATS) {
      r = app.post("/users/1", "application/json", format(name).mediaType(), new byte[] {(byte) 0xc1, 0x7f, 0x00});
      assertEquals(400, r.status(), name);
      assertTrue(r.text().startsWith(name + ": "), name + ": " + r.text());
    }
  }

  @Test
  void otherUnreadableBodiesKeepSpringsOwnAnswer() {
    RunningApp.Reply r = app.post("/stats", "application/json", "application/json",
        "{\"users\": ".getBytes(StandardCharsets.UTF_8));
    assertEquals(400, r.status(), r.text());
    assertTrue(MediaType.APPLICATION_JSON.isCompatibleWith(r.contentType()), r.contentType() + " " + r.text());
    assertTrue(r.text().contains("\"status\":400"), r.text());
  }

  @Test
  void aDecodeExceptionInTheApplicationsOwnCodeIsNotTheClientsFault() {
    assertEquals(500, app.get("/broken", "application/json").status());
  }

  @Test
  void typesThatAreNotRecordsStayWithSpringsOwnConverters() {
    RunningApp.Reply r = app.get("/stats", null);
    assertEquals(200, r.status());
    assertTrue(MediaType.APPLICATION_JSON.isCompatibleWith(r.contentType()), String.valueOf(r.contentType()));
    assertEquals("{\"users\":2}", r.text());
  }

  @Test
  void aProtocGeneratedClientParsesTheProtobufAnswerAndIsUnderstood() throws Exception {
    RunningApp.Reply r = app.get("/users/42", "application/x-protobuf");
    assertEquals(200, r.status());
    UserProfile generated = UserProfile.parseFrom(r.body());
    Profile sample = Profile.sample(42);
    assertEquals(42, generated.getId());
    assertEquals(sample.username(), generated.getUsername());
    assertTrue(generated.hasEmail());
    assertEquals(sample.email().orElseThrow(), generated.getEmail());
    assertEquals(sample.createdAt().getEpochSecond(), generated.getCreatedAt().getSeconds());
    assertEquals(sample.createdAt().getNano(), generated.getCreatedAt().getNanos());
    assertEquals(Status.SUSPENDED, generated.getStatus());
    assertEquals(sample.addresses().size(), generated.getAddressesCount());
    for (int i = 0; i < sample.addresses().size(); i++) {
      assertEquals(sample.addresses().get(i).street(), generated.getAddresses(i).getStreet());
      assertEquals(sample.addresses().get(i).city(), generated.getAddresses(i).getCity());
    }
    assertEquals(sample.roles(), generated.getRolesList());
    assertEquals(sample.preferences(), generated.getPreferencesMap());

    UserProfile fromClient = UserProfile.newBuilder()
        .setId(3).setUsername("grace").setCreatedAt(Timestamp.newBuilder().setSeconds(1_700_000_000).setNanos(5))
        .setStatus(Status.DELETED).addAddresses(Address.newBuilder().setStreet("1 Main St").setCity("Arlington"))
        .addRoles("admin").putPreferences("theme", "light").build();
    r = app.post("/users/8", "application/x-protobuf", "application/x-protobuf", fromClient.toByteArray());
    assertEquals(200, r.status(), r.text());
    UserProfile back = UserProfile.parseFrom(r.body());
    assertEquals(fromClient.toBuilder().setId(8).build(), back);
    assertEquals(Map.of("theme", "light"), back.getPreferencesMap());
  }
}
