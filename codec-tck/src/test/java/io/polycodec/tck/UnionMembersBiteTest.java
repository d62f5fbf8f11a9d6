package io.polycodec.tck;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.Codec;
import io.polycodec.CodecOptions;
import io.polycodec.CodecProvider;
import io.polycodec.Format;
import io.polycodec.GenericRecord;
import io.polycodec.GenericUnion;
import io.polycodec.bind.RecordBinding;
import io.polycodec.schema.ListSchema;
import io.polycodec.schema.MapSchema;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import io.polycodec.schema.UnionSchema;
import io.polycodec.tck.engine.PropertyFailure;
import io.polycodec.tck.engine.Settings;
import io.polycodec.tck.tlv.TlvProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;

/**
 * The kit meets aliased union members: a codec that reads every aliased value as the first member of
 * its type (the bug of finding the member by type rather than by the tag on the wire) fails
 * {@code roundTrip.generic} (at 300 tries, 600 generic values: such values are rare).
 */
class UnionMembersBiteTest {

  @Test
  void aDecoderThatForgetsWhichAliasWasWrittenIsCaught() throws Throwable {
    CodecProvider broken = new FirstAliasProvider(new TlvProvider());
    CodecTck kit = new CodecTck() {
      @Override
      protected CodecProvider provider() {
        return broken;
      }

      @Override
      protected Settings settings() {
        Settings s = Settings.fromSystemProperties();
        // About one generic try in fifty holds a value of an aliased member after the first of its type.
        return s.withTries(Math.max(s.tries(), 300));
      }
    };
    DynamicTest roundTrip = kit.tests().stream().filter(t -> t.getDisplayName().equals(CodecTck.ROUND_TRIP_GENERIC))
        .findFirst().orElseThrow();
    PropertyFailure f = assertThrows(PropertyFailure.class, () -> roundTrip.getExecutable().execute());
    System.out.println("polycodec.tck: the first-alias bug caught: " + f.getMessage().lines().findFirst().orElse(""));
    assertTrue(f.getMessage().contains("expected union member"), f.getMessage());
  }

  /** Wraps generic codecs so that decoding names, for every aliased value, the first member of its type. */
  private static final class FirstAliasProvider implements CodecProvider {
    private final CodecProvider real;

    FirstAliasProvider(CodecProvider real) {
      this.real = real;
    }

    @Override
    public Format format() {
      return real.format();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Codec<T> create(RecordBinding<T> binding, CodecOptions options) {
      Codec<T> codec = real.create(binding, options);
      if (!binding.isGeneric()) {
        return codec;
      }
      return new Codec<T>() {
        @Override
        public Format format() {
          return codec.format();
        }

        @Override
        public byte[] encode(T value) {
          return codec.encode(value);
        }

        @Override
        public T decode(byte[] bytes) {
          GenericRecord r = (GenericRecord) codec.decode(bytes);
          return (T) firstAlias(r, r.schema());
        }

        @Override
        public io.polycodec.Limits limits() {
          return codec.limits();
        }
      };
    }
  }

  private static Object firstAlias(Object v, Schema t) {
    if (v == null) {
      return null;
    }
    if (t instanceof RecordSchema) {
      GenericRecord r = (GenericRecord) v;
      GenericRecord.Builder b = r.toBuilder();
      for (int i = 0; i < r.schema().size(); i++) {
        if (r.get(i) != null) {
          b.set(i, firstAlias(r.get(i), r.schema().field(i).type()));
        }
      }
      return b.build();
    }
    if (t instanceof ListSchema) {
      return ((List<?>) v).stream().map(e -> firstAlias(e, ((ListSchema) t).element())).collect(Collectors.toList());
    }
    if (t instanceof MapSchema) {
      Map<Object, Object> out = new LinkedHashMap<>();
      ((Map<?, ?>) v).forEach((k, x) -> out.put(k, firstAlias(x, ((MapSchema) t).value())));
      return out;
    }
    if (t instanceof UnionSchema && v instanceof GenericUnion) {
      UnionSchema u = (UnionSchema) t;
      GenericUnion g = (GenericUnion) v;
      Schema type = u.members().get(u.indexOfName(g.member())).type();
      Object inner = firstAlias(g.value(), type);
      for (UnionSchema.Member m : u.members()) {
        if (m.isString() ? type.kind() == io.polycodec.schema.Kind.STRING
            : type instanceof RecordSchema && m.record().name().equals(((RecordSchema) type).name())) {
          return GenericUnion.of(m.name(), inner);
        }
      }
    }
    if (t instanceof UnionSchema && v instanceof GenericRecord) {
      GenericRecord r = (GenericRecord) v;
      return firstAlias(r, r.schema());
    }
    return v;
  }
}
