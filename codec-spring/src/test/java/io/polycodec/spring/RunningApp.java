package io.polycodec.spring;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * A Spring Boot application running on a free port of 127.0.0.1, and a RestClient that sends raw
 * bytes to it and hands back status, Content-Type and body whatever the status. Started with
 * {@link SpringApplication#run} rather than {@code @SpringBootTest}, so the same tests run under
 * Spring Boot 4 on JUnit 5 and under Spring Boot 3.
 */
final class RunningApp implements AutoCloseable {
  private final ConfigurableApplicationContext context;
  private final URI base;
  private final RestClient client;

  private RunningApp(ConfigurableApplicationContext context) {
    this.context = context;
    int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    this.base = URI.create("http://127.0.0.1:" + port);
    // The JDK's client sends no Accept unless told to (Reactor Netty's, picked by default when it is on
    // the class path, sends */*), so "no Accept" means what it says.
    this.client = RestClient.builder().requestFactory(new JdkClientHttpRequestFactory()).build();
  }

  static RunningApp start(Class<?> app, String... extraArgs) {
    List<String> args = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
        "--spring.main.banner-mode=off", "--logging.level.root=WARN",
        // The test of a DecodeException thrown by a controller expects the 500 Tomcat logs.
        "--logging.level.org.apache.catalina.core=OFF"));
    args.addAll(List.of(extraArgs));
    return new RunningApp(SpringApplication.run(app, args.toArray(new String[0])));
  }

  ConfigurableApplicationContext context() {
    return context;
  }

  URI uri(String path) {
    return base.resolve(path);
  }

  /** What came back. */
  record Reply(int status, MediaType contentType, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  Reply get(String path, String accept) {
    return exchange(HttpMethod.GET, path, accept, null, null);
  }

  Reply post(String path, String accept, String contentType, byte[] body) {
    return exchange(HttpMethod.POST, path, accept, contentType, body);
  }

  Reply exchange(HttpMethod method, String path, String accept, String contentType, byte[] body) {
    RestClient.RequestBodySpec spec = client.method(method).uri(uri(path));
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

  @Override
  public void close() {
    context.close();
  }
}
