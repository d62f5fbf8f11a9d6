package io.polycodec.bench.msgpack;

import io.polycodec.bench.model.MediaContent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;

/** {@link MediaContent} with msgpack-core by hand. */
public final class MediaContentMsgpack implements MsgpackMapping<MediaContent> {

  @Override
  public void write(MessagePacker p, MediaContent v) throws IOException {
    p.packMapHeader(2);
    p.packString("media");
    writeMedia(p, v.media());
    p.packString("images").packArrayHeader(v.images().size());
    for (MediaContent.Image image : v.images()) {
      p.packMapHeader(4 + (image.title().isPresent() ? 1 : 0));
      p.packString("uri").packString(image.uri());
      if (image.title().isPresent()) {
        p.packString("title").packString(image.title().get());
      }
      p.packString("width").packInt(image.width());
      p.packString("height").packInt(image.height());
      p.packString("size").packString(image.size().name());
    }
  }

  private static void writeMedia(MessagePacker p, MediaContent.Media m) throws IOException {
    p.packMapHeader(8 + (m.title().isPresent() ? 1 : 0) + (m.bitrate().isPresent() ? 1 : 0)
        + (m.copyright().isPresent() ? 1 : 0));
    p.packString("uri").packString(m.uri());
    if (m.title().isPresent()) {
      p.packString("title").packString(m.title().get());
    }
    p.packString("width").packInt(m.width());
    p.packString("height").packInt(m.height());
    p.packString("format").packString(m.format());
    p.packString("duration").packLong(m.duration());
    p.packString("size").packLong(m.size());
    if (m.bitrate().isPresent()) {
      p.packString("bitrate").packInt(m.bitrate().getAsInt());
    }
    p.packString("persons").packArrayHeader(m.persons().size());
    for (String person : m.persons()) {
      p.packString(person);
    }
    p.packString("player").packString(m.player().name());
    if (m.copyright().isPresent()) {
      p.packString("copyright").packString(m.copyright().get());
    }
  }

  @Override
  public MediaContent read(MessageUnpacker u) throws IOException {
    MediaContent.Media media = null;
    List<MediaContent.Image> images = List.of();
    for (int i = u.unpackMapHeader(); i > 0; i--) {
      switch (u.unpackString()) {
        case "media": media = readMedia(u); break;
        case "images": {
          int n = u.unpackArrayHeader();
          images = new ArrayList<>(n);
          for (int j = 0; j < n; j++) {
            images.add(readImage(u));
          }
          break;
        }
        default: u.skipValue(); break;
      }
    }
    return new MediaContent(media, images);
  }

  private static MediaContent.Media readMedia(MessageUnpacker u) throws IOException {
    String uri = "";
    Optional<String> title = Optional.empty();
    int width = 0;
    int height = 0;
    String format = "";
    long duration = 0;
    long size = 0;
    OptionalInt bitrate = OptionalInt.empty();
    List<String> persons = List.of();
    MediaContent.Player player = MediaContent.Player.JAVA;
    Optional<String> copyright = Optional.empty();
    for (int i = u.unpackMapHeader(); i > 0; i--) {
      switch (u.unpackString()) {
        case "uri": uri = u.unpackString(); break;
        case "title": title = Optional.of(u.unpackString()); break;
        case "width": width = u.unpackInt(); break;
        case "height": height = u.unpackInt(); break;
        case "format": format = u.unpackString(); break;
        case "duration": duration = u.unpackLong(); break;
        case "size": size = u.unpackLong(); break;
        case "bitrate": bitrate = OptionalInt.of(u.unpackInt()); break;
        case "persons": {
          int n = u.unpackArrayHeader();
          persons = new ArrayList<>(n);
          for (int j = 0; j < n; j++) {
            persons.add(u.unpackString());
          }
          break;
        }
        case "player": player = MediaContent.Player.valueOf(u.unpackString()); break;
        case "copyright": copyright = Optional.of(u.unpackString()); break;
        default: u.skipValue(); break;
      }
    }
    return new MediaContent.Media(uri, title, width, height, format, duration, size, bitrate, persons, player,
        copyright);
  }

  private static MediaContent.Image readImage(MessageUnpacker u) throws IOException {
    String uri = "";
    Optional<String> title = Optional.empty();
    int width = 0;
    int height = 0;
    MediaContent.Size size = MediaContent.Size.SMALL;
    for (int i = u.unpackMapHeader(); i > 0; i--) {
      switch (u.unpackString()) {
        case "uri": uri = u.unpackString(); break;
        case "title": title = Optional.of(u.unpackString()); break;
        case "width": width = u.unpackInt(); break;
        case "height": height = u.unpackInt(); break;
        case "size": size = MediaContent.Size.valueOf(u.unpackString()); break;
        default: u.skipValue(); break;
      }
    }
    return new MediaContent.Image(uri, title, width, height, size);
  }
}
