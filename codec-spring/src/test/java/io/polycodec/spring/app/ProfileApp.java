package io.polycodec.spring.app;

import io.polycodec.Codecs;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/**
 * The Spring Boot application the tests start on a random loopback port. Nothing in it mentions a
 * format: codec-spring's auto-configuration adds them all.
 */
@SpringBootApplication
public class ProfileApp {

  /** Plain Spring MVC endpoints taking and returning a record. */
  @RestController
  public static class ProfileController {
    /** One profile, in whatever format the client accepts. */
    @GetMapping("/users/{id}")
    public Profile get(@PathVariable long id) {
      return Profile.sample(id);
    }

    /** Echoes the profile it was sent (in any format), with the id replaced. */
    @PostMapping("/users/{id}")
    public Profile put(@PathVariable long id, @RequestBody Profile profile) {
      return new Profile(id, profile.username(), profile.email(), profile.createdAt(), profile.status(),
          profile.addresses(), profile.roles(), profile.preferences());
    }

    /** Several profiles (WebFlux writes each as a length-delimited frame). */
    @GetMapping("/users")
    public Flux<Profile> all() {
      return Flux.just(Profile.sample(1), Profile.sample(2), Profile.sample(3));
    }

    /** A stream of profiles in, the same with ids doubled out (WebFlux only). */
    @PostMapping("/users")
    public Flux<Profile> doubled(@RequestBody Flux<Profile> in) {
      return in.map(p -> new Profile(p.id() * 2, p.username(), p.email(), p.createdAt(), p.status(), p.addresses(),
          p.roles(), p.preferences()));
    }

    /** Not a record: Spring's own converters (Jackson) still answer. */
    @GetMapping("/stats")
    public Map<String, Object> stats() {
      return Map.of("users", 2);
    }

    /** Not a record either: a body Jackson cannot read is Spring's usual 400, not Polycodec's. */
    @PostMapping("/stats")
    public Map<String, Object> postStats(@RequestBody Map<String, Object> body) {
      return body;
    }

    /** The Accept header as the server received it, so tests know what "no Accept" really sent. */
    @GetMapping("/accept")
    public String accept(@RequestHeader(name = "Accept", required = false) String accept) {
      return accept == null ? "(none)" : accept;
    }

    /** A DecodeException from the application's own code is a server failure, not the client's 400. */
    @GetMapping("/broken")
    public Profile broken() {
      return Codecs.get("json", Profile.class).decode(new byte[] {'{'});
    }
  }
}
