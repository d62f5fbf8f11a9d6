package io.polycodec.protobuf;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The descriptor sets protoc writes in the build (see the pom): golden.desc and test_messages.desc. */
final class Descriptors {
  private Descriptors() {}

  static FileDescriptorSet load(String name) {
    try (InputStream in = Descriptors.class.getResourceAsStream("/descriptors/" + name)) {
      if (in == null) {
        throw new IllegalStateException("descriptors/" + name + " is missing; the build's protoc step writes it");
      }
      return FileDescriptorSet.parseFrom(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] resource(String path) {
    try (InputStream in = Descriptors.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is missing");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
