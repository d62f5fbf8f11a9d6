package io.polycodec.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.Format;
import io.polycodec.Limits;
import io.polycodec.flatbuffers.FlatBuffersOptions;
import io.polycodec.json.JsonOptions;
import io.polycodec.msgpack.MsgpackKeys;
import io.polycodec.msgpack.MsgpackOptions;
import io.polycodec.spring.autoconfigure.PolycodecProperties;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.ApplicationConversionService;

/** How {@code polycodec.*} properties become a {@link CodecCatalog}, and how mistakes in them are reported. */
class PolycodecPropertiesTest {

  private static CodecCatalog catalog(PolycodecProperties p) {
    return p.toCatalog(ApplicationConversionService.getSharedInstance());
  }

  private static PolycodecProperties withOptions(String format, Map<String, String> options) {
    PolycodecProperties p = new PolycodecProperties();
    p.setOptions(Map.of(format, options));
    return p;
  }

  @Test
  void nothingSetServesEveryFormatOnTheClassPathJsonFirstWithDefaults() {
    CodecCatalog c = catalog(new PolycodecProperties());
    assertEquals(List.of("json", "protobuf", "msgpack", "flatbuffers"), c.formats().stream().map(Format::name).toList());
    assertEquals(Limits.defaults(), c.options("protobuf").limits());
  }

  @Test
  void formatsChooseWhichAreServedAndInWhatOrder() {
    PolycodecProperties p = new PolycodecProperties();
    p.setFormats(List.of("protobuf", "JSON"));
    assertEquals(List.of("protobuf", "json"), catalog(p).formats().stream().map(Format::name).toList());
  }

  @Test
  void limitsApplyToEveryFormat() {
    PolycodecProperties p = new PolycodecProperties();
    p.getLimits().setMaxMessageBytes(1000);
    p.getLimits().setMaxDepth(7);
    CodecCatalog c = catalog(p);
    for (Format f : c.formats()) {
      assertEquals(Limits.defaults().withMaxMessageBytes(1000).withMaxDepth(7), c.options(f.name()).limits(), f.name());
    }
  }

  @Test
  void optionsAreFoundByNameInAnySpellingAndConvertedToTheirType() {
    assertEquals(true, catalog(withOptions("json", Map.of("pretty", "true"))).options("json").get(JsonOptions.PRETTY));
    assertEquals(MsgpackKeys.TAGS,
        catalog(withOptions("msgpack", Map.of("keys", "tags"))).options("msgpack").get(MsgpackOptions.KEYS));
    assertEquals(42, catalog(withOptions("flatbuffers", Map.of("max-shared-visits", "42")))
        .options("flatbuffers").get(FlatBuffersOptions.MAX_SHARED_VISITS));
    // Only the named format is changed.
    assertEquals(false, catalog(withOptions("msgpack", Map.of("keys", "tags"))).options("json").get(JsonOptions.PRETTY));
  }

  @Test
  void theJarDescribesItsPropertiesForIdes() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertTrue(in != null, "spring-configuration-metadata.json is missing");
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (String name : List.of("polycodec.enabled", "polycodec.formats", "polycodec.limits.max-message-bytes",
          "polycodec.limits.max-depth", "polycodec.options")) {
        assertTrue(json.contains("\"" + name + "\""), name + " in " + json);
      }
    }
  }

  @Test
  void mistakesStopTheApplicationWithWhatIsAvailable() {
    String unknownOption = assertThrows(IllegalStateException.class,
        () -> catalog(withOptions("json", Map.of("indent", "2")))).getMessage();
    assertTrue(unknownOption.contains("polycodec.options.json.indent") && unknownOption.contains("[pretty]"), unknownOption);

    String badValue = assertThrows(IllegalStateException.class,
        () -> catalog(withOptions("msgpack", Map.of("keys", "numbers")))).getMessage();
    assertTrue(badValue.contains("not a MsgpackKeys") && badValue.contains("TAGS"), badValue);

    String notSettable = assertThrows(IllegalStateException.class,
        () -> catalog(withOptions("protobuf", Map.of("layout", "x")))).getMessage();
    assertTrue(notSettable.contains("cannot be set from a property"), notSettable);

    PolycodecProperties p = new PolycodecProperties();
    p.setFormats(List.of("json", "avro"));
    String unknownFormat = assertThrows(IllegalStateException.class, () -> catalog(p)).getMessage();
    assertTrue(unknownFormat.contains("'avro'") && unknownFormat.contains("msgpack"), unknownFormat);

    PolycodecProperties q = new PolycodecProperties();
    q.setFormats(List.of("protobuf"));
    q.setOptions(Map.of("json", Map.of("pretty", "true")));
    String notServed = assertThrows(IllegalStateException.class, () -> catalog(q)).getMessage();
    assertTrue(notServed.contains("not served"), notServed);
  }
}
