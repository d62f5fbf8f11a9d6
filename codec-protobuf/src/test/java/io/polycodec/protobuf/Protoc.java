package io.polycodec.protobuf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs the protoc the build fetched from Maven Central (system property polycodec.protoc, set by the pom). */
final class Protoc {
  private Protoc() {}

  /** Compiles {@code text} as {@code name} in a fresh directory under {@code dir}; the descriptor set protoc writes. */
  static FileDescriptorSet compile(Path dir, String name, String text) throws IOException, InterruptedException {
    String configured = System.getProperty("polycodec.protoc");
    assertTrue(configured != null, "system property polycodec.protoc is not set (the pom sets it)");
    File protoc = new File(configured);
    assertTrue(protoc.isFile(), protoc + " is missing; the build copies it in process-test-classes");
    protoc.setExecutable(true);
    Path work = Files.createTempDirectory(dir, "protoc");
    Files.writeString(work.resolve(name), text, StandardCharsets.UTF_8);
    Path out = work.resolve("out.desc");
    Process p = new ProcessBuilder(protoc.getPath(), "-I" + work, "--descriptor_set_out=" + out,
        work.resolve(name).toString()).redirectErrorStream(true).start();
    String messages = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "protoc did not finish in 60 s");
    assertEquals(0, p.exitValue(), () -> "protoc rejected:\n" + messages + "\n" + text);
    return FileDescriptorSet.parseFrom(Files.readAllBytes(out));
  }
}
