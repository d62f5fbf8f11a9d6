package io.polycodec.bench.protobuf;

import com.google.protobuf.Descriptors;
import com.google.protobuf.Parser;
import io.polycodec.bench.model.MediaContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** {@link MediaContent} ↔ the generated {@code polycodec.bench.MediaContent}. */
public final class MediaContentMapping
    implements ProtoMapping<MediaContent, io.polycodec.bench.protobuf.gen.MediaContent> {
  private static final MediaContent.Player[] PLAYERS = MediaContent.Player.values();
  private static final MediaContent.Size[] SIZES = MediaContent.Size.values();

  @Override
  public io.polycodec.bench.protobuf.gen.MediaContent toProto(MediaContent v) {
    MediaContent.Media media = v.media();
    io.polycodec.bench.protobuf.gen.MediaContent.Media.Builder mb =
        io.polycodec.bench.protobuf.gen.MediaContent.Media.newBuilder()
            .setUri(media.uri())
            .setWidth(media.width())
            .setHeight(media.height())
            .setFormat(media.format())
            .setDuration(media.duration())
            .setSize(media.size())
            .addAllPersons(media.persons())
            .setPlayerValue(media.player().ordinal());
    media.title().ifPresent(mb::setTitle);
    media.bitrate().ifPresent(mb::setBitrate);
    media.copyright().ifPresent(mb::setCopyright);
    io.polycodec.bench.protobuf.gen.MediaContent.Builder b =
        io.polycodec.bench.protobuf.gen.MediaContent.newBuilder().setMedia(mb);
    for (MediaContent.Image image : v.images()) {
      io.polycodec.bench.protobuf.gen.MediaContent.Image.Builder ib =
          io.polycodec.bench.protobuf.gen.MediaContent.Image.newBuilder()
              .setUri(image.uri())
              .setWidth(image.width())
              .setHeight(image.height())
              .setSizeValue(image.size().ordinal());
      image.title().ifPresent(ib::setTitle);
      b.addImages(ib);
    }
    return b.build();
  }

  @Override
  public MediaContent fromProto(io.polycodec.bench.protobuf.gen.MediaContent m) {
    io.polycodec.bench.protobuf.gen.MediaContent.Media pm = m.getMedia();
    MediaContent.Media media = new MediaContent.Media(
        pm.getUri(),
        pm.hasTitle() ? Optional.of(pm.getTitle()) : Optional.empty(),
        pm.getWidth(),
        pm.getHeight(),
        pm.getFormat(),
        pm.getDuration(),
        pm.getSize(),
        pm.hasBitrate() ? OptionalInt.of(pm.getBitrate()) : OptionalInt.empty(),
        List.copyOf(pm.getPersonsList()),
        PLAYERS[pm.getPlayerValue()],
        pm.hasCopyright() ? Optional.of(pm.getCopyright()) : Optional.empty());
    List<MediaContent.Image> images = new ArrayList<>(m.getImagesCount());
    for (io.polycodec.bench.protobuf.gen.MediaContent.Image pi : m.getImagesList()) {
      images.add(new MediaContent.Image(
          pi.getUri(),
          pi.hasTitle() ? Optional.of(pi.getTitle()) : Optional.empty(),
          pi.getWidth(),
          pi.getHeight(),
          SIZES[pi.getSizeValue()]));
    }
    return new MediaContent(media, images);
  }

  @Override
  public Parser<io.polycodec.bench.protobuf.gen.MediaContent> parser() {
    return io.polycodec.bench.protobuf.gen.MediaContent.parser();
  }

  @Override
  public Descriptors.Descriptor descriptor() {
    return io.polycodec.bench.protobuf.gen.MediaContent.getDescriptor();
  }
}
