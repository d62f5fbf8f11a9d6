package io.polycodec.bench.protobuf;

import com.google.protobuf.Descriptors;
import com.google.protobuf.Parser;
import io.polycodec.bench.model.UserProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link UserProfile} ↔ the generated {@code polycodec.bench.UserProfile}. */
public final class UserProfileMapping
    implements ProtoMapping<UserProfile, io.polycodec.bench.protobuf.gen.UserProfile> {
  private static final UserProfile.Status[] STATUSES = UserProfile.Status.values();

  @Override
  public io.polycodec.bench.protobuf.gen.UserProfile toProto(UserProfile v) {
    io.polycodec.bench.protobuf.gen.UserProfile.Builder b = io.polycodec.bench.protobuf.gen.UserProfile.newBuilder()
        .setId(v.id())
        .setUsername(v.username())
        .setDisplayName(v.displayName())
        .setCreatedAt(ProtoTime.toProto(v.createdAt()))
        .setStatusValue(v.status().ordinal())
        .addAllRoles(v.roles())
        .putAllPreferences(v.preferences())
        .setLoginCount(v.loginCount())
        .setReputation(v.reputation())
        .setVerified(v.verified())
        .setLocale(v.locale());
    v.email().ifPresent(b::setEmail);
    v.lastLoginAt().ifPresent(t -> b.setLastLoginAt(ProtoTime.toProto(t)));
    for (UserProfile.Address a : v.addresses()) {
      b.addAddresses(io.polycodec.bench.protobuf.gen.UserProfile.Address.newBuilder()
          .setStreet(a.street())
          .setCity(a.city())
          .setPostalCode(a.postalCode())
          .setCountry(a.country()));
    }
    return b.build();
  }

  @Override
  public UserProfile fromProto(io.polycodec.bench.protobuf.gen.UserProfile m) {
    List<UserProfile.Address> addresses = new ArrayList<>(m.getAddressesCount());
    for (io.polycodec.bench.protobuf.gen.UserProfile.Address a : m.getAddressesList()) {
      addresses.add(new UserProfile.Address(a.getStreet(), a.getCity(), a.getPostalCode(), a.getCountry()));
    }
    return new UserProfile(
        m.getId(),
        m.getUsername(),
        m.getDisplayName(),
        m.hasEmail() ? Optional.of(m.getEmail()) : Optional.empty(),
        ProtoTime.fromProto(m.getCreatedAt()),
        STATUSES[m.getStatusValue()],
        addresses,
        List.copyOf(m.getRolesList()),
        Map.copyOf(m.getPreferencesMap()),
        m.getLoginCount(),
        m.getReputation(),
        m.getVerified(),
        m.getLocale(),
        m.hasLastLoginAt() ? Optional.of(ProtoTime.fromProto(m.getLastLoginAt())) : Optional.empty());
  }

  @Override
  public Parser<io.polycodec.bench.protobuf.gen.UserProfile> parser() {
    return io.polycodec.bench.protobuf.gen.UserProfile.parser();
  }

  @Override
  public Descriptors.Descriptor descriptor() {
    return io.polycodec.bench.protobuf.gen.UserProfile.getDescriptor();
  }
}
