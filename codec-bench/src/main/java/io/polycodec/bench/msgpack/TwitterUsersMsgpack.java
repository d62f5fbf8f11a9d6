package io.polycodec.bench.msgpack;

import io.polycodec.bench.model.TwitterUser;
import io.polycodec.bench.model.TwitterUsers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;

/** {@link TwitterUsers} with msgpack-core by hand: all 40 fields of each user. */
public final class TwitterUsersMsgpack implements MsgpackMapping<TwitterUsers> {

  @Override
  public void write(MessagePacker p, TwitterUsers v) throws IOException {
    p.packMapHeader(1);
    p.packString("users").packArrayHeader(v.users().size());
    for (TwitterUser u : v.users()) {
      writeUser(p, u);
    }
  }

  private static void writeUser(MessagePacker p, TwitterUser u) throws IOException {
    p.packMapHeader(36 + (u.url().isPresent() ? 1 : 0) + (u.utcOffset().isPresent() ? 1 : 0)
        + (u.timeZone().isPresent() ? 1 : 0) + (u.profileBannerUrl().isPresent() ? 1 : 0));
    p.packString("id").packLong(u.id());
    p.packString("id_str").packString(u.idStr());
    p.packString("name").packString(u.name());
    p.packString("screen_name").packString(u.screenName());
    p.packString("location").packString(u.location());
    p.packString("description").packString(u.description());
    if (u.url().isPresent()) {
      p.packString("url").packString(u.url().get());
    }
    p.packString("entities");
    writeEntities(p, u.entities());
    p.packString("protected").packBoolean(u.protectedTweets());
    p.packString("followers_count").packInt(u.followersCount());
    p.packString("friends_count").packInt(u.friendsCount());
    p.packString("listed_count").packInt(u.listedCount());
    p.packString("created_at").packString(u.createdAt());
    p.packString("favourites_count").packInt(u.favouritesCount());
    if (u.utcOffset().isPresent()) {
      p.packString("utc_offset").packInt(u.utcOffset().getAsInt());
    }
    if (u.timeZone().isPresent()) {
      p.packString("time_zone").packString(u.timeZone().get());
    }
    p.packString("geo_enabled").packBoolean(u.geoEnabled());
    p.packString("verified").packBoolean(u.verified());
    p.packString("statuses_count").packInt(u.statusesCount());
    p.packString("lang").packString(u.lang());
    p.packString("contributors_enabled").packBoolean(u.contributorsEnabled());
    p.packString("is_translator").packBoolean(u.isTranslator());
    p.packString("is_translation_enabled").packBoolean(u.isTranslationEnabled());
    p.packString("profile_background_color").packString(u.profileBackgroundColor());
    p.packString("profile_background_image_url").packString(u.profileBackgroundImageUrl());
    p.packString("profile_background_image_url_https").packString(u.profileBackgroundImageUrlHttps());
    p.packString("profile_background_tile").packBoolean(u.profileBackgroundTile());
    p.packString("profile_image_url").packString(u.profileImageUrl());
    p.packString("profile_image_url_https").packString(u.profileImageUrlHttps());
    if (u.profileBannerUrl().isPresent()) {
      p.packString("profile_banner_url").packString(u.profileBannerUrl().get());
    }
    p.packString("profile_link_color").packString(u.profileLinkColor());
    p.packString("profile_sidebar_border_color").packString(u.profileSidebarBorderColor());
    p.packString("profile_sidebar_fill_color").packString(u.profileSidebarFillColor());
    p.packString("profile_text_color").packString(u.profileTextColor());
    p.packString("profile_use_background_image").packBoolean(u.profileUseBackgroundImage());
    p.packString("default_profile").packBoolean(u.defaultProfile());
    p.packString("default_profile_image").packBoolean(u.defaultProfileImage());
    p.packString("following").packBoolean(u.following());
    p.packString("follow_request_sent").packBoolean(u.followRequestSent());
    p.packString("notifications").packBoolean(u.notifications());
  }

  private static void writeEntities(MessagePacker p, TwitterUser.Entities e) throws IOException {
    p.packMapHeader(1 + (e.url().isPresent() ? 1 : 0));
    if (e.url().isPresent()) {
      p.packString("url");
      writeUrls(p, e.url().get());
    }
    p.packString("description");
    writeUrls(p, e.description());
  }

