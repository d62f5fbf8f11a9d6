package io.polycodec.evolution;

import io.polycodec.Codecs;
import io.polycodec.FieldKeying;
import io.polycodec.Format;
import io.polycodec.schema.EnumSchema;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.SchemaGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Answers, for one wire format, whether data written with one schema reads with another, and why
 * not. The rules are those the backends implement (docs/evolution.md has the table): fields are
 * matched by tag where the format keys by number (Protobuf, FlatBuffers, compact MessagePack) and by
 * name where it keys by name (JSON, MessagePack); unknown fields are skipped; missing ones take their
 * default. Whatever is called compatible decodes, with removed fields dropped and added fields at
 * their defaults; when in doubt the checker says incompatible and explains why.
 *
 * <pre>{@code
 * CompatibilityResult r = Compatibility.check(oldSchema, newSchema, codec.format());
 * if (!r.isCompatible()) {
 *   throw new AssertionError(r.report());
 * }
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class Compatibility {
  private Compatibility() {}

  /**
   * Whether data written with {@code writer} reads with {@code reader} in {@code format}.
   *
   * <p>The rules are chosen by {@link Format#name()} ({@code protobuf}, {@code flatbuffers},
   * {@code json}, {@code msgpack}) and {@link Format#keying()}; any other name gets the strictest rules
   * of its keying (no type change at all, defaults assumed to be left off the wire).
   *
   * @return IDENTICAL if the schemas are equal, else COMPATIBLE with notes, or INCOMPATIBLE with reasons;
   *     each finding is graded ({@link Severity}), and caveats leave the result compatible unless
   *     {@link CompatibilityResult#caveatsAsBreaking()} is asked for
   * @throws IllegalArgumentException if a schema's graph is invalid (see {@link SchemaGraph#of})
   * @throws NullPointerException if an argument is null
   */
  public static CompatibilityResult check(RecordSchema writer, RecordSchema reader, Format format) {
    return check(writer, WireChoices.NONE, reader, WireChoices.NONE, format);
  }

  /**
   * {@link #check(RecordSchema, RecordSchema, Format)} for schemas whose bytes also depend on encoding
   * choices the schema does not express, such as those imported from {@code .proto} files (pass
   * {@code Imported.layout()}). Under the Protobuf rules a message field written as a group but read as
   * a length-prefixed message (or the other way) is breaking, and packed against unpacked is safe; the
   * other formats ignore the choices.
   *
   * @return as {@link #check(RecordSchema, RecordSchema, Format)}; IDENTICAL only if the choices are
   *     equal too
   * @throws IllegalArgumentException if a schema's graph is invalid (see {@link SchemaGraph#of})
   * @throws NullPointerException if an argument is null
   */
  public static CompatibilityResult check(RecordSchema writer, WireChoices writerChoices, RecordSchema reader,
      WireChoices readerChoices, Format format) {
    Objects.requireNonNull(writer, "writer");
    Objects.requireNonNull(reader, "reader");
    Objects.requireNonNull(writerChoices, "writerChoices");
    Objects.requireNonNull(readerChoices, "readerChoices");
    FormatRules rules = FormatRules.of(Objects.requireNonNull(format, "format"));
    SchemaGraph.of(writer);
    SchemaGraph.of(reader);
    boolean sameChoices = writerChoices.equals(readerChoices) || rules.family != FormatRules.Family.PROTOBUF;
    if (writer.equals(reader) && sameChoices) {
      return CompatibilityResult.of(true, rules.name, List.of(), List.of());
    }
    Checker c = new Checker(rules, writerChoices, readerChoices);
    c.records(writer, reader, reader.name());
    return CompatibilityResult.of(false, rules.name, c.reasons(), c.notes());
  }

  /**
   * Whether a value of enum {@code writer} reads as enum {@code reader} in {@code format}: the enum rules
   * of the record check (constants matched by number or name, a constant the reader lacks is breaking,
   * the default constant moving is breaking where defaults are left off the wire), for enums no record
   * uses, such as those of an imported .proto file. Findings are located at the reader's name.
   *
   * @return IDENTICAL if the enums are equal, else COMPATIBLE with notes, or INCOMPATIBLE with reasons
   * @throws NullPointerException if an argument is null
   */
  public static CompatibilityResult check(EnumSchema writer, EnumSchema reader, Format format) {
    Objects.requireNonNull(writer, "writer");
    Objects.requireNonNull(reader, "reader");
    FormatRules rules = FormatRules.of(Objects.requireNonNull(format, "format"));
    if (writer.equals(reader)) {
      return CompatibilityResult.of(true, rules.name, List.of(), List.of());
    }
    Checker c = new Checker(rules);
    c.type(writer, reader, reader.name(), 0);
    return CompatibilityResult.of(false, rules.name, c.reasons(), c.notes());
  }

  /**
   * The format whose rules a tool applies for {@code spec}: a format name found by
   * {@link Codecs#provider} ({@code protobuf}), optionally followed by the field keying a codec of it
   * uses when that differs from the format's own: {@code msgpack/number} for compact MessagePack
   * (fields keyed by tag), {@code msgpack/name}. Case and surrounding blanks are ignored.
   *
   * @throws io.polycodec.CodecException if no codec of the format is on the class path
   * @throws IllegalArgumentException if the keying is neither {@code name} nor {@code number}
   */
  public static Format rulesOf(String spec) {
    String s = Objects.requireNonNull(spec, "spec").strip().toLowerCase(Locale.ROOT);
    int slash = s.indexOf('/');
    Format format = Codecs.provider(slash < 0 ? s : s.substring(0, slash).strip()).format();
    if (slash < 0) {
      return format;
    }
    String keying = s.substring(slash + 1).strip();
    return switch (keying) {
      case "name" -> format.withKeying(FieldKeying.NAME);
      case "number" -> format.withKeying(FieldKeying.NUMBER);
      default -> throw new IllegalArgumentException("'" + spec + "': the keying after / is name or number, not '"
          + keying + "'");
    };
  }

  /**
   * Whether {@code candidate} may follow {@code historyOldestFirst} under {@code mode}: BACKWARD checks
   * that the candidate reads data of the latest version, FORWARD that the latest version reads the
   * candidate's data, FULL both; the transitive modes check against every version. Each reason's
   * {@link Reason#context()} names the comparison, such as {@code "v2 → candidate (backward)"}, where
   * versions are numbered from 1, oldest first.
   *
   * @return IDENTICAL if every comparison made was; COMPATIBLE with a note for an empty history or
   *     mode NONE (nothing to check)
   * @throws NullPointerException if an argument or a history entry is null
   */
  public static CompatibilityResult check(List<RecordSchema> historyOldestFirst, RecordSchema candidate,
      CompatibilityMode mode, Format format) {
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < historyOldestFirst.size(); i++) {
      labels.add("v" + (i + 1));
    }
    return check(historyOldestFirst, labels, candidate, mode, format);
  }

  /**
   * {@link #check(List, RecordSchema, CompatibilityMode, Format)} with a label per version, used in each
   * reason's {@link Reason#context()} instead of {@code v1, v2…}: a tool that read the history from files
   * passes their names ({@code "UserProfile.v2.json → candidate (backward)"}).
   *
   * @throws IllegalArgumentException if there is not exactly one label per version
   * @throws NullPointerException if an argument, a history entry or a label is null
   */
  public static CompatibilityResult check(List<RecordSchema> history, List<String> labels, RecordSchema candidate,
      CompatibilityMode mode, Format format) {
    Objects.requireNonNull(candidate, "candidate");
    Objects.requireNonNull(mode, "mode");
    String formatName = Objects.requireNonNull(format, "format").name();
    for (RecordSchema s : history) {
      Objects.requireNonNull(s, "a history entry");
    }
    if (labels.size() != history.size()) {
      throw new IllegalArgumentException(labels.size() + " labels for " + history.size() + " versions");
    }
    for (String l : labels) {
      Objects.requireNonNull(l, "a label");
    }
    if (history.isEmpty()) {
      return CompatibilityResult.of(false, formatName, List.of(),
          List.of(new Reason("", candidate.name(), 0, "no earlier version to compare with")));
    }
    if (mode == CompatibilityMode.NONE) {
      boolean same = history.get(history.size() - 1).equals(candidate);
      return CompatibilityResult.of(same, formatName, List.of(),
          same ? List.of() : List.of(new Reason("", candidate.name(), 0, "compatibility mode NONE: not checked")));
    }
    int from = mode.transitive() ? 0 : history.size() - 1;
    List<Reason> reasons = new ArrayList<>();
    List<Reason> notes = new ArrayList<>();
    boolean identical = true;
    for (int i = from; i < history.size(); i++) {
      RecordSchema version = history.get(i);
      String label = labels.get(i);
      if (mode.backward()) {
        identical &= collect(check(version, candidate, format), label + " → candidate (backward)", reasons, notes);
      }
      if (mode.forward()) {
        identical &= collect(check(candidate, version, format), "candidate → " + label + " (forward)", reasons, notes);
      }
    }
    return CompatibilityResult.of(identical, formatName, reasons, notes);
  }

  private static boolean collect(CompatibilityResult r, String context, List<Reason> reasons, List<Reason> notes) {
    for (Reason x : r.reasons()) {
      reasons.add(x.withContext(context));
    }
    for (Reason x : r.notes()) {
      notes.add(x.withContext(context));
    }
    return r.grade() == CompatibilityResult.Grade.IDENTICAL;
  }
}
