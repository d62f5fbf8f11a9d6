package io.polycodec.evolution;

import io.polycodec.schema.DefaultValues;
import io.polycodec.schema.EnumSchema;
import io.polycodec.schema.Field;
import io.polycodec.schema.FlatBuffersFieldIds;
import io.polycodec.schema.Kind;
import io.polycodec.schema.ListSchema;
import io.polycodec.schema.MapSchema;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.ScalarSchema;
import io.polycodec.schema.Schema;
import io.polycodec.schema.UnionSchema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One comparison of a writer schema with a reader schema under one format's rules. It walks both
 * graphs in step, matching fields, constants and members the way the format's readers match them
 * (by tag or by name), and records every difference as breaking or harmless. Each pair of named types
 * is compared once, so recursive schemas terminate. Not thread-safe; one instance per check.
 */
final class Checker {
  private final FormatRules rules;
  private final WireChoices writerChoices;
  private final WireChoices readerChoices;
  private final List<Reason> reasons = new ArrayList<>();
  private final List<Reason> notes = new ArrayList<>();
  private final Map<Schema, Set<Schema>> visited = new IdentityHashMap<>();

  Checker(FormatRules rules) {
    this(rules, WireChoices.NONE, WireChoices.NONE);
  }

  Checker(FormatRules rules, WireChoices writerChoices, WireChoices readerChoices) {
    this.rules = rules;
    this.writerChoices = writerChoices;
    this.readerChoices = readerChoices;
  }

  List<Reason> reasons() {
    return reasons;
  }

  List<Reason> notes() {
    return notes;
  }

  private void breaking(String path, int tag, String message) {
    reasons.add(new Reason("", path, tag, message, Severity.BREAKING));
  }

  private void caveat(String path, int tag, String message) {
    notes.add(new Reason("", path, tag, message, Severity.CAVEAT));
  }

  private void policy(String path, int tag, String message) {
    notes.add(new Reason("", path, tag, message, Severity.POLICY));
  }

  private void note(String path, int tag, String message) {
    notes.add(new Reason("", path, tag, message, Severity.SAFE));
  }

  private int findings() {
    return reasons.size() + notes.size();
  }

  private boolean firstVisit(Schema w, Schema r) {
    return visited.computeIfAbsent(w, k -> Collections.newSetFromMap(new IdentityHashMap<>())).add(r);
  }

  // ---- records ----------------------------------------------------------------------------------

