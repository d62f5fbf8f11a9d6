package io.polycodec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CodecsTest {
  @Test
  void higherPriorityWinsWhateverTheLoadOrder() {
    assertInstanceOf(TestProviders.HighPriority.class, Codecs.provider("dup"));
    assertInstanceOf(TestProviders.HighPriority.class, Codecs.provider("DUP"), "names ignore case");
  }

  @Test
  void equalPrioritiesAreSettledByClassName() {
    assertInstanceOf(TestProviders.ATie.class, Codecs.provider("tie"));
  }

  @Test
  void oneFormatPerNameIsListed() {
    assertEquals(1, Codecs.formats().stream().filter(f -> f.name().equals("dup")).count());
  }

  @Test
  void mediaTypesMatchWithoutParameters() {
    assertInstanceOf(TestProviders.HighPriority.class, Codecs.providerForMediaType("Application/X-Dup; charset=utf-8"));
    CodecException e = assertThrows(CodecException.class, () -> Codecs.providerForMediaType("text/csv"));
    assertTrue(e.getMessage().contains("application/x-dup"), e.getMessage());
  }

  @Test
  void aMissingFormatNamesTheAvailableOnesAndNoModuleThatDoesNotExist() {
    CodecException e = assertThrows(CodecException.class, () -> Codecs.provider("avro"));
    assertTrue(e.getMessage().contains("dup") && e.getMessage().contains("tie"), e.getMessage());
    assertFalse(e.getMessage().contains("codec-avro"), e.getMessage());
  }

  @Test
  void aShippedFormatNotOnTheClassPathNamesItsModule() {
    CodecException e = assertThrows(CodecException.class, () -> Codecs.provider("json"));
    assertTrue(e.getMessage().contains("add the module io.polycodec:codec-json"), e.getMessage());
  }

  @Test
  void aNearNameIsSuggested() {
    CodecException proto = assertThrows(CodecException.class, () -> Codecs.provider("proto"));
    assertTrue(proto.getMessage().contains("did you mean protobuf? It is in the module io.polycodec:codec-protobuf"),
        proto.getMessage());
    assertFalse(proto.getMessage().contains("codec-proto)"), proto.getMessage());
    CodecException dup = assertThrows(CodecException.class, () -> Codecs.provider("dpu"));
    assertTrue(dup.getMessage().endsWith("(did you mean dup?)"), dup.getMessage());
    assertTrue(Codecs.unknownFormat("messagepack", java.util.List.of("msgpack")).contains("did you mean msgpack?)"));
  }

  @Test
  void schemalessNeedsASelfDescribingFormat() {
    assertThrows(UnsupportedOperationException.class, () -> Codecs.schemaless("dup"));
  }
}
