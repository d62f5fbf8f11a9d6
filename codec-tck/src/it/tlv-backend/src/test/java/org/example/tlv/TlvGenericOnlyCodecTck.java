package org.example.tlv;

import io.polycodec.Codec;
import io.polycodec.CodecOptions;
import io.polycodec.CodecProvider;
import io.polycodec.Format;
import io.polycodec.bind.RecordBinding;
import io.polycodec.tck.CodecTck;
import io.polycodec.tck.gen.EvolutionRules;

/**
 * The kit on a backend that binds only GenericRecord (a first step for a new backend): its provider
 * refuses Java record bindings, so the kit must never ask for one and still run every generic property.
 */
class TlvGenericOnlyCodecTck extends CodecTck {
  @Override
  protected CodecProvider provider() {
    TlvProvider real = new TlvProvider();
    return new CodecProvider() {
      @Override
      public Format format() {
        return real.format();
      }

      @Override
      public <T> Codec<T> create(RecordBinding<T> binding, CodecOptions options) {
        if (!binding.isGeneric()) {
          throw new UnsupportedOperationException("this backend binds only GenericRecord, not " + binding.javaType());
        }
        return real.create(binding, options);
      }
    };
  }

  @Override
  protected boolean supportsJavaRecords() {
    return false;
  }

  @Override
  protected EvolutionRules evolutionRules(Format format) {
    return EvolutionRules.forFormat(format).withIntWidening(true).withFloatWidening(true).withCheckedNarrowing(true)
        .withDefaults(EvolutionRules.Defaults.ALWAYS_WRITTEN);
  }

  @Override
  protected java.util.Set<String> excludedProperties() {
    // This TLV format frames nested values and whole messages as length-prefixed strings, so its decoder
    // counts those against the string limit: it is not held to limit symmetry or the allocation bound.
    return java.util.Set.of(LIMIT_SYMMETRY, ALLOCATION_BOUND);
  }
}
