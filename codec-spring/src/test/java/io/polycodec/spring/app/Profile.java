package io.polycodec.spring.app;

import io.polycodec.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The record the test service serves; src/test/proto/user_profile.proto is its Protobuf schema. */
public record Profile(
    @Tag(1) long id,
    @Tag(2) String username,
    @Tag(3) Optional<String> email,
    @Tag(4) Instant createdAt,
    @Tag(5) Status status,
    @Tag(6) List<Address> addresses,
    @Tag(7) List<String> roles,
    @Tag(8) Map<String, String> preferences) {

  /** Account state. */
  public enum Status { ACTIVE, SUSPENDED, DELETED }

  /** A postal address. */
  public record Address(@Tag(1) String street, @Tag(2) String city) {}

  /** A profile with every field set, and text outside ASCII. */
  public static Profile sample(long id) {
    return new Profile(id, "ada.lovelace", Optional.of("ada@example.org"),
        Instant.parse("2021-03-14T15:09:26.535897Z"), Status.SUSPENDED,
        List.of(new Address("12 St James's Square", "London"), new Address("Ockham Park", "Ockham — Surrey")),
        List.of("admin", "editor"), Map.of("theme", "dark", "language", "en-GB"));
  }
}
