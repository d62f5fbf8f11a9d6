package io.polycodec.examples;

import io.polycodec.Tag;
import io.polycodec.evolution.Snapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The user profile a legacy JSON service returns, as a plain record. The {@code @Tag} numbers are what
 * Protobuf, FlatBuffers and compact MessagePack put on the wire; they must never change, and the build
 * checks that they do not: {@code @Snapshot} puts the record under polycodec-maven-plugin's guard
 * (its history is {@code examples/src/main/schema-history}).
 */
@Snapshot
public record UserProfile(
    @Tag(1) long id,
    @Tag(2) String username,
    @Tag(3) String displayName,
    @Tag(4) Optional<String> email,
    @Tag(5) Instant createdAt,
    @Tag(6) Status status,
    @Tag(7) List<Address> addresses,
    @Tag(8) List<String> roles,
    @Tag(9) Map<String, String> preferences,
    @Tag(10) int loginCount,
    @Tag(11) double reputation,
    @Tag(12) boolean verified) {

  /** Account state. */
  public enum Status { ACTIVE, SUSPENDED, DELETED }

  /** A postal address. */
  public record Address(@Tag(1) String street, @Tag(2) String city, @Tag(3) String postalCode, @Tag(4) String country) {}

  /** A realistic profile with every field set. */
  public static UserProfile sample() {
    return new UserProfile(
        1_048_576L,
        "ada.lovelace",
        "Ada Lovelace — Analytical Engine",
        Optional.of("ada@example.org"),
        Instant.parse("2021-03-14T15:09:26.535897Z"),
        Status.ACTIVE,
        List.of(
            new Address("12 St James's Square", "London", "SW1Y 4JH", "GB"),
            new Address("Ockham Park", "Ockham", "GU23 6NP", "GB")),
        List.of("admin", "editor", "reviewer"),
        Map.of("theme", "dark", "language", "en-GB", "timezone", "Europe/London"),
        1_337,
        4_812.75,
        true);
  }
}
