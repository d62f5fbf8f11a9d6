package io.polycodec.examples.profiles;

import io.polycodec.Codecs;
import io.polycodec.Format;
import io.polycodec.evolution.Compatibility;
import io.polycodec.evolution.CompatibilityResult;
import io.polycodec.examples.UserProfile;
import io.polycodec.schema.Field;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The two changes the profile team plans next, checked before they ship: adding a field, and renaming
 * one. Each is checked in both directions (new code reading old data, old code reading new data) for
 * the formats the service speaks.
 */
public final class ProfileEvolution {
  private ProfileEvolution() {}

  /** One verdict. */
  public record Verdict(String change, String format, boolean backward, boolean forward, String reason) {}

  /** The current schema with an optional {@code phone} field added (tag 13). */
  public static RecordSchema withPhone() {
    return edit(b -> b.optionalField("phone", 13, Schema.string()), f -> f);
  }

  /** The current schema with {@code displayName} renamed to {@code fullName} (same tag). */
  public static RecordSchema withRename() {
    return edit(b -> b, f -> f.name().equals("displayName") ? f.withName("fullName") : f);
  }

  private static RecordSchema edit(UnaryOperator<RecordSchema.Builder> extra, UnaryOperator<Field> eachField) {
    RecordSchema current = Codecs.schemaOf(UserProfile.class);
    RecordSchema.Builder b = RecordSchema.builder(current.name());
    for (Field f : current.fields()) {
      b.field(eachField.apply(f));
    }
    return extra.apply(b).build();
  }

  /** Verdicts for both changes in each of {@code formats}. */
  public static List<Verdict> check(List<String> formats) {
    RecordSchema current = Codecs.schemaOf(UserProfile.class);
    List<Verdict> out = new ArrayList<>();
    for (String name : formats) {
      Format format = Codecs.provider(name).format();
      out.add(verdict("add optional phone", format, current, withPhone()));
      out.add(verdict("rename displayName", format, current, withRename()));
    }
    return out;
  }

  private static Verdict verdict(String change, Format format, RecordSchema before, RecordSchema after) {
    CompatibilityResult backward = Compatibility.check(before, after, format);
    CompatibilityResult forward = Compatibility.check(after, before, format);
    String reason = !backward.reasons().isEmpty() ? backward.reasons().get(0).toString()
        : !forward.reasons().isEmpty() ? forward.reasons().get(0).toString() : "";
    return new Verdict(change, format.name(), backward.isCompatible(), forward.isCompatible(), reason);
  }
}
