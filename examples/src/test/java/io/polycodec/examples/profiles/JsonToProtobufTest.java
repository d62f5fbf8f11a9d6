package io.polycodec.examples.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.examples.UserProfile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The JSON-to-Protobuf move: one record served to the old JSON clients (Polycodec JSON), to clients and
 * gateways that speak protobuf's own JSON mapping (grpc-gateway, Envoy's transcoder), and as binary
 * Protobuf, by one server; each answer decodes to the same record.
 */
class JsonToProtobufTest {
  private static final List<String> THREE = List.of("application/json", "application/protobuf+json",
      "application/x-protobuf");

  @Test
  void theSameRecordInPolycodecJsonProtobufJsonAndBinaryProtobuf() throws Exception {
    UserProfile ada = UserProfile.sample();
    try (ProfileServer server = ProfileServer.start(Map.of(ada.id(), ada))) {
      assertTrue(server.offered().containsAll(THREE), server.offered().toString());
      ProfileClient client = new ProfileClient(server.baseUri());
      Map<String, ProfileClient.Response> answers = new java.util.LinkedHashMap<>();
      for (String type : THREE) {
        ProfileClient.Response r = client.get(ada.id(), type);
        assertEquals(200, r.status(), type);
        assertEquals(type, r.contentType());
        assertEquals(ada, ProfileClient.decode(r), type);
        answers.put(type, r);
      }
      String polycodecJson = new String(answers.get("application/json").body(), StandardCharsets.UTF_8);
      String protobufJson = new String(answers.get("application/protobuf+json").body(), StandardCharsets.UTF_8);
      // the two JSON dialects differ where protobuf's mapping says so: 64-bit integers are strings there
      assertTrue(polycodecJson.contains("\"id\":1048576"), polycodecJson);
      assertTrue(protobufJson.contains("\"id\":\"1048576\""), protobufJson);
      assertTrue(protobufJson.contains("\"createdAt\":\"2021-03-14T15:09:26.535897Z\""), protobufJson);
      assertTrue(answers.get("application/x-protobuf").body().length < answers.get("application/protobuf+json").body().length);
    }
  }

  @Test
  void aProtobufJsonClientIsNotServedPolycodecJson() throws Exception {
    UserProfile ada = UserProfile.sample();
    try (ProfileServer server = ProfileServer.start(Map.of(ada.id(), ada))) {
      ProfileClient.Response r = new ProfileClient(server.baseUri())
          .get(ada.id(), "application/protobuf+json, application/json;q=0.5");
      assertEquals("application/protobuf+json", r.contentType());
      assertEquals(ada, ProfileClient.decode(r));
    }
  }
}
