package io.polycodec.protobuf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.CodedInputStream;
import io.polycodec.Codec;
import io.polycodec.Codecs;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A UUID is a protobuf string field holding its canonical text, as Google API style guides have it. */
class StringFormsProtobufTest {
  record Resource(UUID id, URI home) {}

  @Test
  void aUuidIsAStringField() throws Exception {
    Codec<Resource> codec = Codecs.get("protobuf", Resource.class);
    Resource r = new Resource(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), URI.create("mailto:a@b.c"));
    byte[] bytes = codec.encode(r);
    CodedInputStream in = CodedInputStream.newInstance(bytes);
    assertEquals((1 << 3) | 2, in.readTag());
    assertEquals("123e4567-e89b-12d3-a456-426614174000", in.readString());
    assertEquals((2 << 3) | 2, in.readTag());
    assertEquals("mailto:a@b.c", in.readString());
    assertEquals(r, codec.decode(bytes));
  }
}
