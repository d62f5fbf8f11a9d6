package io.polycodec.tck;

import io.polycodec.Capability;
import io.polycodec.Codec;
import io.polycodec.GenericRecord;
import io.polycodec.tck.engine.Property;
import io.polycodec.tck.gen.Sample;
import java.util.Arrays;

/** Exact round trips, of generated schemas' generic values and of the zoo's typed values. */
final class RoundTripProperties {
  private RoundTripProperties() {}

  static Property<Sample> generic(Kit kit) {
    return Property.of("roundTrip.generic", 200, Sample.single(kit.schemas),
        s -> CodecAssertions.assertRoundTrip(kit.generic(s.schema()), s.value()));
  }

  /** Typed values round-trip, and their bytes mean the same to the schema's generic codec. */
  static Property<Subject> zoo(Kit kit) {
    return Property.of("roundTrip.zoo", 200, Subject.zoo(), s -> {
      Codec<Object> typed = kit.codec(s.binding());
      CodecAssertions.assertRoundTrip(typed, s.value());
      byte[] bytes = typed.encode(s.value());
      Codec<GenericRecord> generic = kit.generic(s.binding().schema());
      GenericRecord expected = CodecAssertions.expected(s.binding(), s.value());
      Values.assertEqual("typed bytes decoded by the generic codec of the same schema", expected, generic.decode(bytes.clone()));
      if (kit.format.has(Capability.DETERMINISTIC)) {
        byte[] fromGeneric = generic.encode(CodecAssertions.view(s.binding(), s.value(), "value"));
        if (!Arrays.equals(bytes, fromGeneric)) {
          throw new AssertionError("a typed value and its GenericRecord twin encode differently, though the codec"
              + " declares DETERMINISTIC");
        }
      }
    });
  }
}
