package io.polycodec.examples.spring;

import io.polycodec.examples.UserProfile;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The user-profile service of {@code examples/} (there on the JDK's HttpServer) as a Spring Boot
 * application. The controller is what a JSON service already has; with codec-spring and the format
 * modules on the class path it also speaks Protobuf, MessagePack and FlatBuffers, chosen by
 * {@code Accept} and {@code Content-Type}. No format is named anywhere in it.
 */
@SpringBootApplication
public class ProfileService {

  /** {@code GET} and {@code PUT /users/{id}} over an in-memory store seeded with one profile. */
  @RestController
  public static class ProfileController {
    private final Map<Long, UserProfile> users = new ConcurrentHashMap<>(
        Map.of(UserProfile.sample().id(), UserProfile.sample()));

    /** The profile, in the format the client accepts; 404 if there is none. */
    @GetMapping("/users/{id}")
    public UserProfile get(@PathVariable long id) {
      UserProfile user = users.get(id);
      if (user == null) {
        throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no user " + id);
      }
      return user;
    }

    /** Stores the profile sent, in any format, under {@code id}, and answers with it. */
    @PutMapping("/users/{id}")
    public UserProfile put(@PathVariable long id, @RequestBody UserProfile profile) {
      if (profile.id() != id) {
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "the body's id " + profile.id() + " is not " + id);
      }
      users.put(id, profile);
      return profile;
    }
  }
}
