package io.polycodec.floors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.json.PackageVersion;
import com.google.protobuf.RuntimeVersion;
import org.junit.jupiter.api.Test;

/**
 * The other tests of this module are codec-json's and codec-protobuf's: they prove the floors only if the
 * engines on this class path really are the floors, which a change to the parent's BOM imports could undo.
 */
class FloorVersionsTest {

  @Test
  void jacksonCoreIsTheFloor() {
    assertEquals(System.getProperty("floor.jackson-core"), PackageVersion.VERSION.toString());
  }

  @Test
  void protobufJavaIsTheFloor() {
    String runtime = RuntimeVersion.MAJOR + "." + RuntimeVersion.MINOR + "." + RuntimeVersion.PATCH;
    assertEquals(System.getProperty("floor.protobuf-java"), runtime);
  }
}
