package io.polycodec.examples.spring;

import io.polycodec.Codecs;
import io.polycodec.examples.UserProfile;
import io.polycodec.spring.CodecCatalog;
import io.polycodec.spring.PolycodecHttpMessageConverter;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Runs {@link ProfileService} on a free port of 127.0.0.1 and plays the JSON-to-Protobuf migration
 * against it over HTTP: the legacy JSON client, a new client asking for each binary format, a client
 * that writes Protobuf while an old one reads JSON, a typed RestClient, and the 406 and 400 answers.
 *
 * <pre>./mvnw -B -ntp -pl examples-spring -am package -DskipTests -Pspring-demo</pre>
 *
 * With the argument {@code serve} it only starts the service, on 127.0.0.1:8080, and keeps it running.
 */
public final class SpringProfileDemo {
  private SpringProfileDemo() {}

  /** What the demo observed. */
  public record Summary(Map<String, Integer> bytesByMediaType, boolean everyAnswerDecodedToTheStoredProfile,
      int notAcceptableStatus, int badBodyStatus, String badBodyMessage, boolean protobufWriteSeenByJsonReader,
      boolean typedClientReadProtobuf) {}

  /** Runs the demo (or, with {@code serve}, the service alone). */
  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("serve")) {
      SpringApplication.run(ProfileService.class, "--server.address=127.0.0.1", "--server.port=8080");
      return;
    }
    run(System.out);
  }

  /** Starts the service, plays the scenario printing to {@code out}, stops the service. */
  public static Summary run(PrintStream out) {
    try (ConfigurableApplicationContext context = SpringApplication.run(ProfileService.class,
        "--server.port=0", "--server.address=127.0.0.1", "--spring.main.banner-mode=off",
        "--logging.level.root=WARN", "--logging.level.org.springframework.web=ERROR")) {
      URI base = URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
      return play(base, context.getBean(CodecCatalog.class), out);
    }
  }

  private static Summary play(URI base, CodecCatalog catalog, PrintStream out) {
    RestClient raw = RestClient.create();
    URI user = base.resolve("/users/" + UserProfile.sample().id());
    out.println("User-profile service on Spring Boot at " + base + " (one @RestController, no format named in it)");
    out.println("  formats served: " + catalog.formats().stream().map(f -> f.name()).toList());

    Map<String, Integer> sizes = new LinkedHashMap<>();
    boolean allDecoded = true;
    String[] accepts = {null, "application/x-protobuf", "application/msgpack", "application/x-flatbuffers"};
    for (String accept : accepts) {
      Reply r = send(raw, HttpMethod.GET, user, accept, null, null);
      String type = String.valueOf(r.contentType());
      UserProfile decoded = Codecs.forMediaType(type, UserProfile.class).decode(r.body());
      allDecoded &= r.status() == 200 && decoded.equals(UserProfile.sample());
      sizes.put(type, r.body().length);
      out.printf("  GET  Accept: %-26s -> %d %-26s %4d bytes%n", accept == null ? "(none, a legacy client)" : accept,
          r.status(), type, r.body().length);
    }

    Reply refused = send(raw, HttpMethod.GET, user, "text/csv", null, null);
    out.printf("  GET  Accept: %-26s -> %d%n", "text/csv", refused.status());

    UserProfile s = UserProfile.sample();
    UserProfile updated = new UserProfile(s.id(), s.username(), s.displayName(), s.email(), s.createdAt(), s.status(),
        s.addresses(), s.roles(), s.preferences(), s.loginCount() + 1, s.reputation(), s.verified());
    byte[] proto = Codecs.get("protobuf", UserProfile.class).encode(updated);
    Reply put = send(raw, HttpMethod.PUT, user, "application/x-protobuf", "application/x-protobuf", proto);
    Reply jsonAfter = send(raw, HttpMethod.GET, user, "application/json", null, null);
    boolean seen = put.status() == 200
        && Codecs.get("json", UserProfile.class).decode(jsonAfter.body()).loginCount() == s.loginCount() + 1;
    out.printf("  PUT  Content-Type: application/x-protobuf  -> %d; a JSON client then reads loginCount %d%n",
        put.status(), Codecs.get("json", UserProfile.class).decode(jsonAfter.body()).loginCount());

    byte[] truncated = Arrays.copyOf(proto, proto.length - 5);
    Reply bad = send(raw, HttpMethod.PUT, user, "application/json", "application/x-protobuf", truncated);
    String message = new String(bad.body(), StandardCharsets.UTF_8).trim();
    out.printf("  PUT  %d truncated Protobuf bytes          -> %d %s%n", truncated.length, bad.status(), message);

    // A Spring client with the same converter reads records directly (Framework 7's converter builder).
    RestClient typed = RestClient.builder()
        .configureMessageConverters(c -> c.addCustomConverter(new PolycodecHttpMessageConverter(catalog)))
        .build();
    UserProfile viaTyped = typed.get().uri(user).accept(MediaType.parseMediaType("application/x-protobuf"))
        .retrieve().body(UserProfile.class);
    boolean typedOk = updated.equals(viaTyped);
    out.println("  RestClient with PolycodecHttpMessageConverter, Accept Protobuf: read " + (typedOk ? "the same profile" : viaTyped));

    int json = sizes.getOrDefault("application/json", 0);
    int pb = sizes.getOrDefault("application/x-protobuf", 0);
    out.printf("Summary: JSON %d bytes -> Protobuf %d bytes (%d%%), all answers decoded: %s, 406 %s, 400 %s%n",
        json, pb, json == 0 ? 0 : Math.round(100.0 * pb / json), allDecoded ? "yes" : "NO",
        refused.status() == 406 ? "yes" : "NO", bad.status() == 400 ? "yes" : "NO");
    return new Summary(sizes, allDecoded, refused.status(), bad.status(), message, seen, typedOk);
  }

  private record Reply(int status, MediaType contentType, byte[] body) {}

  private static Reply send(RestClient client, HttpMethod method, URI uri, String accept, String contentType, byte[] body) {
    RestClient.RequestBodySpec spec = client.method(method).uri(uri);
    if (accept != null) {
      spec.header(HttpHeaders.ACCEPT, accept);
    }
    if (contentType != null) {
      spec.header(HttpHeaders.CONTENT_TYPE, contentType);
    }
    if (body != null) {
      spec.body(body);
    }
    return spec.exchange((request, response) -> new Reply(response.getStatusCode().value(),
        response.getHeaders().getContentType(), response.getBody().readAllBytes()));
  }
}
