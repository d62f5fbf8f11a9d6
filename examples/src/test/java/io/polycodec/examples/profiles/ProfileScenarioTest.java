package io.polycodec.examples.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.examples.UserProfile;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileScenarioTest {
  private static final List<String> OFFERED = List.of("application/json", "application/x-protobuf", "application/msgpack");

  @Test
  void negotiationFollowsQualityAndOrder() {
    assertEquals(Optional.of("application/json"), ContentNegotiation.choose(null, OFFERED));
    assertEquals(Optional.of("application/json"), ContentNegotiation.choose("*/*", OFFERED));
    assertEquals(Optional.of("application/x-protobuf"), ContentNegotiation.choose("application/x-protobuf", OFFERED));
    assertEquals(Optional.of("application/msgpack"),
        ContentNegotiation.choose("application/json;q=0.5, application/msgpack", OFFERED));
    assertEquals(Optional.of("application/x-protobuf"),
        ContentNegotiation.choose("application/*;q=0.8, application/json;q=0", List.of("application/json", "application/x-protobuf")));
    assertEquals(Optional.empty(), ContentNegotiation.choose("text/html, image/png", OFFERED));
    assertEquals(Optional.empty(), ContentNegotiation.choose("application/json;q=0", OFFERED));
  }

  @Test
  void serverNegotiatesAndRefuses() throws Exception {
    UserProfile ada = UserProfile.sample();
    try (ProfileServer server = ProfileServer.start(Map.of(ada.id(), ada))) {
      assertTrue(server.offered().containsAll(List.of("application/json", "application/x-protobuf")), server.offered().toString());
      ProfileClient client = new ProfileClient(server.baseUri());
      for (String type : server.offered()) {
        ProfileClient.Response r = client.get(ada.id(), type);
        assertEquals(200, r.status(), type);
        assertEquals(type, r.contentType());
        assertEquals(ada, ProfileClient.decode(r), type + " round trip");
      }
      assertEquals(406, client.get(ada.id(), "text/html").status());
      assertEquals(404, client.get(42, "application/json").status());
    }
  }

  @Test
  void protobufIsSmallerThanJsonAndEveryAnswerIsExact(@TempDir Path dir) throws Exception {
    ProfileScenario.Outcome o = ProfileScenario.run(new PrintStream(java.io.OutputStream.nullOutputStream()), dir);
    assertTrue(o.results().stream().anyMatch(r -> r.status() == 406), "text/html is refused");
    assertTrue(o.results().stream().filter(r -> r.status() == 200).allMatch(ProfileScenario.Result::exact));
    int json = size(o, "application/json");
    int proto = size(o, "application/x-protobuf");
    assertTrue(proto < json, "protobuf " + proto + " < json " + json);
    String protoText = Files.readString(o.protoFile());
    assertTrue(protoText.contains("message UserProfile"), protoText);
    assertTrue(protoText.contains("syntax = \"proto3\""), protoText);
  }

  private static int size(ProfileScenario.Outcome o, String type) {
    return o.results().stream().filter(r -> r.contentType().equals(type)).findFirst().orElseThrow().bytes();
  }

  @Test
  void addingAFieldIsSafeAndARenameOnlyWhereFieldsAreNumbered() {
    List<ProfileEvolution.Verdict> v = ProfileEvolution.check(List.of("protobuf", "json"));
    assertTrue(find(v, "add optional phone", "protobuf").backward());
    assertTrue(find(v, "add optional phone", "protobuf").forward());
    assertTrue(find(v, "add optional phone", "json").backward());
    assertTrue(find(v, "add optional phone", "json").forward());
    assertTrue(find(v, "rename displayName", "protobuf").backward(), "protobuf keys fields by number");
    assertFalse(find(v, "rename displayName", "json").backward(), "json keys fields by name");
    assertTrue(find(v, "rename displayName", "json").reason().contains("displayName"), find(v, "rename displayName", "json").reason());
  }

  private static ProfileEvolution.Verdict find(List<ProfileEvolution.Verdict> all, String change, String format) {
    return all.stream().filter(x -> x.change().equals(change) && x.format().equals(format)).findFirst().orElseThrow();
  }
}
