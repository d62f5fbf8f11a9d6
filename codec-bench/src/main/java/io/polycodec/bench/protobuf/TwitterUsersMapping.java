package io.polycodec.bench.protobuf;

import com.google.protobuf.Descriptors;
import com.google.protobuf.Parser;
import io.polycodec.bench.model.TwitterUser;
import io.polycodec.bench.model.TwitterUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** {@link TwitterUsers} ↔ the generated {@code polycodec.bench.TwitterUsers}: all 40 fields by hand. */
public final class TwitterUsersMapping
    implements ProtoMapping<TwitterUsers, io.polycodec.bench.protobuf.gen.TwitterUsers> {

  @Override
  public io.polycodec.bench.protobuf.gen.TwitterUsers toProto(TwitterUsers v) {
    io.polycodec.bench.protobuf.gen.TwitterUsers.Builder b = io.polycodec.bench.protobuf.gen.TwitterUsers.newBuilder();
    for (TwitterUser u : v.users()) {
      b.addUsers(toProto(u));
    }
    return b.build();
  }

  private static io.polycodec.bench.protobuf.gen.TwitterUser toProto(TwitterUser u) {
    io.polycodec.bench.protobuf.gen.TwitterUser.Entities.Builder eb =
        io.polycodec.bench.protobuf.gen.TwitterUser.Entities.newBuilder()
            .setDescription(toProto(u.entities().description()));
    u.entities().url().ifPresent(url -> eb.setUrl(toProto(url)));
    io.polycodec.bench.protobuf.gen.TwitterUser.Builder b = io.polycodec.bench.protobuf.gen.TwitterUser.newBuilder()
        .setId(u.id())
        .setIdStr(u.idStr())
        .setName(u.name())
        .setScreenName(u.screenName())
        .setLocation(u.location())
        .setDescription(u.description())
        .setEntities(eb)
        .setProtected(u.protectedTweets())
        .setFollowersCount(u.followersCount())
        .setFriendsCount(u.friendsCount())
        .setListedCount(u.listedCount())
        .setCreatedAt(u.createdAt())
        .setFavouritesCount(u.favouritesCount())
        .setGeoEnabled(u.geoEnabled())
        .setVerified(u.verified())
        .setStatusesCount(u.statusesCount())
        .setLang(u.lang())
        .setContributorsEnabled(u.contributorsEnabled())
        .setIsTranslator(u.isTranslator())
        .setIsTranslationEnabled(u.isTranslationEnabled())
        .setProfileBackgroundColor(u.profileBackgroundColor())
        .setProfileBackgroundImageUrl(u.profileBackgroundImageUrl())
        .setProfileBackgroundImageUrlHttps(u.profileBackgroundImageUrlHttps())
        .setProfileBackgroundTile(u.profileBackgroundTile())
        .setProfileImageUrl(u.profileImageUrl())
        .setProfileImageUrlHttps(u.profileImageUrlHttps())
        .setProfileLinkColor(u.profileLinkColor())
        .setProfileSidebarBorderColor(u.profileSidebarBorderColor())
        .setProfileSidebarFillColor(u.profileSidebarFillColor())
        .setProfileTextColor(u.profileTextColor())
        .setProfileUseBackgroundImage(u.profileUseBackgroundImage())
        .setDefaultProfile(u.defaultProfile())
        .setDefaultProfileImage(u.defaultProfileImage())
        .setFollowing(u.following())
        .setFollowRequestSent(u.followRequestSent())
        .setNotifications(u.notifications());
    u.url().ifPresent(b::setUrl);
    u.utcOffset().ifPresent(b::setUtcOffset);
    u.timeZone().ifPresent(b::setTimeZone);
    u.profileBannerUrl().ifPresent(b::setProfileBannerUrl);
    return b.build();
  }

  private static io.polycodec.bench.protobuf.gen.TwitterUser.UrlEntities toProto(TwitterUser.UrlEntities e) {
    io.polycodec.bench.protobuf.gen.TwitterUser.UrlEntities.Builder b =
        io.polycodec.bench.protobuf.gen.TwitterUser.UrlEntities.newBuilder();
    for (TwitterUser.UrlEntity url : e.urls()) {
      b.addUrls(io.polycodec.bench.protobuf.gen.TwitterUser.UrlEntity.newBuilder()
          .setUrl(url.url())
          .setExpandedUrl(url.expandedUrl())
          .setDisplayUrl(url.displayUrl())
          .addAllIndices(url.indices()));
    }
    return b.build();
  }

  @Override
  public TwitterUsers fromProto(io.polycodec.bench.protobuf.gen.TwitterUsers m) {
    List<TwitterUser> users = new ArrayList<>(m.getUsersCount());
    for (io.polycodec.bench.protobuf.gen.TwitterUser u : m.getUsersList()) {
      users.add(fromProto(u));
    }
    return new TwitterUsers(users);
  }

  private static TwitterUser fromProto(io.polycodec.bench.protobuf.gen.TwitterUser u) {
    io.polycodec.bench.protobuf.gen.TwitterUser.Entities e = u.getEntities();
    TwitterUser.Entities entities = new TwitterUser.Entities(
        e.hasUrl() ? Optional.of(fromProto(e.getUrl())) : Optional.empty(),
        fromProto(e.getDescription()));
    return new TwitterUser(
        u.getId(),
        u.getIdStr(),
        u.getName(),
        u.getScreenName(),
        u.getLocation(),
        u.getDescription(),
        u.hasUrl() ? Optional.of(u.getUrl()) : Optional.empty(),
        entities,
        u.getProtected(),
        u.getFollowersCount(),
        u.getFriendsCount(),
        u.getListedCount(),
        u.getCreatedAt(),
        u.getFavouritesCount(),
        u.hasUtcOffset() ? OptionalInt.of(u.getUtcOffset()) : OptionalInt.empty(),
        u.hasTimeZone() ? Optional.of(u.getTimeZone()) : Optional.empty(),
        u.getGeoEnabled(),
        u.getVerified(),
        u.getStatusesCount(),
        u.getLang(),
        u.getContributorsEnabled(),
        u.getIsTranslator(),
        u.getIsTranslationEnabled(),
        u.getProfileBackgroundColor(),
        u.getProfileBackgroundImageUrl(),
        u.getProfileBackgroundImageUrlHttps(),
        u.getProfileBackgroundTile(),
        u.getProfileImageUrl(),
        u.getProfileImageUrlHttps(),
        u.hasProfileBannerUrl() ? Optional.of(u.getProfileBannerUrl()) : Optional.empty(),
        u.getProfileLinkColor(),
        u.getProfileSidebarBorderColor(),
        u.getProfileSidebarFillColor(),
        u.getProfileTextColor(),
        u.getProfileUseBackgroundImage(),
        u.getDefaultProfile(),
        u.getDefaultProfileImage(),
        u.getFollowing(),
        u.getFollowRequestSent(),
        u.getNotifications());
  }

  private static TwitterUser.UrlEntities fromProto(io.polycodec.bench.protobuf.gen.TwitterUser.UrlEntities e) {
    List<TwitterUser.UrlEntity> urls = new ArrayList<>(e.getUrlsCount());
    for (io.polycodec.bench.protobuf.gen.TwitterUser.UrlEntity url : e.getUrlsList()) {
      urls.add(new TwitterUser.UrlEntity(url.getUrl(), url.getExpandedUrl(), url.getDisplayUrl(),
          List.copyOf(url.getIndicesList())));
    }
    return new TwitterUser.UrlEntities(urls);
  }

  @Override
  public Parser<io.polycodec.bench.protobuf.gen.TwitterUsers> parser() {
    return io.polycodec.bench.protobuf.gen.TwitterUsers.parser();
  }

  @Override
  public Descriptors.Descriptor descriptor() {
    return io.polycodec.bench.protobuf.gen.TwitterUsers.getDescriptor();
  }
}
