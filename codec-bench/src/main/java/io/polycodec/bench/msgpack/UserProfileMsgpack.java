package io.polycodec.bench.msgpack;

import io.polycodec.bench.model.UserProfile;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;

/** {@link UserProfile} with msgpack-core by hand. */
public final class UserProfileMsgpack implements MsgpackMapping<UserProfile> {

  @Override
  public void write(MessagePacker p, UserProfile v) throws IOException {
    p.packMapHeader(12 + (v.email().isPresent() ? 1 : 0) + (v.lastLoginAt().isPresent() ? 1 : 0));
    p.packString("id").packLong(v.id());
    p.packString("username").packString(v.username());
    p.packString("displayName").packString(v.displayName());
    if (v.email().isPresent()) {
      p.packString("email").packString(v.email().get());
    }
    p.packString("createdAt").packTimestamp(v.createdAt());
    p.packString("status").packString(v.status().name());
    p.packString("addresses").packArrayHeader(v.addresses().size());
    for (UserProfile.Address a : v.addresses()) {
      p.packMapHeader(4);
      p.packString("street").packString(a.street());
      p.packString("city").packString(a.city());
      p.packString("postalCode").packString(a.postalCode());
      p.packString("country").packString(a.country());
    }
    p.packString("roles").packArrayHeader(v.roles().size());
    for (String r : v.roles()) {
      p.packString(r);
    }
    p.packString("preferences").packMapHeader(v.preferences().size());
    for (Map.Entry<String, String> e : v.preferences().entrySet()) {
      p.packString(e.getKey()).packString(e.getValue());
    }
    p.packString("loginCount").packInt(v.loginCount());
    p.packString("reputation").packDouble(v.reputation());
    p.packString("verified").packBoolean(v.verified());
    p.packString("locale").packString(v.locale());
    if (v.lastLoginAt().isPresent()) {
      p.packString("lastLoginAt").packTimestamp(v.lastLoginAt().get());
    }
  }

  @Override
  public UserProfile read(MessageUnpacker u) throws IOException {
    long id = 0;
    String username = "";
    String displayName = "";
    Optional<String> email = Optional.empty();
    Instant createdAt = Instant.EPOCH;
    UserProfile.Status status = UserProfile.Status.ACTIVE;
    List<UserProfile.Address> addresses = List.of();
    List<String> roles = List.of();
    Map<String, String> preferences = Map.of();
    int loginCount = 0;
    double reputation = 0;
    boolean verified = false;
    String locale = "";
    Optional<Instant> lastLoginAt = Optional.empty();
    for (int i = u.unpackMapHeader(); i > 0; i--) {
      switch (u.unpackString()) {
        case "id": id = u.unpackLong(); break;
        case "username": username = u.unpackString(); break;
        case "displayName": displayName = u.unpackString(); break;
        case "email": email = Optional.of(u.unpackString()); break;
        case "createdAt": createdAt = u.unpackTimestamp(); break;
        case "status": status = UserProfile.Status.valueOf(u.unpackString()); break;
        case "addresses": {
          int n = u.unpackArrayHeader();
          addresses = new ArrayList<>(n);
          for (int j = 0; j < n; j++) {
            addresses.add(readAddress(u));
          }
          break;
        }
        case "roles": {
          int n = u.unpackArrayHeader();
          roles = new ArrayList<>(n);
          for (int j = 0; j < n; j++) {
            roles.add(u.unpackString());
          }
          break;
        }
        case "preferences": {
          int n = u.unpackMapHeader();
          preferences = new LinkedHashMap<>();
          for (int j = 0; j < n; j++) {
            preferences.put(u.unpackString(), u.unpackString());
          }
          break;
        }
        case "loginCount": loginCount = u.unpackInt(); break;
        case "reputation": reputation = u.unpackDouble(); break;
        case "verified": verified = u.unpackBoolean(); break;
        case "locale": locale = u.unpackString(); break;
        case "lastLoginAt": lastLoginAt = Optional.of(u.unpackTimestamp()); break;
        default: u.skipValue(); break;
      }
    }
    return new UserProfile(id, username, displayName, email, createdAt, status, addresses, roles, preferences,
        loginCount, reputation, verified, locale, lastLoginAt);
  }

  private static UserProfile.Address readAddress(MessageUnpacker u) throws IOException {
    String street = "";
    String city = "";
    String postalCode = "";
    String country = "";
    for (int i = u.unpackMapHeader(); i > 0; i--) {
      switch (u.unpackString()) {
        case "street": street = u.unpackString(); break;
        case "city": city = u.unpackString(); break;
        case "postalCode": postalCode = u.unpackString(); break;
        case "country": country = u.unpackString(); break;
        default: u.skipValue(); break;
      }
    }
    return new UserProfile.Address(street, city, postalCode, country);
  }
}
