package io.polycodec.tck.mutant;

import io.polycodec.Codec;
import io.polycodec.CodecOptions;
import io.polycodec.CodecProvider;
import io.polycodec.Format;
import io.polycodec.GenericRecord;
import io.polycodec.Limits;
import io.polycodec.bind.RecordBinding;
import io.polycodec.schema.RecordSchema;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A real provider whose codecs carry one {@link Mutant}'s bug. */
final class MutantProvider implements CodecProvider {
  private final Mutant mutant;
  private final CodecProvider real;
  /** Schemas of the codecs made last, newest first: where the wrong-slot bug finds "the writer's" schema. */
  private final Deque<RecordSchema> recent = new ArrayDeque<>();
  private CodecOptions lastOptions = CodecOptions.defaults();

  MutantProvider(Mutant mutant, CodecProvider real) {
    this.mutant = mutant;
    this.real = real;
  }

  @Override
  public Format format() {
    return real.format();
  }

  @Override
  public <T> Codec<T> create(RecordBinding<T> binding, CodecOptions options) {
    if (binding.isGeneric()) {
      synchronized (recent) {
        recent.addFirst(binding.schema());
        while (recent.size() > 2) {
          recent.removeLast();
        }
        lastOptions = options;
      }
    }
    if (mutant == Mutant.IGNORES_DEPTH_THROUGH_MAP_VALUES) {
      Limits limits = options.limits();
      Codec<T> lenient = real.create(binding, options.withLimits(limits.withMaxDepth(limits.maxDepth() + 200)));
      return new MutantCodec<>(mutant, lenient, binding, this, real.create(binding, options));
    }
    return new MutantCodec<>(mutant, real.create(binding, options), binding, this);
  }

  /** Real codecs for the other schemas recently seen with the same name as {@code reader}. */
  List<Codec<GenericRecord>> writersFor(RecordSchema reader) {
    List<Codec<GenericRecord>> out = new ArrayList<>();
    synchronized (recent) {
      for (RecordSchema s : recent) {
        if (s != reader && s.name().equals(reader.name()) && !s.equals(reader)) {
          out.add(real.create(RecordBinding.generic(s), lastOptions));
        }
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return real.getClass().getSimpleName() + " with " + mutant;
  }
}
