package io.polycodec.bench.model;

import io.polycodec.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A service's user profile: 14 fields with a nested address list, an enum, timestamps (one optional),
 * a string map and every scalar kind a typical API object carries.
 */
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
    @Tag(12) boolean verified,
    @Tag(13) String locale,
    @Tag(14) Optional<Instant> lastLoginAt) {

  /** Account state. */
  public enum Status { ACTIVE, SUSPENDED, DELETED }

  /** A postal address. */
  public record Address(
      @Tag(1) String street, @Tag(2) String city, @Tag(3) String postalCode, @Tag(4) String country) {}
}
