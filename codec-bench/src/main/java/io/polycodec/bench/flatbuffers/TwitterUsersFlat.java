package io.polycodec.bench.flatbuffers;

import com.google.flatbuffers.FlatBufferBuilder;
import io.polycodec.bench.flatbuffers.gen.Entities;
import io.polycodec.bench.flatbuffers.gen.UrlEntities;
import io.polycodec.bench.flatbuffers.gen.UrlEntity;
import io.polycodec.bench.model.TwitterUser;
import io.polycodec.bench.model.TwitterUsers;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** {@link TwitterUsers} with flatc's generated classes by hand: all 40 fields of each user. */
public final class TwitterUsersFlat implements FlatMapping<TwitterUsers> {
  private static final int UTC_OFFSET_SLOT = 14;

  @Override
  public int build(FlatBufferBuilder b, TwitterUsers v) {
    int[] users = new int[v.users().size()];
    for (int i = 0; i < users.length; i++) {
      users[i] = buildUser(b, v.users().get(i));
    }
    return io.polycodec.bench.flatbuffers.gen.TwitterUsers.createTwitterUsers(b,
        io.polycodec.bench.flatbuffers.gen.TwitterUsers.createUsersVector(b, users));
  }

  private static int buildUser(FlatBufferBuilder b, TwitterUser u) {
    int idStr = b.createString(u.idStr());
    int name = b.createString(u.name());
    int screenName = b.createString(u.screenName());
    int location = b.createString(u.location());
    int description = b.createString(u.description());
    int url = u.url().isPresent() ? b.createString(u.url().get()) : 0;
    int entitiesUrl = u.entities().url().isPresent() ? buildUrls(b, u.entities().url().get()) : 0;
    int entitiesDescription = buildUrls(b, u.entities().description());
    Entities.startEntities(b);
    if (entitiesUrl != 0) {
      Entities.addUrl(b, entitiesUrl);
    }
    Entities.addDescription(b, entitiesDescription);
    int entities = Entities.endEntities(b);
    int createdAt = b.createString(u.createdAt());
    int timeZone = u.timeZone().isPresent() ? b.createString(u.timeZone().get()) : 0;
    int lang = b.createString(u.lang());
    int backgroundColor = b.createString(u.profileBackgroundColor());
    int backgroundImageUrl = b.createString(u.profileBackgroundImageUrl());
    int backgroundImageUrlHttps = b.createString(u.profileBackgroundImageUrlHttps());
    int imageUrl = b.createString(u.profileImageUrl());
    int imageUrlHttps = b.createString(u.profileImageUrlHttps());
    int bannerUrl = u.profileBannerUrl().isPresent() ? b.createString(u.profileBannerUrl().get()) : 0;
    int linkColor = b.createString(u.profileLinkColor());
    int sidebarBorderColor = b.createString(u.profileSidebarBorderColor());
    int sidebarFillColor = b.createString(u.profileSidebarFillColor());
    int textColor = b.createString(u.profileTextColor());

    io.polycodec.bench.flatbuffers.gen.TwitterUser.startTwitterUser(b);
    io.polycodec.bench.flatbuffers.gen.TwitterUser.addId(b, u.id());
    io.polycodec.bench.flatbuffers.gen.TwitterUser.addIdStr(b, idStr);
    io.polycodec.bench.flatbuffers.gen.TwitterUser.addName(b, name);
    io.polycodec.bench.flatbuffers.gen.TwitterUser.addScreenName(b, screenName);
    io.polycodec.bench.flatbuffers.gen.TwitterUser.addLocation(b, location);
    io.polycodec.bench.flatbuffers.gen.TwitterUser.addDescription(b, description);
    if (url != 0) {
      io.polycodec.bench.flatbuffers.gen.TwitterUser.addUrl(b, url);
    }
    io.polycodec.bench.flatbuffers.gen.TwitterUser.addEntities(b, entities);
    io.polycodec.bench.flatbuffers.gen.TwitterUser.addProtected(b, u.protectedTweets());
    io.polycodec.bench.flatbuffers.gen.TwitterUser.addFollowersCount(b, u.followersCount());
    io.polycodec.bench.flatbuffers.gen.TwitterUser.addFriendsCount(b, u.friendsCount());
    io.polycodec.bench.flatbuffers.gen.TwitterUser.addListedCount(b, u.listedCount());
    io.polycodec.bench.flatbuffers.gen.TwitterUser.addCreatedAt(b, createdAt);
    io.polycodec.bench.flatbuffers.gen.TwitterUser.addFavouritesCount(b, u.favouritesCount());
    if (u.utcOffset().isPresent()) {
      FlatFields.addPresentInt(b, UTC_OFFSET_SLOT, u.utcOffset().getAsInt());
    }
    if (timeZone != 0) {
      io.polycodec.bench.flatbuffers.gen.TwitterUser.addTimeZone(b, timeZone);
    }
    io.polycodec.bench.flatbuffers.gen.TwitterUser.addGeoEnabled(b, u.geoEnabled());
    io.polycodec.bench.flatbuffers.gen.TwitterUser.addVerified(b, u.verified());
    io.polycodec.bench.flatbuffers.gen.TwitterUser.addStatusesCount(b, u.statusesCount());
    io.polycodec.bench.flatbuffers.gen.TwitterUser.addLang(b, lang);
    io.polycodec.bench.flatbuffers.gen.TwitterUser.addContributorsEnabled(b, u.contributorsEnabled());
    io.polycodec.bench.flatbuffers.gen.TwitterUser.addIsTranslator(b, u.isTranslator());
    io.polycodec.bench.flatbuffers.gen.TwitterUser.addIsTranslationEnabled(b, u.isTranslationEnabled());
    io.polycodec.bench.flatbuffers.gen.TwitterUser.addProfileBackgroundColor(b, backgroundColor);
    io.polycodec.bench.flatbuffers.gen.TwitterUser.addProfileBackgroundImageUrl(b, backgroundImageUrl);
    io.polycodec.bench.flatbuffers.gen.TwitterUser.addProfileBackgroundImageUrlHttps(b, backgroundImageUrlHttps);
    io.polycodec.bench.flatbuffers.gen.TwitterUser.addProfileBackgroundTile(b, u.profileBackgroundTile());
    io.polycodec.bench.flatbuffers.gen.TwitterUser.addProfileImageUrl(b, imageUrl);
    io.polycodec.bench.flatbuffers.gen.TwitterUser.addProfileImageUrlHttps(b, imageUrlHttps);
    if (bannerUrl != 0) {
      io.polycodec.bench.flatbuffers.gen.TwitterUser.addProfileBannerUrl(b, bannerUrl);
    }
    io.polycodec.bench.flatbuffers.gen.TwitterUser.addProfileLinkColor(b, linkColor);
    io.polycodec.bench.flatbuffers.gen.TwitterUser.addProfileSidebarBorderColor(b, sidebarBorderColor);
    io.polycodec.bench.flatbuffers.gen.TwitterUser.addProfileSidebarFillColor(b, sidebarFillColor);
    io.polycodec.bench.flatbuffers.gen.TwitterUser.addProfileTextColor(b, textColor);
    io.polycodec.bench.flatbuffers.gen.TwitterUser.addProfileUseBackgroundImage(b, u.profileUseBackgroundImage());
    io.polycodec.bench.flatbuffers.gen.TwitterUser.addDefaultProfile(b, u.defaultProfile());
    io.polycodec.bench.flatbuffers.gen.TwitterUser.addDefaultProfileImage(b, u.defaultProfileImage());
    io.polycodec.bench.flatbuffers.gen.TwitterUser.addFollowing(b, u.following());
    io.polycodec.bench.flatbuffers.gen.TwitterUser.addFollowRequestSent(b, u.followRequestSent());
    io.polycodec.bench.flatbuffers.gen.TwitterUser.addNotifications(b, u.notifications());
    return io.polycodec.bench.flatbuffers.gen.TwitterUser.endTwitterUser(b);
  }

