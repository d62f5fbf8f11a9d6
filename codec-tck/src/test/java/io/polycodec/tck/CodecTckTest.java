package io.polycodec.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.CodecProvider;
import io.polycodec.tck.engine.Settings;
import io.polycodec.tck.tlv.TlvProvider;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** How the kit presents itself to JUnit: names, test sources, the property filter. */
class CodecTckTest {

  private static CodecTck kit(Settings settings) {
    return new CodecTck() {
      @Override
      protected CodecProvider provider() {
        return new TlvProvider();
      }

      @Override
      protected Settings settings() {
        return settings;
      }
    };
  }

  @Test
  void everyPropertyIsATestNamedAfterIt() {
    List<DynamicTest> tests = kit(Settings.defaults()).tests();
    List<String> names = new ArrayList<>();
    for (DynamicTest t : tests) {
      names.add(t.getDisplayName());
      URI source = t.getTestSourceUri().orElseThrow();
      assertEquals("polycodec-tck", source.getScheme());
      assertTrue(source.toString().endsWith("/" + t.getDisplayName()), source.toString());
    }
    assertEquals(CodecTck.propertyNames(), names);
  }

  @Test
  void theFilterRunsOnlyTheNamedProperties() throws Throwable {
    List<String> ran = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (DynamicTest t : kit(Settings.defaults().withTries(5).onlyProperties(CodecTck.LIMITS, CodecTck.TRAILING_BYTES)).tests()) {
      try {
        t.getExecutable().execute();
        ran.add(t.getDisplayName());
      } catch (TestAbortedException e) {
        skipped.add(t.getDisplayName());
        assertTrue(e.getMessage().contains(Settings.PROPERTIES_PROPERTY), e.getMessage());
      }
    }
    assertEquals(List.of(CodecTck.TRAILING_BYTES, CodecTck.LIMITS), ran);
    assertEquals(CodecTck.propertyNames().size() - 2, skipped.size());
  }

  @Test
  void aFilterNamingNoPropertyIsAnError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> kit(Settings.defaults().onlyProperties("roundtrip")).tests());
    assertTrue(e.getMessage().contains("roundtrip"), e.getMessage());
  }

  @Test
  void aHangIsReportedWithinTheInputBudgetAndSaysTheThreadWasLeftRunning() throws Throwable {
    Settings quick = Settings.defaults().withInputTimeoutMillis(300);
    AssertionError e = assertThrows(AssertionError.class, () -> Guard.withSettings(quick, () -> Guard.call("decoding 01 02",
        () -> {
          long end = System.nanoTime() + 3_000_000_000L;
          while (System.nanoTime() < end) {
            java.util.concurrent.locks.LockSupport.parkNanos(end - System.nanoTime());
          }
          return null;
        })));
    assertTrue(e.getMessage().startsWith("decoding 01 02 did not finish within 300 ms"), e.getMessage());
    assertTrue(e.getMessage().contains("was left running"), e.getMessage());
  }
}