  void records(RecordSchema w, RecordSchema r, String path) {
    if (!firstVisit(w, r)) {
      return;
    }
    if (!w.name().equals(r.name())) {
      note(path, 0, "record " + w.name() + " is now named " + r.name() + " (type names are not on the "
          + rules.name + " wire)");
    }
    Map<Field, Field> writerOf = new IdentityHashMap<>();
    Set<Field> writerMatched = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Field rf : r.fields()) {
      Field wf = rules.byNumber() ? fieldByTag(w, rf.tag()) : rules.writerFieldByName(w, r, rf);
      if (wf != null) {
        writerOf.put(rf, wf);
        writerMatched.add(wf);
      }
    }
    Set<Field> explained = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Field rf : r.fields()) {
      Field wf = writerOf.get(rf);
      String fp = path + "." + rf.name();
      if (wf != null) {
        field(w, r, wf, rf, fp);
        continue;
      }
      Field twin = null;
      for (Field candidate : w.fields()) {
        boolean same = rules.byNumber() ? candidate.name().equals(rf.name()) : candidate.tag() == rf.tag();
        if (same && !writerMatched.contains(candidate)) {
          twin = candidate;
        }
      }
      if (twin != null && !rules.byNumber()) {
        explained.add(twin);
        breaking(fp, rf.tag(), "was named " + twin.name() + " (same tag " + rf.tag() + "): in " + rules.name
            + " fields are keyed by name, so data written as " + twin.name() + " would be dropped and " + rf.name()
            + " would read as " + missingValue(rf));
      } else if (twin != null) {
        explained.add(twin);
        breaking(fp, rf.tag(), "tag changed from " + twin.tag() + " to " + rf.tag() + ": in " + rules.name
            + " fields are keyed by tag, so data written under tag " + twin.tag() + " would be dropped and "
            + rf.name() + " would read as " + missingValue(rf));
      } else if (rf.type().kind() == Kind.UNION && !rf.optional()) {
        breaking(fp, rf.tag(), "required " + rf.type().describe() + " added: a union has no default, so data"
            + " written without it fails to decode (make it optional)");
      } else if (rf.required() && rules.enforcesRequired(rf.type().kind())) {
        breaking(fp, rf.tag(), "required field added: data written without it fails to decode (" + rules.name
            + " refuses a message lacking a required field)");
      } else if (!rf.optional() && !hasDefault(rf.type())) {
        breaking(fp, rf.tag(), "required " + rf.type().describe() + " added: it holds a required union or"
            + " required field, so it has no default and data written without it fails to decode (make it optional)");
      } else {
        note(fp, rf.tag(), "added; data written without it reads it as " + missingValue(rf));
      }
    }
    for (Field wf : w.fields()) {
      if (writerMatched.contains(wf) || explained.contains(wf)) {
        continue;
      }
      String fp = path + "." + wf.name();
      if (rules.removalNeedsDeprecation() && !wf.deprecated()) {
        // The reader skips the slot (FlatBuffersEvolutionBytesTest, and flatc --conform accepts it); the
        // rule exists so that the id is never reused with another type: hygiene, not wire breakage.
        policy(fp, wf.tag(), "removed without being deprecated first: the reader skips it, but flatbuffers asks"
            + " that a field stay in the schema, marked deprecated, so that its id is never reused");
      } else {
        note(fp, wf.tag(), "removed; the reader skips it");
      }
    }
    oneofs(r, writerOf, path);
    if (rules.family == FormatRules.Family.FLATBUFFERS) {
      flatIds(w, r, writerOf, path);
    }
    int last = -1;
    for (Field rf : r.fields()) {
      Field wf = writerOf.get(rf);
      if (wf == null) {
        continue;
      }
      int at = w.fields().indexOf(wf);
      if (at < last) {
        note(path, 0, "fields reordered (harmless: " + rules.name + " keys fields " + rules.keyedBy() + ")");
        break;
      }
      last = at;
    }
  }

  /**
   * FlatBuffers: fields matched by tag must keep their field id. Ids follow tags, but a union field (or
   * list of unions) takes two, so adding one below a field, removing one, or turning a field into or out
   * of one moves every later field to another vtable slot, where the reader finds another field's bytes.
   */
  private void flatIds(RecordSchema w, RecordSchema r, Map<Field, Field> writerOf, String path) {
    int[] writerIds = FlatBuffersFieldIds.of(w);
    int[] readerIds = FlatBuffersFieldIds.of(r);
    for (int i = 0; i < r.size(); i++) {
      Field rf = r.field(i);
      Field wf = writerOf.get(rf);
      if (wf == null) {
        continue;
      }
      int was = writerIds[w.indexOfTag(wf.tag())];
      if (was != readerIds[i]) {
        breaking(path + "." + rf.name(), rf.tag(), "its flatbuffers field id moves from " + was + " to " + readerIds[i]
            + ": a union field below it (which takes two ids, its type and its value) was added, removed or changed,"
            + " so the reader would read another field's slot");
      }
    }
  }

  private static Field fieldByTag(RecordSchema r, int tag) {
    int i = r.indexOfTag(tag);
    return i < 0 ? null : r.field(i);
  }

  private void field(RecordSchema w, RecordSchema r, Field wf, Field rf, String fp) {
    int tag = rf.tag();
    if (!rules.byNumber() && !wf.name().equals(rf.name())) {
      note(fp, tag, "reads what the writer's " + wf.name() + " wrote: in " + rules.name + " its key names this field");
    }
    if (!rules.byNumber() && wf.tag() != rf.tag()) {
      note(fp, tag, "tag changed from " + wf.tag() + " (harmless in " + rules.name + ": fields are keyed by name)");
    }
    if (rules.byNumber() && !wf.name().equals(rf.name())) {
      Field readerNamesake = r.field(wf.name());
      Field writerNamesake = w.field(rf.name());
      if (readerNamesake != null || writerNamesake != null) {
        breaking(fp, tag, "was named " + wf.name() + ", and "
            + (readerNamesake != null
                ? "the name " + wf.name() + " now belongs to tag " + readerNamesake.tag()
                : "the name " + rf.name() + " belonged to tag " + writerNamesake.tag())
            + ": in " + rules.name + " fields are keyed by tag, so values would silently move between fields");
      } else {
        note(fp, tag, "renamed from " + wf.name() + " (harmless in " + rules.name + ": fields are keyed by tag)");
      }
    }
    if (rules.family == FormatRules.Family.PROTOBUF && cardinality(w, r, wf, rf, fp)) {
      return;
    }
    if (wf.optional() && rf.required() && rules.enforcesRequired(rf.type().kind())) {
      breaking(fp, tag, "optional → required: data in which it is absent fails to decode (" + rules.name
          + " refuses a message lacking a required field)");
    } else if (rules.family == FormatRules.Family.PROTOBUF && ProtobufWire.hasImplicitPresence(rf.type())
        && wf.optional() != rf.optional()) {
      presence(wf, rf, fp);
    } else if (rules.family == FormatRules.Family.FLATBUFFERS && flatScalar(wf.type()) && flatScalar(rf.type())
        && wf.optional() != rf.optional()) {
      String d = defaultOf(rf.type());
      caveat(fp, tag, rf.optional()
          ? "required → optional: the writer leaves " + d + " off the wire, so the reader sees the field absent"
              + " where " + d + " was written"
          : "optional → required: an absent field reads as " + d + ", so only the difference between absent and "
              + d + " is lost");
    } else if (!wf.optional() && rf.optional()) {
      if (rf.type().kind() == Kind.UNION) {
        note(fp, tag, "required → optional (a union is always written)");
      } else if (rules.omitsDefaults()) {
        breaking(fp, tag, "required → optional: " + rules.name + " leaves a required field off the wire when it"
            + " holds its default (" + defaultOf(wf.type()) + "), so the reader would see it absent");
      } else {
        note(fp, tag, "required → optional (" + rules.name + " writes every required field)");
      }
    } else if (wf.optional() && !rf.optional()) {
      if (rf.type().kind() == Kind.UNION) {
        breaking(fp, tag, "optional → required: data without it fails to decode (a union has no default)");
      } else if (rules.absentReadsAsDefault() && hasDefault(rf.type())) {
        caveat(fp, tag, "optional → required: data without it reads as " + defaultOf(rf.type())
            + ", which cannot be told apart from a written " + defaultOf(rf.type()) + " (the value's absence is lost)");
      } else {
        breaking(fp, tag, "optional → required: data without it would read as " + defaultOf(rf.type())
            + ", which cannot be told apart from a written " + defaultOf(rf.type()));
      }
    }
    if (wf.deprecated() != rf.deprecated()) {
      note(fp, tag, rf.deprecated() ? "now deprecated" : "no longer deprecated");
    }
    if (!wf.optional() && !rf.optional()) {
      requiredAndDefault(wf, rf, fp);
    }
    if (rules.family == FormatRules.Family.PROTOBUF) {
      layout(w, r, wf, rf, fp);
    }
    type(wf.type(), rf.type(), fp, tag);
  }

  private void oneofs(RecordSchema r, Map<Field, Field> writerOf, String path) {
    Map<String, List<Field>> groups = new LinkedHashMap<>();
    for (Field rf : r.fields()) {
      Field wf = writerOf.get(rf);
      if (wf != null && !java.util.Objects.equals(wf.oneof(), rf.oneof())) {
        note(path + "." + rf.name(), rf.tag(), rf.oneof() == null ? "moved out of oneof " + wf.oneof()
            : wf.oneof() == null ? "moved into oneof " + rf.oneof()
            : "moved from oneof " + wf.oneof() + " to oneof " + rf.oneof());
      }
      if (rf.oneof() != null && wf != null) {
        groups.computeIfAbsent(rf.oneof(), k -> new ArrayList<>()).add(rf);
      }
    }
    for (Map.Entry<String, List<Field>> g : groups.entrySet()) {
      List<Field> members = g.getValue();
      if (members.size() < 2) {
        continue;
      }
      String writerGroup = writerOf.get(members.get(0)).oneof();
      boolean exclusive = writerGroup != null;
      for (Field rf : members) {
        exclusive &= writerGroup != null && writerGroup.equals(writerOf.get(rf).oneof());
      }
      if (!exclusive) {
        List<String> names = new ArrayList<>();
        for (Field rf : members) {
          names.add(rf.name());
        }
        breaking(path, 0, "fields " + String.join(", ", names) + " are now in oneof " + g.getKey()
            + ", but the writer may set several of them at once, and the reader keeps at most one");
      }
    }
  }

  // ---- required and default values (docs/defaults.md) ---------------------------------------------

  private void requiredAndDefault(Field wf, Field rf, String fp) {
    int tag = rf.tag();
    Kind kind = rf.type().kind();
    if (rf.required() && !wf.required()) {
      if (!rules.enforcesRequired(kind)) {
        note(fp, tag, kind.isCollection()
            ? "now required, which " + rules.name + " cannot enforce on a " + rf.type().describe()
                + ": an empty one is not on the wire, so an absent one still reads as empty"
            : "now required, which " + rules.name + " cannot say of a scalar: an absent one still reads as its default");
      } else if (rules.writesEveryField() || alwaysWritten(wf)) {
        caveat(fp, tag, "now required: a Polycodec writer always wrote it, but data from a writer that left it"
            + " out (which the writer's schema allowed) now fails to decode");
      } else {
        breaking(fp, tag, "now required: the writer leaves it off the wire when it holds its default ("
            + defaultText(wf) + "), and the reader refuses data lacking a required field");
      }
    } else if (wf.required() && !rf.required()) {
      note(fp, tag, "no longer required (the reader accepts it absent; readers that still require it refuse"
          + " data written without it: check the other direction too)");
    }
    String wd = defaultText(wf);
    String rd = defaultText(rf);
    // Only where a schema has a default of its own: kind changes without them are type() findings.
    if ((wf.hasDefault() || rf.hasDefault()) && !wd.equals(rd) && DefaultValues.allowed(rf.type())
        && DefaultValues.allowed(wf.type())) {
      String change = "default changed from " + wd + " to " + rd;
      if (!rules.omitsDefaults() || rules.writesOwnDefault(wf)) {
        caveat(fp, tag, change + ": " + rules.name + " writers write the value, but data in which it is absent"
            + " (written by a schema without the field, or by another writer) now reads as " + rd);
      } else {
        breaking(fp, tag, change + ": the writer leaves the field off the wire when it holds " + wd
            + ", which the reader reads as " + rd
            + (rules.family == FormatRules.Family.FLATBUFFERS
                ? " (flatc --conform refuses it: \"defaults differ for field\")" : ""));
      }
    }
  }

  /** Whether a Polycodec writer of {@code rules}' format puts {@code f} on the wire whatever its value. */
  private boolean alwaysWritten(Field f) {
    Kind k = f.type().kind();
    if (k == Kind.RECORD || k == Kind.UNION) {
      return true;
    }
    return rules.writesOwnDefault(f) || rules.family == FormatRules.Family.FLATBUFFERS && k == Kind.STRING;
  }

  /** The field's default (its own, else its kind's) as text, for messages and comparison. */
  private static String defaultText(Field f) {
    if (!f.hasDefault()) {
      return defaultOf(f.type());
    }
    return f.type().kind() == Kind.STRING ? "\"" + f.defaultText() + "\"" : f.defaultText();
  }

  // ---- protobuf: presence, cardinality, layout ---------------------------------------------------

  // Implicit presence (proto3 plain) and explicit presence (optional) put the same bytes on the wire for
  // a set value; they differ only in whether a default value is written. Protobuf's accessors return the
  // default either way, so data reads; what changes is whether a Polycodec record sees 0 or "absent".
  private void presence(Field wf, Field rf, String fp) {
    String d = defaultOf(rf.type());
    if (rf.optional()) {
      caveat(fp, rf.tag(), "implicit → explicit presence: the bytes are the same, but the writer leaves " + d
          + " off the wire, so the reader sees the field unset where " + d + " was written (protobuf's getter"
          + " still returns " + d + "; a Polycodec record reads it as absent)");
    } else {
      caveat(fp, rf.tag(), "explicit → implicit presence: the bytes are the same; an unset field reads as " + d
          + " (what protobuf's getter returned anyway), so only the difference between unset and " + d
          + " is lost");
    }
  }

  // Protobuf's language guide ("Updating a message type"): a singular field may become repeated, the
  // parser reading the one value as a one-element list; repeated → singular keeps the last element for
  // strings and bytes and merges the elements of messages.
  private boolean cardinality(RecordSchema w, RecordSchema r, Field wf, Field rf, String fp) {
    Schema wt = wf.type();
    Schema rt = rf.type();
    int tag = rf.tag();
    if (rt.kind() == Kind.LIST && wt.kind() != Kind.LIST && wt.kind() != Kind.MAP && wt.kind() != Kind.UNION
        && wt.kind() != Kind.VECTOR) {
      Schema re = ((ListSchema) rt).element();
      if (ProtobufWire.hasImplicitPresence(wt) && !wf.optional()) {
        caveat(fp, tag, "singular → repeated: protobuf parsers read the value as a one-element list, but the"
            + " writer leaves " + defaultOf(wt) + " off the wire, which then reads as an empty list");
      } else {
        note(fp, tag, "singular → repeated: protobuf parsers read the value as a one-element list"
            + (ProtobufWire.packable(re) ? " (packed and unpacked runs both parse)" : ""));
      }
      delimitation(w, r, wf, rf, fp);
      type(wt, re, fp + "[]", tag);
      return true;
    }
    if (wt.kind() == Kind.LIST && rt.kind() != Kind.LIST && rt.kind() != Kind.MAP && rt.kind() != Kind.UNION
        && rt.kind() != Kind.VECTOR) {
      Schema we = ((ListSchema) wt).element();
      if (ProtobufWire.packable(we) && !writerChoices.isUnpacked(w.name(), wf.tag())) {
        breaking(fp, tag, "repeated → singular: the writer packs the numbers into one length-delimited run,"
            + " which a singular " + rt.describe() + " does not accept (protobuf-java drops it as an unknown"
            + " field)");
        return true;
      }
      caveat(fp, tag, "repeated → singular: protobuf parsers keep only the last element"
          + (we.kind() == Kind.RECORD ? " (protobuf-java merges all the elements into one message)" : "")
          + ", the others are lost");
      delimitation(w, r, wf, rf, fp);
      type(we, rt, fp, tag);
      return true;
    }
    return false;
  }

  private void layout(RecordSchema w, RecordSchema r, Field wf, Field rf, String fp) {
    delimitation(w, r, wf, rf, fp);
    Schema wt = wf.type();
    Schema rt = rf.type();
    if (wt.kind() == Kind.LIST && rt.kind() == Kind.LIST && ProtobufWire.packable(((ListSchema) wt).element())
        && ProtobufWire.packable(((ListSchema) rt).element())) {
      boolean wu = writerChoices.isUnpacked(w.name(), wf.tag());
      boolean ru = readerChoices.isUnpacked(r.name(), rf.tag());
      if (wu != ru) {
        note(fp, rf.tag(), (wu ? "unpacked → packed" : "packed → unpacked") + ": protobuf parsers accept both"
            + " encodings of a repeated number whatever the field declares (language guide, \"Packed repeated"
            + " fields\")");
      }
    }
  }

  private void delimitation(RecordSchema w, RecordSchema r, Field wf, Field rf, String fp) {
    if (!ProtobufWire.holdsMessage(wf.type()) || !ProtobufWire.holdsMessage(rf.type())) {
      return;
    }
    boolean wd = writerChoices.isDelimited(w.name(), wf.tag());
    boolean rd = readerChoices.isDelimited(r.name(), rf.tag());
    if (wd != rd) {
      breaking(fp, rf.tag(), wd
          ? "written as a group (delimited by start/end-group tags, wire type 3) but read as a length-prefixed"
              + " message (wire type 2): protobuf-java drops it as an unknown field and Polycodec refuses it"
          : "written as a length-prefixed message (wire type 2) but read as a group (delimited, wire type 3):"
              + " protobuf-java drops it as an unknown field and Polycodec refuses it");
    }
  }

  // ---- types ------------------------------------------------------------------------------------

  void type(Schema w, Schema r, String path, int tag) {
    Kind wk = w.kind();
    Kind rk = r.kind();
    if (rules.family == FormatRules.Family.PROTOBUF && !w.equals(r) && !(wk == Kind.ENUM && rk == Kind.ENUM)
        && ProtobufWire.of(w) != null && ProtobufWire.of(r) != null) {
      ProtobufWire.Verdict v = ProtobufWire.change(w, r);
      switch (v.severity()) {
        case BREAKING: breaking(path, tag, v.message()); break;
        case CAVEAT: caveat(path, tag, v.message()); break;
        default: note(path, tag, v.message()); break;
      }
      return;
    }
    if (rules.family == FormatRules.Family.FLATBUFFERS && integerRank(wk) > 0 && integerRank(rk) > 0
        && !w.equals(r)) {
      flatInteger((ScalarSchema) w, (ScalarSchema) r, path, tag);
      return;
    }
    if (wk == rk) {
      switch (wk) {
        case INT32:
        case INT64: {
          String why = rules.integerChange((ScalarSchema) w, (ScalarSchema) r);
          if (why != null) {
            breaking(path, tag, w.describe() + " → " + r.describe() + " " + why);
          } else if (!w.equals(r)) {
            note(path, tag, w.describe() + " → " + r.describe() + " (the encoding hint does not change what "
                + rules.name + " writes)");
          }
          return;
        }
        case ENUM:
          enums((EnumSchema) w, (EnumSchema) r, path, tag);
          return;
        case LIST: {
          Schema we = ((ListSchema) w).element();
          Schema re = ((ListSchema) r).element();
          if (rules.family == FormatRules.Family.FLATBUFFERS && integerRank(we.kind()) > 0
              && integerRank(re.kind()) > 0 && we.kind() != re.kind()) {
            // Elements of a vector are packed at the element's width: another width misreads every one.
            breaking(path + "[]", tag, we.describe() + " → " + re.describe() + " is not readable in flatbuffers: a"
                + " vector's elements are packed at their width, so another width reads other numbers");
            return;
          }
          type(we, re, path + "[]", tag);
          return;
        }
        case MAP:
          mapKeys(((MapSchema) w).key(), ((MapSchema) r).key(), path, tag);
          type(((MapSchema) w).value(), ((MapSchema) r).value(), path + "{}", tag);
          return;
        case VECTOR:
          if (!w.equals(r)) {
            breaking(path, tag, w.describe() + " → " + r.describe() + " changes the vector's element layout,"
                + " which no format converts on read");
          }
          return;
        case RECORD:
          records((RecordSchema) w, (RecordSchema) r, path);
          return;
        case UNION:
          unions((UnionSchema) w, (UnionSchema) r, path, tag);
          return;
        default:
          return; // bool, floats, string, bytes, timestamp, duration: one schema each
      }
    }
    if ((wk == Kind.DURATION || rk == Kind.DURATION) && rules.family == FormatRules.Family.PROTOBUF
        && durationInProtobuf(w, r, path, tag)) {
      return;
    }
    if (integerRank(wk) > 0 && integerRank(wk) < integerRank(rk)) {
      String why = rules.integerChange((ScalarSchema) w, (ScalarSchema) r);
      if (why != null) {
        breaking(path, tag, w.describe() + " → " + r.describe() + " " + why);
      } else {
        note(path, tag, w.describe() + " → " + r.describe() + " (widening; " + rules.name + " reads it)");
      }
      return;
    }
    boolean intToFloat = integerRank(wk) > 0 && (rk == Kind.FLOAT32 || rk == Kind.FLOAT64);
    if (intToFloat && rules.readsNumbersLoosely()) {
      if (((ScalarSchema) w).encoding().isUnsigned()) {
        breaking(path, tag, w.describe() + " → " + r.describe() + " is not readable in " + rules.name
            + " with the same value: the int holds an unsigned bit pattern");
      } else {
        int bits = rk == Kind.FLOAT32 ? 24 : 53;
        boolean exact = rk == Kind.FLOAT64 ? integerRank(wk) <= 3 : integerRank(wk) <= 2;
        note(path, tag, w.describe() + " → " + r.describe() + " (" + rules.name + " reads integers as floats"
            + (exact ? ")" : "; magnitudes above 2^" + bits + " are rounded)"));
      }
      return;
    }
    if (wk == Kind.FLOAT32 && rk == Kind.FLOAT64 && rules.readsNumbersLoosely()) {
      // Binary formats widen the float's bits exactly; a text format reads the float's shortest decimal,
      // which is the nearest float64 to that decimal: equal to the float at float32 precision only.
      note(path, tag, "float32 → float64 (widening; " + rules.name
          + (rules.family == FormatRules.Family.JSON
              ? " reads the float's shortest decimal, equal to it at float32 precision)"
              : " reads it exactly)"));
      return;
    }
    if (wk == Kind.STRING && rk == Kind.BYTES && rules.readsStringAsBytes()) {
      note(path, tag, "string → bytes (" + rules.name + " reads a string as the bytes of its UTF-8)");
      return;
    }
    breaking(path, tag, w.describe() + " → " + r.describe() + " is not readable in " + rules.name
        + (rules.family == FormatRules.Family.FLATBUFFERS ? " (flatbuffers allows no type change)" : ""));
  }

  // FlatBuffers stores a scalar in place, little-endian, at a width fixed by the reader's type: a narrower
  // reader reads the low bytes (truncation, perhaps a change of sign), a wider one reads past the
  // writer's bytes into a neighbour's or padding. Proven in FlatBuffersEvolutionBytesTest; flatc --conform
  // refuses every type change.
  private void flatInteger(ScalarSchema w, ScalarSchema r, String path, int tag) {
    String change = w.describe() + " → " + r.describe();
    if (integerRank(w.kind()) < integerRank(r.kind())) {
      breaking(path, tag, change + " is not readable in flatbuffers: the reader reads " + bytes(r.kind())
          + " bytes where the writer stored " + bytes(w.kind()) + " (flatbuffers allows no type change)");
    } else if (w.kind() == r.kind() && w.encoding().isUnsigned() == r.encoding().isUnsigned()) {
      note(path, tag, change + " (the encoding hint does not change what flatbuffers writes)");
    } else {
      caveat(path, tag, change + ": flatbuffers reads the low " + bytes(r.kind()) + " byte(s) of the little-endian"
          + " value, so values outside the reader's range are truncated or change sign");
    }
  }

  private static int bytes(Kind k) {
    return 1 << (integerRank(k) - 1);
  }

  private static boolean flatScalar(Schema s) {
    return integerRank(s.kind()) > 0 || s.kind() == Kind.BOOL || s.kind() == Kind.FLOAT32
        || s.kind() == Kind.FLOAT64 || s.kind() == Kind.ENUM;
  }

  private void mapKeys(ScalarSchema w, ScalarSchema r, String path, int tag) {
    if (w.equals(r)) {
      return;
    }
    boolean integers = (w.kind() == Kind.INT32 || w.kind() == Kind.INT64)
        && (r.kind() == Kind.INT64 || (r.kind() == Kind.INT32 && w.kind() == Kind.INT32));
    if (integers) {
      String why = rules.integerChange(w, r);
      if (why != null) {
        breaking(path, tag, "map key " + w.describe() + " → " + r.describe() + " " + why);
      } else {
        note(path, tag, "map key " + w.describe() + " → " + r.describe() + " (" + rules.name + " reads it)");
      }
      return;
    }
    breaking(path, tag, "map key " + w.describe() + " → " + r.describe() + " is not readable in " + rules.name);
  }

  // ---- enums ------------------------------------------------------------------------------------

  private void enums(EnumSchema w, EnumSchema r, String path, int tag) {
    if (!firstVisit(w, r)) {
      return;
    }
    int before = findings();
    if (!w.name().equals(r.name())) {
      note(path, tag, "enum " + w.name() + " is now named " + r.name() + " (type names are not on the "
          + rules.name + " wire)");
    }
    String type = "enum " + r.name();
    int last = -1;
    boolean reordered = false;
    for (EnumSchema.Constant c : w.constants()) {
      EnumSchema.Constant rc = rules.byNumber() ? r.byNumber(c.number()) : r.byName(c.name());
      if (rc == null) {
        String hint = "";
        if (rules.byNumber() && r.byName(c.name()) != null) {
          hint = " (its number changed to " + r.byName(c.name()).number() + "; " + rules.name
              + " keys constants by number)";
        } else if (!rules.byNumber() && r.byNumber(c.number()) != null && w.byName(r.byNumber(c.number()).name()) == null) {
          hint = " (renamed to " + r.byNumber(c.number()).name() + "? " + rules.name + " keys constants by name)";
        }
        breaking(path, tag, type + ": constant " + c.name() + " (" + c.number() + ") is unknown to the reader"
            + hint + ", so data holding it fails to decode (unless the reader's Java enum has a @Fallback constant)");
        continue;
      }
      int at = r.constants().indexOf(rc);
      reordered |= at < last;
      last = at;
      if (rules.byNumber() && !rc.name().equals(c.name())) {
        if (w.byName(rc.name()) != null || r.byName(c.name()) != null) {
          breaking(path, tag, type + ": number " + c.number() + " was " + c.name() + " and is now " + rc.name()
              + ", while the other name is still in use: " + rules.name + " keys constants by number, so values"
              + " would silently change meaning");
        } else {
          note(path, tag, type + ": constant " + c.name() + " renamed " + rc.name() + " (harmless in " + rules.name
              + ": constants are keyed by number)");
        }
      } else if (!rules.byNumber() && rc.number() != c.number()) {
        note(path, tag, type + ": constant " + c.name() + " renumbered " + c.number() + " → " + rc.number()
            + " (harmless in " + rules.name + ": constants are keyed by name)");
      }
    }
    for (EnumSchema.Constant rc : r.constants()) {
      EnumSchema.Constant wc = rules.byNumber() ? w.byNumber(rc.number()) : w.byName(rc.name());
      if (wc == null) {
        note(path, tag, type + ": constant " + rc.name() + " (" + rc.number() + ") added; older data never holds it");
      }
    }
    if (rules.omitsDefaults()) {
      EnumSchema.Constant wd = w.defaultConstant();
      EnumSchema.Constant rd = r.defaultConstant();
      boolean same = rules.byNumber() ? wd.number() == rd.number() : wd.name().equals(rd.name());
      if (!same) {
        breaking(path, tag, type + ": the default constant changes from " + wd.name() + " (" + wd.number() + ") to "
            + rd.name() + " (" + rd.number() + "): " + rules.name + " leaves a required enum field holding its"
            + " default off the wire, so the reader would read " + rd.name() + " where " + wd.name() + " was written");
      }
    }
    if (rules.family == FormatRules.Family.FLATBUFFERS && width(w) != width(r)) {
      breaking(path, tag, type + ": its numbers now need " + width(r) + " bits instead of " + width(w)
          + ", which changes the flatbuffers enum's underlying type");
    }
    if (reordered && findings() == before) {
      note(path, tag, type + ": constants reordered (harmless)");
    }
  }

  // The narrowest signed integer type holding every number: what a FlatBuffers schema may declare.
  private static int width(EnumSchema e) {
    int bits = 8;
    for (EnumSchema.Constant c : e.constants()) {
      long n = c.number();
      if (n != (int) n) {
        return 64;
      }
      if (n < Short.MIN_VALUE || n > Short.MAX_VALUE) {
        bits = 32;
      }
      if ((n < Byte.MIN_VALUE || n > Byte.MAX_VALUE) && bits < 16) {
        bits = 16;
      }
    }
    return bits;
  }

  // ---- unions -----------------------------------------------------------------------------------

  private void unions(UnionSchema w, UnionSchema r, String path, int tag) {
    if (!firstVisit(w, r)) {
      return;
    }
    if (!w.name().equals(r.name())) {
      note(path, tag, "union " + w.name() + " is now named " + r.name() + " (type names are not on the "
          + rules.name + " wire)");
    }
    String type = "union " + r.name();
    boolean[] matched = new boolean[r.members().size()];
    int last = -1;
    boolean reordered = false;
    for (UnionSchema.Member m : w.members()) {
      int i = rules.byNumber() ? r.indexOfTag(m.tag()) : r.indexOfName(m.name());
      if (i < 0) {
        String hint = "";
        int byName = r.indexOfName(m.name());
        int byTag = r.indexOfTag(m.tag());
        if (rules.byNumber() && byName >= 0) {
          hint = " (its tag changed to " + r.members().get(byName).tag() + "; " + rules.name + " keys members by tag)";
        } else if (!rules.byNumber() && byTag >= 0 && w.indexOfName(r.members().get(byTag).name()) < 0) {
          hint = " (renamed to " + r.members().get(byTag).name() + "? " + rules.name + " keys members by name)";
        }
        breaking(path, tag, type + ": member " + m.name() + " (tag " + m.tag() + ") is unknown to the reader" + hint
            + ", so data holding it fails to decode");
        continue;
      }
      matched[i] = true;
      reordered |= i < last;
      last = i;
      UnionSchema.Member rm = r.members().get(i);
      if (rules.byNumber() && !rm.name().equals(m.name())) {
        if (w.indexOfName(rm.name()) >= 0 || r.indexOfName(m.name()) >= 0) {
          breaking(path, tag, type + ": tag " + m.tag() + " was member " + m.name() + " and is now " + rm.name()
              + ", while the other name is still in use: " + rules.name + " keys members by tag, so values would"
              + " silently change member");
        } else {
          note(path, tag, type + ": member " + m.name() + " renamed " + rm.name() + " (harmless in " + rules.name
              + ": members are keyed by tag)");
        }
      } else if (!rules.byNumber() && rm.tag() != m.tag()) {
        note(path, tag, type + ": member " + m.name() + " retagged " + m.tag() + " → " + rm.tag() + " (harmless in "
            + rules.name + ": members are keyed by name)");
      }
      records(m.type(), rm.type(), path + "(" + rm.name() + ")");
    }
    for (int i = 0; i < matched.length; i++) {
      if (!matched[i]) {
        UnionSchema.Member rm = r.members().get(i);
        note(path, tag, type + ": member " + rm.name() + " (tag " + rm.tag() + ") added; older data never holds it");
      }
    }
    if (reordered) {
      note(path, tag, type + ": members reordered (harmless)");
    }
  }

  // ---- defaults, for messages -------------------------------------------------------------------

  private static String missingValue(Field f) {
    return f.optional() ? "absent" : "its default, " + defaultText(f);
  }

  /** Whether a missing value of {@code s} decodes to a default: not a union, nor a record that requires one. */
  static boolean hasDefault(Schema s) {
    if (s.kind() == Kind.UNION) {
      return false;
    }
    if (s instanceof RecordSchema) {
      for (Field f : ((RecordSchema) s).fields()) {
        if (f.required() || !f.optional() && !hasDefault(f.type())) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * A duration is the message {@code {int64 seconds = 1; int32 nanos = 2;}} in Protobuf, as is a timestamp
   * and as may be a record: between those the bytes are the same and only the values' meaning or validity
   * changes. False if {@code w → r} is not such a change (the caller reports it as breaking).
   */
  private boolean durationInProtobuf(Schema w, Schema r, String path, int tag) {
    Schema other = w.kind() == Kind.DURATION ? r : w;
    boolean toDuration = r.kind() == Kind.DURATION;
    String change = w.describe() + " → " + r.describe();
    if (other.kind() == Kind.TIMESTAMP) {
      if (toDuration) {
        caveat(path, tag, change + " reads the same bytes (both are {int64 seconds = 1; int32 nanos = 2}), but a"
            + " point in time becomes a span since the epoch");
      } else {
        breaking(path, tag, change + " reads the same bytes, but a negative duration (nanos below 0) is not a"
            + " timestamp and fails to decode");
      }
      return true;
    }
    if (other.kind() != Kind.RECORD || !secondsAndNanos((RecordSchema) other)) {
      return false;
    }
    if (toDuration) {
      breaking(path, tag, change + " reads the same bytes, but a record whose seconds and nanos differ in sign,"
          + " or whose nanos reach ±10^9, is not a duration and fails to decode");
    } else {
      note(path, tag, change + " (the same bytes: google.protobuf.Duration is {int64 seconds = 1; int32 nanos = 2})");
    }
    return true;
  }

  private static boolean secondsAndNanos(RecordSchema s) {
    if (s.fields().size() != 2) {
      return false;
    }
    Field a = s.fields().get(0).tag() == 1 ? s.fields().get(0) : s.fields().get(1);
    Field b = a == s.fields().get(0) ? s.fields().get(1) : s.fields().get(0);
    return a.tag() == 1 && b.tag() == 2 && a.oneof() == null && b.oneof() == null
        && a.type().equals(Schema.int64()) && b.type().equals(Schema.int32());
  }

  static String defaultOf(Schema s) {
    return switch (s.kind()) {
      case BOOL -> "false";
      case INT8, INT16, INT32, INT64 -> "0";
      case FLOAT32, FLOAT64 -> "0.0";
      case STRING -> "\"\"";
      case BYTES -> "empty bytes";
      case TIMESTAMP -> "the epoch";
      case DURATION -> "zero";
      case LIST -> "an empty list";
      case MAP -> "an empty map";
      case VECTOR -> "an empty vector";
      case ENUM -> ((EnumSchema) s).defaultConstant().name();
      case RECORD -> "a " + ((RecordSchema) s).name() + " of defaults";
      case UNION -> "nothing (a union has no default)";
    };
  }

  /** 1 to 4 for int8 to int64 (a wider integer reads a narrower one's values), 0 for other kinds. */
  private static int integerRank(Kind k) {
    return switch (k) {
      case INT8 -> 1;
      case INT16 -> 2;
      case INT32 -> 3;
      case INT64 -> 4;
      case BOOL, FLOAT32, FLOAT64, STRING, BYTES, TIMESTAMP, DURATION, ENUM, LIST, VECTOR, MAP, RECORD, UNION -> 0;
    };
  }
}