  private static int buildUrls(FlatBufferBuilder b, TwitterUser.UrlEntities e) {
    int[] urls = new int[e.urls().size()];
    for (int i = 0; i < urls.length; i++) {
      TwitterUser.UrlEntity url = e.urls().get(i);
      int[] indices = new int[url.indices().size()];
      for (int j = 0; j < indices.length; j++) {
        indices[j] = url.indices().get(j);
      }
      urls[i] = UrlEntity.createUrlEntity(b, b.createString(url.url()), b.createString(url.expandedUrl()),
          b.createString(url.displayUrl()), UrlEntity.createIndicesVector(b, indices));
    }
    return UrlEntities.createUrlEntities(b, UrlEntities.createUrlsVector(b, urls));
  }

  @Override
  public TwitterUsers read(ByteBuffer buffer) {
    io.polycodec.bench.flatbuffers.gen.TwitterUsers m =
        io.polycodec.bench.flatbuffers.gen.TwitterUsers.getRootAsTwitterUsers(buffer);
    int n = m.usersLength();
    List<TwitterUser> users = new ArrayList<>(n);
    io.polycodec.bench.flatbuffers.gen.TwitterUser u = new io.polycodec.bench.flatbuffers.gen.TwitterUser();
    for (int i = 0; i < n; i++) {
      m.users(u, i);
      users.add(readUser(u));
    }
    return new TwitterUsers(users);
  }

