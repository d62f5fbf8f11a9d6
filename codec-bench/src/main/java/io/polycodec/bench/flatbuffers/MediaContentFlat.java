package io.polycodec.bench.flatbuffers;

import com.google.flatbuffers.FlatBufferBuilder;
import io.polycodec.bench.flatbuffers.gen.Image;
import io.polycodec.bench.flatbuffers.gen.Media;
import io.polycodec.bench.model.MediaContent;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** {@link MediaContent} with flatc's generated classes by hand. */
public final class MediaContentFlat implements FlatMapping<MediaContent> {
  private static final MediaContent.Player[] PLAYERS = MediaContent.Player.values();
  private static final MediaContent.Size[] SIZES = MediaContent.Size.values();

  @Override
  public int build(FlatBufferBuilder b, MediaContent v) {
    MediaContent.Media m = v.media();
    int uri = b.createString(m.uri());
    int title = m.title().isPresent() ? b.createString(m.title().get()) : 0;
    int format = b.createString(m.format());
    int persons = FlatFields.stringVector(b, m.persons());
    int copyright = m.copyright().isPresent() ? b.createString(m.copyright().get()) : 0;
    Media.startMedia(b);
    Media.addUri(b, uri);
    if (title != 0) {
      Media.addTitle(b, title);
    }
    Media.addWidth(b, m.width());
    Media.addHeight(b, m.height());
    Media.addFormat(b, format);
    Media.addDuration(b, m.duration());
    Media.addSize(b, m.size());
    if (m.bitrate().isPresent()) {
      FlatFields.addPresentInt(b, 7, m.bitrate().getAsInt());
    }
    Media.addPersons(b, persons);
    Media.addPlayer(b, m.player().ordinal());
    if (copyright != 0) {
      Media.addCopyright(b, copyright);
    }
    int media = Media.endMedia(b);

    int[] imageOffsets = new int[v.images().size()];
    for (int i = 0; i < imageOffsets.length; i++) {
      MediaContent.Image image = v.images().get(i);
      int imageUri = b.createString(image.uri());
      int imageTitle = image.title().isPresent() ? b.createString(image.title().get()) : 0;
      Image.startImage(b);
      Image.addUri(b, imageUri);
      if (imageTitle != 0) {
        Image.addTitle(b, imageTitle);
      }
      Image.addWidth(b, image.width());
      Image.addHeight(b, image.height());
      Image.addSize(b, image.size().ordinal());
      imageOffsets[i] = Image.endImage(b);
    }
    int images = io.polycodec.bench.flatbuffers.gen.MediaContent.createImagesVector(b, imageOffsets);
    return io.polycodec.bench.flatbuffers.gen.MediaContent.createMediaContent(b, media, images);
  }

  @Override
  public MediaContent read(ByteBuffer buffer) {
    io.polycodec.bench.flatbuffers.gen.MediaContent c =
        io.polycodec.bench.flatbuffers.gen.MediaContent.getRootAsMediaContent(buffer);
    Media m = c.media();
    List<String> persons = new ArrayList<>(m.personsLength());
    for (int i = 0; i < m.personsLength(); i++) {
      persons.add(m.persons(i));
    }
    MediaContent.Media media = new MediaContent.Media(
        FlatFields.orEmpty(m.uri()),
        Optional.ofNullable(m.title()),
        m.width(),
        m.height(),
        FlatFields.orEmpty(m.format()),
        m.duration(),
        m.size(),
        m.hasBitrate() ? OptionalInt.of(m.bitrate()) : OptionalInt.empty(),
        persons,
        PLAYERS[m.player()],
        Optional.ofNullable(m.copyright()));
    int n = c.imagesLength();
    List<MediaContent.Image> images = new ArrayList<>(n);
    Image image = new Image();
    for (int i = 0; i < n; i++) {
      c.images(image, i);
      images.add(new MediaContent.Image(FlatFields.orEmpty(image.uri()), Optional.ofNullable(image.title()),
          image.width(), image.height(), SIZES[image.size()]));
    }
    return new MediaContent(media, images);
  }
}
