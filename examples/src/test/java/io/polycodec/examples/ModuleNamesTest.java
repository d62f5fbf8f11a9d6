package io.polycodec.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.polycodec.Codec;
import io.polycodec.Codecs;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each published jar names its JPMS module (Automatic-Module-Name), so that applications on the module
 * path write {@code requires io.polycodec.json;} rather than the name derived from the file name
 * ({@code codec.json}), which would change if the file were renamed. Reads the jars as the JDK's module
 * system does. Under {@code ./mvnw verify} the modules are jars; a build that stops at {@code test} hands
 * us class folders, which have no manifest to check.
 */
class ModuleNamesTest {

  @ParameterizedTest(name = "{0} is module {1}")
  @CsvSource({
      "api,         io.polycodec.api",
      "json,        io.polycodec.json",
      "protobuf,    io.polycodec.protobuf",
      "msgpack,     io.polycodec.msgpack",
      "flatbuffers, io.polycodec.flatbuffers",
  })
  void jarNamesItsModule(String which, String expected) throws URISyntaxException {
    Class<?> inJar = which.equals("api") ? Codec.class : Codecs.provider(which).getClass();
    Path location = Path.of(inJar.getProtectionDomain().getCodeSource().getLocation().toURI());
    assumeTrue(Files.isRegularFile(location), () -> location + " is not a jar (run verify, not test)");
    String names = ModuleFinder.of(location).findAll().stream()
        .map(ModuleReference::descriptor).map(d -> d.name() + (d.isAutomatic() ? "" : " (explicit)"))
        .collect(Collectors.joining(", "));
    assertEquals(expected, names, location.toString());
  }
}
