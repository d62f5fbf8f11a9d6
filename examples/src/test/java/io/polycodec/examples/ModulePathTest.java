package io.polycodec.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonFactory;
import io.polycodec.Codec;
import io.polycodec.Codecs;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application that is itself a named module, with Polycodec's jars on the module path: its records
 * (private nested ones included) round-trip through JSON and Protobuf once the module opens their package
 * to {@code io.polycodec.api}, and without that it gets a {@code SchemaException} saying what to add.
 * docs/guide.md ("On the module path") shows the same module-info. Compiles the module with the JDK's
 * compiler and runs it in a child JVM (bounded to 60 s). Needs the jars, so it runs under verify.
 */
class ModulePathTest {
  private static final String MAIN = """
      package com.example.shop;

      import io.polycodec.Codec;
      import io.polycodec.Codecs;
      import java.util.List;

      public class Main {
        private record Order(String id, int quantity, List<String> tags) {}

        public static void main(String[] args) {
          for (String format : args) {
            Codec<Order> codec = Codecs.get(format, Order.class);
            Order o = new Order("A-1", 3, List.of("x", "y"));
            System.out.println(format + " " + codec.decode(codec.encode(o)).equals(o) + " in "
                + Main.class.getModule().getName() + " with " + Codec.class.getModule().getName());
          }
        }
      }
      """;

  private static String modulePath;

  @BeforeAll
  static void jars() throws URISyntaxException {
    List<Path> jars = new ArrayList<>();
    for (Class<?> c : List.of(Codec.class, Codecs.provider("json").getClass(), JsonFactory.class,
        Codecs.provider("protobuf").getClass(), com.google.protobuf.Message.class,
        org.objectweb.asm.ClassWriter.class)) {
      jars.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()));
    }
    assumeTrue(jars.stream().allMatch(Files::isRegularFile), () -> jars + " are not all jars (run verify, not test)");
    modulePath = jars.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
  }

  @Test
  void recordsOfAnOpenedPackageRoundTrip(@TempDir Path dir) throws Exception {
    Path out = compile(dir, """
        module com.example.shop {
          requires io.polycodec.api;
          requires com.fasterxml.jackson.core;
          opens com.example.shop to io.polycodec.api;
        }
        """);
    Result r = run(out, "json", "protobuf");
    assertEquals(0, r.exit, r.output);
    assertTrue(r.output.contains("json true in com.example.shop with io.polycodec.api"), r.output);
    assertTrue(r.output.contains("protobuf true in com.example.shop with io.polycodec.api"), r.output);
  }

  @Test
  void aPackageNotOpenedIsASchemaErrorSayingSo(@TempDir Path dir) throws Exception {
    Path out = compile(dir, """
        module com.example.shop {
          requires io.polycodec.api;
          requires com.fasterxml.jackson.core;
        }
        """);
    Result r = run(out, "json");
    assertEquals(1, r.exit, r.output);
    assertTrue(r.output.contains("io.polycodec.SchemaException"), r.output);
    assertTrue(r.output.contains("does not open com.example.shop to module io.polycodec.api"), r.output);
    assertTrue(r.output.contains("open its package to io.polycodec.api"), r.output);
  }

  private static Path compile(Path dir, String moduleInfo) throws IOException {
    Path src = dir.resolve("src");
    Files.createDirectories(src.resolve("com/example/shop"));
    Files.writeString(src.resolve("module-info.java"), moduleInfo);
    Files.writeString(src.resolve("com/example/shop/Main.java"), MAIN);
    Path out = dir.resolve("out");
    int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", out.toString(),
        "--module-path", modulePath, src.resolve("module-info.java").toString(),
        src.resolve("com/example/shop/Main.java").toString());
    assertEquals(0, rc, "javac");
    return out;
  }

  private record Result(int exit, String output) {}

  private static Result run(Path out, String... formats) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--module-path", modulePath + File.pathSeparator + out, "-m", "com.example.shop/com.example.shop.Main"));
    cmd.addAll(List.of(formats));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the child JVM did not finish in 60 s");
    }
    String output;
    try (Stream<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()) {
      output = lines.collect(Collectors.joining("\n"));
    }
    return new Result(p.exitValue(), output);
  }
}
