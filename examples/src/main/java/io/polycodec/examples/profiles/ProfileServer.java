package io.polycodec.examples.profiles;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.polycodec.Codec;
import io.polycodec.Codecs;
import io.polycodec.Format;
import io.polycodec.examples.UserProfile;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A user-profile service on the JDK's built-in HTTP server: {@code GET /users/{id}} answers with one
 * {@link UserProfile} record in whichever representation the {@code Accept} header asks for (Polycodec
 * JSON for the service's existing clients, binary Protobuf, protobuf's own JSON mapping for clients and
 * gateways that speak it, MessagePack: every format on the class path), and 406 Not Acceptable otherwise. It listens
 * on the loopback address only, on a free port.
 */
public final class ProfileServer implements AutoCloseable {
  /** The representations offered, in order of preference, among those whose codecs are present. */
  static final List<String> PREFERRED = List.of("application/json", "application/x-protobuf",
      "application/protobuf+json", "application/msgpack");

  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<Long, UserProfile> users;
  private final List<String> offered;

  private ProfileServer(Map<Long, UserProfile> users) throws IOException {
    this.users = Map.copyOf(users);
    this.offered = offered();
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    this.executor = Executors.newFixedThreadPool(2);
    server.setExecutor(executor);
    server.createContext("/users/", this::handle);
    server.start();
  }

  /** Starts a server holding {@code users}. */
  public static ProfileServer start(Map<Long, UserProfile> users) throws IOException {
    return new ProfileServer(users);
  }

  /** The media types this server can produce. */
  public List<String> offered() {
    List<String> out = new ArrayList<>();
    for (String type : PREFERRED) {
      for (Format f : Codecs.formats()) {
        if (f.matchesMediaType(type)) {
          out.add(type);
        }
      }
    }
    return out;
  }

  /** The base URI, such as {@code http://127.0.0.1:40123}. */
  public URI baseUri() {
    InetSocketAddress a = server.getAddress();
    return URI.create("http://" + a.getAddress().getHostAddress() + ":" + a.getPort());
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      if (!ex.getRequestMethod().equals("GET")) {
        send(ex, 405, "text/plain", "only GET\n".getBytes(StandardCharsets.UTF_8));
        return;
      }
      String idText = ex.getRequestURI().getPath().substring("/users/".length());
      UserProfile user;
      try {
        user = users.get(Long.parseLong(idText));
      } catch (NumberFormatException e) {
        user = null;
      }
      if (user == null) {
        send(ex, 404, "text/plain", ("no user " + idText + "\n").getBytes(StandardCharsets.UTF_8));
        return;
      }
      Optional<String> type = ContentNegotiation.choose(ex.getRequestHeaders().getFirst("Accept"), offered);
      if (type.isEmpty()) {
        send(ex, 406, "text/plain", ("not acceptable; available: " + String.join(", ", offered) + "\n")
            .getBytes(StandardCharsets.UTF_8));
        return;
      }
      Codec<UserProfile> codec = Codecs.forMediaType(type.get(), UserProfile.class);
      send(ex, 200, type.get(), codec.encode(user));
    }
  }

  private static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", contentType);
    ex.getResponseHeaders().set("Vary", "Accept");
    ex.sendResponseHeaders(status, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
