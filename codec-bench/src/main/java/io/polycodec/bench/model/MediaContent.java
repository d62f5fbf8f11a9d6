package io.polycodec.bench.model;

import io.polycodec.Tag;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The MediaContent object of the classic jvm-serializers benchmark: one media description and the
 * images that go with it.
 */
public record MediaContent(@Tag(1) Media media, @Tag(2) List<Image> images) {

  /** The media file. */
  public record Media(
      @Tag(1) String uri,
      @Tag(2) Optional<String> title,
      @Tag(3) int width,
      @Tag(4) int height,
      @Tag(5) String format,
      @Tag(6) long duration,
      @Tag(7) long size,
      @Tag(8) OptionalInt bitrate,
      @Tag(9) List<String> persons,
      @Tag(10) Player player,
      @Tag(11) Optional<String> copyright) {}

  /** A still image of the media. */
  public record Image(
      @Tag(1) String uri,
      @Tag(2) Optional<String> title,
      @Tag(3) int width,
      @Tag(4) int height,
      @Tag(5) Size size) {}

  /** The player the media needs. */
  public enum Player { JAVA, FLASH }

  /** An image's size class. */
  public enum Size { SMALL, LARGE }
}
