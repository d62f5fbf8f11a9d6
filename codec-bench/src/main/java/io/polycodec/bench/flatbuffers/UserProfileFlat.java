package io.polycodec.bench.flatbuffers;

import com.google.flatbuffers.FlatBufferBuilder;
import io.polycodec.bench.flatbuffers.gen.Address;
import io.polycodec.bench.flatbuffers.gen.StringEntry;
import io.polycodec.bench.flatbuffers.gen.Timestamp;
import io.polycodec.bench.model.UserProfile;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link UserProfile} with flatc's generated classes by hand. */
public final class UserProfileFlat implements FlatMapping<UserProfile> {
  private static final UserProfile.Status[] STATUSES = UserProfile.Status.values();

  @Override
  public int build(FlatBufferBuilder b, UserProfile v) {
    int username = b.createString(v.username());
    int displayName = b.createString(v.displayName());
    int email = v.email().isPresent() ? b.createString(v.email().get()) : 0;
    int[] addressOffsets = new int[v.addresses().size()];
    for (int i = 0; i < addressOffsets.length; i++) {
      UserProfile.Address a = v.addresses().get(i);
      addressOffsets[i] = Address.createAddress(b, b.createString(a.street()), b.createString(a.city()),
          b.createString(a.postalCode()), b.createString(a.country()));
    }
    int addresses = io.polycodec.bench.flatbuffers.gen.UserProfile.createAddressesVector(b, addressOffsets);
    int roles = FlatFields.stringVector(b, v.roles());
    int[] entryOffsets = new int[v.preferences().size()];
    int k = 0;
    for (Map.Entry<String, String> e : v.preferences().entrySet()) {
      entryOffsets[k++] = StringEntry.createStringEntry(b, b.createString(e.getKey()), b.createString(e.getValue()));
    }
    int preferences = io.polycodec.bench.flatbuffers.gen.UserProfile.createPreferencesVector(b, entryOffsets);
    int locale = b.createString(v.locale());

    io.polycodec.bench.flatbuffers.gen.UserProfile.startUserProfile(b);
    io.polycodec.bench.flatbuffers.gen.UserProfile.addId(b, v.id());
    io.polycodec.bench.flatbuffers.gen.UserProfile.addUsername(b, username);
    io.polycodec.bench.flatbuffers.gen.UserProfile.addDisplayName(b, displayName);
    if (email != 0) {
      io.polycodec.bench.flatbuffers.gen.UserProfile.addEmail(b, email);
    }
    io.polycodec.bench.flatbuffers.gen.UserProfile.addCreatedAt(b,
        Timestamp.createTimestamp(b, v.createdAt().getEpochSecond(), v.createdAt().getNano()));
    io.polycodec.bench.flatbuffers.gen.UserProfile.addStatus(b, v.status().ordinal());
    io.polycodec.bench.flatbuffers.gen.UserProfile.addAddresses(b, addresses);
    io.polycodec.bench.flatbuffers.gen.UserProfile.addRoles(b, roles);
    io.polycodec.bench.flatbuffers.gen.UserProfile.addPreferences(b, preferences);
    io.polycodec.bench.flatbuffers.gen.UserProfile.addLoginCount(b, v.loginCount());
    io.polycodec.bench.flatbuffers.gen.UserProfile.addReputation(b, v.reputation());
    io.polycodec.bench.flatbuffers.gen.UserProfile.addVerified(b, v.verified());
    io.polycodec.bench.flatbuffers.gen.UserProfile.addLocale(b, locale);
    if (v.lastLoginAt().isPresent()) {
      Instant t = v.lastLoginAt().get();
      io.polycodec.bench.flatbuffers.gen.UserProfile.addLastLoginAt(b,
          Timestamp.createTimestamp(b, t.getEpochSecond(), t.getNano()));
    }
    return io.polycodec.bench.flatbuffers.gen.UserProfile.endUserProfile(b);
  }

  @Override
  public UserProfile read(ByteBuffer buffer) {
    io.polycodec.bench.flatbuffers.gen.UserProfile m =
        io.polycodec.bench.flatbuffers.gen.UserProfile.getRootAsUserProfile(buffer);
    int n = m.addressesLength();
    List<UserProfile.Address> addresses = new ArrayList<>(n);
    Address a = new Address();
    for (int i = 0; i < n; i++) {
      m.addresses(a, i);
      addresses.add(new UserProfile.Address(FlatFields.orEmpty(a.street()), FlatFields.orEmpty(a.city()),
          FlatFields.orEmpty(a.postalCode()), FlatFields.orEmpty(a.country())));
    }
    List<String> roles = new ArrayList<>(m.rolesLength());
    for (int i = 0; i < m.rolesLength(); i++) {
      roles.add(m.roles(i));
    }
    Map<String, String> preferences = new LinkedHashMap<>();
    StringEntry e = new StringEntry();
    for (int i = 0; i < m.preferencesLength(); i++) {
      m.preferences(e, i);
      preferences.put(e.key(), e.value());
    }
    Timestamp last = m.lastLoginAt();
    return new UserProfile(
        m.id(),
        FlatFields.orEmpty(m.username()),
        FlatFields.orEmpty(m.displayName()),
        Optional.ofNullable(m.email()),
        FlatFields.instant(m.createdAt()),
        STATUSES[m.status()],
        addresses,
        roles,
        preferences,
        m.loginCount(),
        m.reputation(),
        m.verified(),
        FlatFields.orEmpty(m.locale()),
        last == null ? Optional.empty() : Optional.of(FlatFields.instant(last)));
  }
}
