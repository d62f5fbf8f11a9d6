package io.polycodec.tck;

import io.polycodec.tck.engine.Property;
import io.polycodec.tck.gen.Sample;

/** Entry-point parity, framed sequences, and leaving the caller's objects alone. */
final class StreamProperties {
  private StreamProperties() {}

  static Property<Subject> entryPoints(Kit kit) {
    return Property.of("entryPoints", 100, Subject.any(kit.typed, kit.schemas),
        s -> CodecAssertions.assertEntryPointsAgree(kit.codec(s.binding()), s.value()));
  }

  static Property<Subject> trailingBytes(Kit kit) {
    return Property.of("trailingBytes", 50, Subject.any(kit.typed, kit.schemas),
        s -> CodecAssertions.assertRejectsTrailingBytes(kit.codec(s.binding()), s.value()));
  }

  static Property<Sample> framedSequences(Kit kit) {
    return Property.of("framedSequences", 60, Sample.several(12, kit.schemas),
        s -> CodecAssertions.assertFramedRoundTrip(kit.generic(s.schema()), s.values()));
  }

  static Property<Subject> noMutation(Kit kit) {
    return Property.of("noMutation", 100, Subject.any(kit.typed, kit.schemas),
        s -> CodecAssertions.assertNoMutation(kit.codec(s.binding()), s.value()));
  }

  static Property<Subject> determinism(Kit kit) {
    return Property.of("determinism", 100, Subject.any(kit.typed, kit.schemas),
        s -> CodecAssertions.assertDeterministic(kit.codec(s.binding()), s.value()));
  }
}
