package io.polycodec.tck;

import io.polycodec.Codec;
import io.polycodec.CodecOptions;
import io.polycodec.CodecProvider;
import io.polycodec.Format;
import io.polycodec.GenericRecord;
import io.polycodec.Limits;
import io.polycodec.bind.RecordBinding;
import io.polycodec.evolution.CompatibilityResult;
import io.polycodec.evolution.WireChoices;
import io.polycodec.schema.RecordSchema;
import io.polycodec.tck.engine.Gen;
import io.polycodec.tck.engine.Settings;
import io.polycodec.tck.gen.SchemaGen;
import io.polycodec.tck.gen.EvolutionRules;
import io.polycodec.tck.zoo.Zoo;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The codec under test, as the properties see it: how to build its codecs, its format, and the run's settings. */
final class Kit {
  final CodecProvider provider;
  final CodecOptions options;
  final Format format;
  final Settings settings;
  final EvolutionRules rules;
  final CompatibilityOracle oracle;
  /** Whether the codec binds Java records (the typed path), or only {@link GenericRecord}. */
  final boolean typed;
  /** The schemas every property draws: the whole model, less what the format refuses (see CodecTck's hooks). */
  final Gen<RecordSchema> schemas;
  /** Whether the format takes union members that are strings (CodecTck's hook), for the fixed schemas of the limits. */
  final boolean stringMembers;
  private final Map<RecordBinding<?>, Codec<?>> typedCodecs = new ConcurrentHashMap<>();

  /** The compatibility checker's verdict on reading {@code writer} data with {@code reader}, or null for none. */
  @FunctionalInterface
  interface CompatibilityOracle {
    CompatibilityResult verdict(RecordSchema writer, RecordSchema reader, Format format);
  }

  /** Options that make the backend's codecs write a schema with given wire choices, or null if it has none. */
  @FunctionalInterface
  interface LayoutOptions {
    CodecOptions with(CodecOptions options, RecordSchema schema, WireChoices choices);
  }

  /** The backend's wire choices (Protobuf's groups and unpacked numbers), or null if it has none. */
  final LayoutOptions layouts;

  Kit(CodecProvider provider, CodecOptions options, Settings settings, java.util.function.Function<Format, EvolutionRules> rules,
      CompatibilityOracle oracle, boolean typed) {
    this(provider, options, settings, rules, oracle, typed, null, SchemaGen.records(), true);
  }

  Kit(CodecProvider provider, CodecOptions options, Settings settings, java.util.function.Function<Format, EvolutionRules> rules,
      CompatibilityOracle oracle, boolean typed, LayoutOptions layouts, Gen<RecordSchema> schemas, boolean stringMembers) {
    this.schemas = schemas;
    this.stringMembers = stringMembers;
    this.provider = provider;
    this.options = options;
    this.settings = settings;
    this.typed = typed;
    // The codec's format, not the provider's: options may change it (keying of compact MessagePack). A
    // generic codec, so that a backend that binds only GenericRecord can run the kit.
    this.format = provider.create(RecordBinding.generic(RecordBinding.of(Zoo.Point.class).schema()), options).format();
    this.rules = rules.apply(format);
    this.oracle = oracle;
    this.layouts = layouts;
  }

  @SuppressWarnings("unchecked")
  <T> Codec<T> codec(RecordBinding<T> binding) {
    if (binding.isGeneric()) {
      return provider.create(binding, options);
    }
    return (Codec<T>) typedCodecs.computeIfAbsent(binding, b -> provider.create(b, options));
  }

  Codec<GenericRecord> generic(RecordSchema schema) {
    return provider.create(RecordBinding.generic(schema), options);
  }

  /** A generic codec writing {@code schema} with {@code choices} (which must be NONE unless {@link #layouts} is set). */
  Codec<GenericRecord> generic(RecordSchema schema, WireChoices choices) {
    if (choices == WireChoices.NONE) {
      return generic(schema);
    }
    return provider.create(RecordBinding.generic(schema), layouts.with(options, schema, choices));
  }

  Codec<GenericRecord> generic(RecordSchema schema, Limits limits) {
    return provider.create(RecordBinding.generic(schema), options.withLimits(limits));
  }
}
