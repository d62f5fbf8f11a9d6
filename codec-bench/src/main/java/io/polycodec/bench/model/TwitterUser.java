package io.polycodec.bench.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.polycodec.SchemaName;
import io.polycodec.Tag;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A user object of the Twitter search API, as in twitter.json (all 40 of its fields). Keys on the wire
 * are the API's snake_case names: {@code @SchemaName} for Polycodec, {@code @JsonNaming} for Jackson.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TwitterUser(
    @Tag(1) long id,
    @Tag(2) @SchemaName("id_str") String idStr,
    @Tag(3) String name,
    @Tag(4) @SchemaName("screen_name") String screenName,
    @Tag(5) String location,
    @Tag(6) String description,
    @Tag(7) Optional<String> url,
    @Tag(8) Entities entities,
    @Tag(9) @SchemaName("protected") @JsonProperty("protected") boolean protectedTweets,
    @Tag(10) @SchemaName("followers_count") int followersCount,
    @Tag(11) @SchemaName("friends_count") int friendsCount,
    @Tag(12) @SchemaName("listed_count") int listedCount,
    @Tag(13) @SchemaName("created_at") String createdAt,
    @Tag(14) @SchemaName("favourites_count") int favouritesCount,
    @Tag(15) @SchemaName("utc_offset") OptionalInt utcOffset,
    @Tag(16) @SchemaName("time_zone") Optional<String> timeZone,
    @Tag(17) @SchemaName("geo_enabled") boolean geoEnabled,
    @Tag(18) boolean verified,
    @Tag(19) @SchemaName("statuses_count") int statusesCount,
    @Tag(20) String lang,
    @Tag(21) @SchemaName("contributors_enabled") boolean contributorsEnabled,
    @Tag(22) @SchemaName("is_translator") boolean isTranslator,
    @Tag(23) @SchemaName("is_translation_enabled") boolean isTranslationEnabled,
    @Tag(24) @SchemaName("profile_background_color") String profileBackgroundColor,
    @Tag(25) @SchemaName("profile_background_image_url") String profileBackgroundImageUrl,
    @Tag(26) @SchemaName("profile_background_image_url_https") String profileBackgroundImageUrlHttps,
    @Tag(27) @SchemaName("profile_background_tile") boolean profileBackgroundTile,
    @Tag(28) @SchemaName("profile_image_url") String profileImageUrl,
    @Tag(29) @SchemaName("profile_image_url_https") String profileImageUrlHttps,
    @Tag(30) @SchemaName("profile_banner_url") Optional<String> profileBannerUrl,
    @Tag(31) @SchemaName("profile_link_color") String profileLinkColor,
    @Tag(32) @SchemaName("profile_sidebar_border_color") String profileSidebarBorderColor,
    @Tag(33) @SchemaName("profile_sidebar_fill_color") String profileSidebarFillColor,
    @Tag(34) @SchemaName("profile_text_color") String profileTextColor,
    @Tag(35) @SchemaName("profile_use_background_image") boolean profileUseBackgroundImage,
    @Tag(36) @SchemaName("default_profile") boolean defaultProfile,
    @Tag(37) @SchemaName("default_profile_image") boolean defaultProfileImage,
    @Tag(38) boolean following,
    @Tag(39) @SchemaName("follow_request_sent") boolean followRequestSent,
    @Tag(40) boolean notifications) {

  /** The links found in the user's url and description. */
  public record Entities(@Tag(1) Optional<UrlEntities> url, @Tag(2) UrlEntities description) {}

  /** The links of one text. */
  public record UrlEntities(@Tag(1) List<UrlEntity> urls) {}

  /** One link: the t.co url, what it expands to, and where it sits in the text. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record UrlEntity(
      @Tag(1) String url,
      @Tag(2) @SchemaName("expanded_url") String expandedUrl,
      @Tag(3) @SchemaName("display_url") String displayUrl,
      @Tag(4) List<Integer> indices) {}
}
