package io.polycodec.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DemoTest {
  @Test
  void everyFormatRoundTripsTheProfileExactly() {
    List<Demo.Row> rows = Demo.roundTripAll(UserProfile.sample());
    assertFalse(rows.isEmpty());
    assertTrue(rows.stream().anyMatch(r -> r.format().equals("json")), "json is on the class path: " + rows);
    for (Demo.Row r : rows) {
      assertTrue(r.exact(), r.format() + " round trip");
      assertTrue(r.bytes() > 0);
    }
  }
}
