package io.polycodec;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
  void aMissingFormatNamesTheAvailableOnesAndTheModuleToAdd() {
    CodecException e = assertThrows(CodecException.class, () -> Codecs.provider("avro"));
    assertTrue(e.getMessage().contains("dup") && e.getMessage().contains("tie"), e.getMessage());
    assertTrue(e.getMessage().contains("codec-avro"), e.getMessage());
  }

  @Test
  void schemalessNeedsASelfDescribingFormat() {
    assertThrows(UnsupportedOperationException.class, () -> Codecs.schemaless("dup"));
  }
}
