package io.polycodec.protobuf;

import io.polycodec.CodecOptions;
import io.polycodec.CodecProvider;
import io.polycodec.evolution.WireChoices;
import io.polycodec.schema.Field;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import io.polycodec.schema.SchemaGraph;
import io.polycodec.tck.CodecTck;
import io.polycodec.tck.mutant.Mutant;
import io.polycodec.tck.mutant.MutantCheck;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The compatibility kit on the protobuf codec: every property, none excluded; the evolution property
 * also draws groups and unpacked numbers (the wire choices of .proto files). The mutant checks show the
 * kit catches each deliberately broken wrapper of this codec.
 */
class ProtobufCodecTck extends CodecTck {
  @Override
  protected CodecProvider provider() {
    return new ProtobufProvider();
  }

  @Override
  protected boolean hasWireChoices() {
    return true;
  }

  /** Groups and unpacked numbers through {@link ProtobufOptions#LAYOUT}, as an import from .proto would set them. */
  @Override
  protected CodecOptions wireChoices(CodecOptions options, RecordSchema schema, WireChoices choices) {
    WireLayout.Builder b = WireLayout.builder();
    for (Schema t : SchemaGraph.of(schema).namedTypes()) {
      if (t instanceof RecordSchema r) {
        for (Field f : r.fields()) {
          if (choices.isDelimited(r.name(), f.tag())) {
            b.delimited(r.name(), f.tag());
          }
          if (choices.isUnpacked(r.name(), f.tag())) {
            b.unpacked(r.name(), f.tag());
          }
        }
      }
    }
    return options.with(ProtobufOptions.LAYOUT, b.build());
  }

  @TestFactory
  Stream<DynamicTest> mutantsAreCaught() {
    return Arrays.stream(Mutant.values()).map(m -> DynamicTest.dynamicTest("mutant " + m.name(),
        () -> MutantCheck.assertCaught(m, new ProtobufProvider(), CodecOptions.defaults())));
  }

  /** Protobuf enums are int32 on the wire: a constant beyond it is a SchemaException when the codec is made. */
  @Override
  protected boolean supportsLongEnumNumbers() {
    return false;
  }
}
