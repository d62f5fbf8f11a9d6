package io.polycodec.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.Codec;
import io.polycodec.Codecs;
import io.polycodec.DecodeException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** UUID and URI are JSON strings in their standard text, as every JSON API writes them. */
class StringFormsJsonTest {
  record Resource(UUID id, URI home, Optional<UUID> parent) {}

  @Test
  void writtenAsTheirTextAndReadBack() {
    Codec<Resource> codec = Codecs.get("json", Resource.class);
    UUID id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    Resource r = new Resource(id, URI.create("https://example.org/x?y=1#z"), Optional.of(new UUID(-1, 0)));
    String text = new String(codec.encode(r), StandardCharsets.UTF_8);
    assertEquals("{\"id\":\"123e4567-e89b-12d3-a456-426614174000\",\"home\":\"https://example.org/x?y=1#z\","
        + "\"parent\":\"ffffffff-ffff-ffff-0000-000000000000\"}", text);
    assertEquals(r, codec.decode(codec.encode(r)));
    assertEquals(new Resource(id, URI.create("a"), Optional.empty()),
        codec.decode("{\"id\":\"123e4567-e89b-12d3-a456-426614174000\",\"home\":\"a\"}".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void textThatIsNotAUuidIsADecodeExceptionWithThePath() {
    Codec<Resource> codec = Codecs.get("json", Resource.class);
    DecodeException e = assertThrows(DecodeException.class,
        () -> codec.decode("{\"id\":\"not-a-uuid\",\"home\":\"a\"}".getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().startsWith("json: ") && e.getMessage().contains("Resource.id")
        && e.getMessage().contains("not a UUID"), e.getMessage());
  }
}