  private static TwitterUser readUser(io.polycodec.bench.flatbuffers.gen.TwitterUser u) {
    Entities e = u.entities();
    UrlEntities entitiesUrl = e == null ? null : e.url();
    UrlEntities entitiesDescription = e == null ? null : e.description();
    TwitterUser.Entities entities = new TwitterUser.Entities(
        entitiesUrl == null ? Optional.empty() : Optional.of(readUrls(entitiesUrl)),
        entitiesDescription == null ? new TwitterUser.UrlEntities(List.of()) : readUrls(entitiesDescription));
    return new TwitterUser(
        u.id(),
        FlatFields.orEmpty(u.idStr()),
        FlatFields.orEmpty(u.name()),
        FlatFields.orEmpty(u.screenName()),
        FlatFields.orEmpty(u.location()),
        FlatFields.orEmpty(u.description()),
        Optional.ofNullable(u.url()),
        entities,
        u.protected_(),
        u.followersCount(),
        u.friendsCount(),
        u.listedCount(),
        FlatFields.orEmpty(u.createdAt()),
        u.favouritesCount(),
        u.hasUtcOffset() ? OptionalInt.of(u.utcOffset()) : OptionalInt.empty(),
        Optional.ofNullable(u.timeZone()),
        u.geoEnabled(),
        u.verified(),
        u.statusesCount(),
        FlatFields.orEmpty(u.lang()),
        u.contributorsEnabled(),
        u.isTranslator(),
        u.isTranslationEnabled(),
        FlatFields.orEmpty(u.profileBackgroundColor()),
        FlatFields.orEmpty(u.profileBackgroundImageUrl()),
        FlatFields.orEmpty(u.profileBackgroundImageUrlHttps()),
        u.profileBackgroundTile(),
        FlatFields.orEmpty(u.profileImageUrl()),
        FlatFields.orEmpty(u.profileImageUrlHttps()),
        Optional.ofNullable(u.profileBannerUrl()),
        FlatFields.orEmpty(u.profileLinkColor()),
        FlatFields.orEmpty(u.profileSidebarBorderColor()),
        FlatFields.orEmpty(u.profileSidebarFillColor()),
        FlatFields.orEmpty(u.profileTextColor()),
        u.profileUseBackgroundImage(),
        u.defaultProfile(),
        u.defaultProfileImage(),
        u.following(),
        u.followRequestSent(),
        u.notifications());
  }

  private static TwitterUser.UrlEntities readUrls(UrlEntities e) {
    int n = e.urlsLength();
    List<TwitterUser.UrlEntity> urls = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      UrlEntity url = e.urls(i);
      List<Integer> indices = new ArrayList<>(url.indicesLength());
      for (int j = 0; j < url.indicesLength(); j++) {
        indices.add(url.indices(j));
      }
      urls.add(new TwitterUser.UrlEntity(FlatFields.orEmpty(url.url()), FlatFields.orEmpty(url.expandedUrl()),
          FlatFields.orEmpty(url.displayUrl()), indices));
    }
    return new TwitterUser.UrlEntities(urls);
  }
}
