package io.polycodec.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.polycodec.Codec;
import io.polycodec.Codecs;
import io.polycodec.DecodeException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The parsing cases of JSONTestSuite (src/test/resources/JSONTestSuite, MIT, see SOURCE.txt): every
 * {@code y_} file is accepted, every {@code n_} file rejected with a DecodeException, and every
 * {@code i_} file either accepted or rejected with a DecodeException, never anything else.
 */
class JsonTestSuiteTest {
  private static final Codec<Object> CODEC = Codecs.schemaless("json");

  private static List<Path> files() throws IOException, URISyntaxException {
    Path dir = Path.of(JsonTestSuiteTest.class.getResource("/JSONTestSuite/test_parsing").toURI());
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
    }
  }

  @Test
  void theSuiteIsThere() throws Exception {
    List<Path> files = files();
    assertEquals(184, files.size(), "the copied suite should hold all 184 parsing files");
  }

  @TestFactory
  Stream<DynamicTest> everyParsingCase() throws Exception {
    return files().stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
  }

  private static void check(Path file) throws IOException {
    String name = file.getFileName().toString();
    byte[] bytes = Files.readAllBytes(file);
    Throwable error = null;
    try {
      CODEC.decode(bytes);
    } catch (Throwable t) {
      error = t;
    }
    if (name.startsWith("y_") && error != null) {
      fail(name + " is valid JSON but was rejected", error);
    }
    if (name.startsWith("n_") && error == null) {
      fail(name + " is invalid JSON but was accepted");
    }
    if (error != null && !(error instanceof DecodeException)) {
      fail(name + " failed with " + error.getClass().getName() + " instead of DecodeException", error);
    }
  }
}
