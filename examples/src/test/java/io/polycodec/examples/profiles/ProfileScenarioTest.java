package io.polycodec.examples.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.examples.UserProfile;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

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
  void scenarioReportsEveryRepresentation() throws Exception {
    List<ProfileScenario.Result> results = ProfileScenario.run(new PrintStream(java.io.OutputStream.nullOutputStream()));
    assertTrue(results.stream().anyMatch(r -> r.status() == 406), "text/html is refused");
    assertTrue(results.stream().filter(r -> r.status() == 200).allMatch(ProfileScenario.Result::exact));
  }
}
