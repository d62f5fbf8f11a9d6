package io.polycodec.examples.profiles;

import io.polycodec.Codec;
import io.polycodec.Codecs;
import io.polycodec.examples.UserProfile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Fetches a profile in a chosen representation and decodes it with the codec its Content-Type names. */
public final class ProfileClient {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;

  /** A client of the server at {@code base}. */
  public ProfileClient(URI base) {
    this.base = base;
  }

  /** One response: status, content type and body. */
  public record Response(int status, String contentType, byte[] body) {}

  /** GET /users/{id} with the given Accept header. */
  public Response get(long id, String accept) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(base.resolve("/users/" + id))
        .timeout(Duration.ofSeconds(10))
        .header("Accept", accept)
        .GET()
        .build();
    HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
  }

  /** Decodes a 200 response with the codec for its Content-Type. */
  public static UserProfile decode(Response r) {
    Codec<UserProfile> codec = Codecs.forMediaType(r.contentType(), UserProfile.class);
    return codec.decode(r.body());
  }
}