  private static void writeUrls(MessagePacker p, TwitterUser.UrlEntities e) throws IOException {
    p.packMapHeader(1);
    p.packString("urls").packArrayHeader(e.urls().size());
    for (TwitterUser.UrlEntity url : e.urls()) {
      p.packMapHeader(4);
      p.packString("url").packString(url.url());
      p.packString("expanded_url").packString(url.expandedUrl());
      p.packString("display_url").packString(url.displayUrl());
      p.packString("indices").packArrayHeader(url.indices().size());
      for (int index : url.indices()) {
        p.packInt(index);
      }
    }
  }

  @Override
  public TwitterUsers read(MessageUnpacker u) throws IOException {
    List<TwitterUser> users = List.of();
    for (int i = u.unpackMapHeader(); i > 0; i--) {
      if (u.unpackString().equals("users")) {
        int n = u.unpackArrayHeader();
        users = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
          users.add(readUser(u));
        }
      } else {
        u.skipValue();
      }
    }
    return new TwitterUsers(users);
  }

  private static TwitterUser readUser(MessageUnpacker u) throws IOException {
    long id = 0;
    String idStr = "";
    String name = "";
    String screenName = "";
    String location = "";
    String description = "";
    Optional<String> url = Optional.empty();
    TwitterUser.Entities entities = null;
    boolean protectedTweets = false;
    int followersCount = 0;
    int friendsCount = 0;
    int listedCount = 0;
    String createdAt = "";
    int favouritesCount = 0;
    OptionalInt utcOffset = OptionalInt.empty();
    Optional<String> timeZone = Optional.empty();
    boolean geoEnabled = false;
    boolean verified = false;
    int statusesCount = 0;
    String lang = "";
    boolean contributorsEnabled = false;
    boolean isTranslator = false;
    boolean isTranslationEnabled = false;
    String profileBackgroundColor = "";
    String profileBackgroundImageUrl = "";
    String profileBackgroundImageUrlHttps = "";
    boolean profileBackgroundTile = false;
    String profileImageUrl = "";
    String profileImageUrlHttps = "";
    Optional<String> profileBannerUrl = Optional.empty();
    String profileLinkColor = "";
    String profileSidebarBorderColor = "";
    String profileSidebarFillColor = "";
    String profileTextColor = "";
    boolean profileUseBackgroundImage = false;
    boolean defaultProfile = false;
    boolean defaultProfileImage = false;
    boolean following = false;
    boolean followRequestSent = false;
    boolean notifications = false;
    for (int i = u.unpackMapHeader(); i > 0; i--) {
      switch (u.unpackString()) {
        case "id": id = u.unpackLong(); break;
        case "id_str": idStr = u.unpackString(); break;
        case "name": name = u.unpackString(); break;
        case "screen_name": screenName = u.unpackString(); break;
        case "location": location = u.unpackString(); break;
        case "description": description = u.unpackString(); break;
        case "url": url = Optional.of(u.unpackString()); break;
        case "entities": entities = readEntities(u); break;
        case "protected": protectedTweets = u.unpackBoolean(); break;
        case "followers_count": followersCount = u.unpackInt(); break;
        case "friends_count": friendsCount = u.unpackInt(); break;
        case "listed_count": listedCount = u.unpackInt(); break;
        case "created_at": createdAt = u.unpackString(); break;
        case "favourites_count": favouritesCount = u.unpackInt(); break;
        case "utc_offset": utcOffset = OptionalInt.of(u.unpackInt()); break;
        case "time_zone": timeZone = Optional.of(u.unpackString()); break;
        case "geo_enabled": geoEnabled = u.unpackBoolean(); break;
        case "verified": verified = u.unpackBoolean(); break;
        case "statuses_count": statusesCount = u.unpackInt(); break;
        case "lang": lang = u.unpackString(); break;
        case "contributors_enabled": contributorsEnabled = u.unpackBoolean(); break;
        case "is_translator": isTranslator = u.unpackBoolean(); break;
        case "is_translation_enabled": isTranslationEnabled = u.unpackBoolean(); break;
        case "profile_background_color": profileBackgroundColor = u.unpackString(); break;
        case "profile_background_image_url": profileBackgroundImageUrl = u.unpackString(); break;
        case "profile_background_image_url_https": profileBackgroundImageUrlHttps = u.unpackString(); break;
        case "profile_background_tile": profileBackgroundTile = u.unpackBoolean(); break;
        case "profile_image_url": profileImageUrl = u.unpackString(); break;
        case "profile_image_url_https": profileImageUrlHttps = u.unpackString(); break;
        case "profile_banner_url": profileBannerUrl = Optional.of(u.unpackString()); break;
        case "profile_link_color": profileLinkColor = u.unpackString(); break;
        case "profile_sidebar_border_color": profileSidebarBorderColor = u.unpackString(); break;
        case "profile_sidebar_fill_color": profileSidebarFillColor = u.unpackString(); break;
        case "profile_text_color": profileTextColor = u.unpackString(); break;
        case "profile_use_background_image": profileUseBackgroundImage = u.unpackBoolean(); break;
        case "default_profile": defaultProfile = u.unpackBoolean(); break;
        case "default_profile_image": defaultProfileImage = u.unpackBoolean(); break;
        case "following": following = u.unpackBoolean(); break;
        case "follow_request_sent": followRequestSent = u.unpackBoolean(); break;
        case "notifications": notifications = u.unpackBoolean(); break;
        default: u.skipValue(); break;
      }
    }
    return new TwitterUser(id, idStr, name, screenName, location, description, url, entities, protectedTweets,
        followersCount, friendsCount, listedCount, createdAt, favouritesCount, utcOffset, timeZone, geoEnabled,
        verified, statusesCount, lang, contributorsEnabled, isTranslator, isTranslationEnabled,
        profileBackgroundColor, profileBackgroundImageUrl, profileBackgroundImageUrlHttps, profileBackgroundTile,
        profileImageUrl, profileImageUrlHttps, profileBannerUrl, profileLinkColor, profileSidebarBorderColor,
        profileSidebarFillColor, profileTextColor, profileUseBackgroundImage, defaultProfile, defaultProfileImage,
        following, followRequestSent, notifications);
  }

  private static TwitterUser.Entities readEntities(MessageUnpacker u) throws IOException {
    Optional<TwitterUser.UrlEntities> url = Optional.empty();
    TwitterUser.UrlEntities description = new TwitterUser.UrlEntities(List.of());
    for (int i = u.unpackMapHeader(); i > 0; i--) {
      switch (u.unpackString()) {
        case "url": url = Optional.of(readUrls(u)); break;
        case "description": description = readUrls(u); break;
        default: u.skipValue(); break;
      }
    }
    return new TwitterUser.Entities(url, description);
  }

  private static TwitterUser.UrlEntities readUrls(MessageUnpacker u) throws IOException {
    List<TwitterUser.UrlEntity> urls = List.of();
    for (int i = u.unpackMapHeader(); i > 0; i--) {
      if (u.unpackString().equals("urls")) {
        int n = u.unpackArrayHeader();
        urls = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
          urls.add(readUrl(u));
        }
      } else {
        u.skipValue();
      }
    }
    return new TwitterUser.UrlEntities(urls);
  }

  private static TwitterUser.UrlEntity readUrl(MessageUnpacker u) throws IOException {
    String url = "";
    String expandedUrl = "";
    String displayUrl = "";
    List<Integer> indices = List.of();
    for (int i = u.unpackMapHeader(); i > 0; i--) {
      switch (u.unpackString()) {
        case "url": url = u.unpackString(); break;
        case "expanded_url": expandedUrl = u.unpackString(); break;
        case "display_url": displayUrl = u.unpackString(); break;
        case "indices": {
          int n = u.unpackArrayHeader();
          indices = new ArrayList<>(n);
          for (int j = 0; j < n; j++) {
            indices.add(u.unpackInt());
          }
          break;
        }
        default: u.skipValue(); break;
      }
    }
    return new TwitterUser.UrlEntity(url, expandedUrl, displayUrl, indices);
  }
}
