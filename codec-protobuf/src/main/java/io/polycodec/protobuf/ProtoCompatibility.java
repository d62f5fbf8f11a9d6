package io.polycodec.protobuf;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.polycodec.Format;
import io.polycodec.evolution.Compatibility;
import io.polycodec.evolution.CompatibilityResult;
import io.polycodec.evolution.Reason;
import io.polycodec.evolution.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Compares two versions of a set of .proto files (descriptor sets as {@code protoc --descriptor_set_out}
 * writes them), as buf's breaking-change check does: every message of the writer's files against the
 * reader's message of the same full name, with its {@link WireLayout} (groups, packing); every enum no
 * message uses; and, as {@link Severity#POLICY} findings distinct from wire breakage, fields and enum
 * values deleted without reserving their number and name (language guide, "Deleting fields" and
 * "Reserved fields"). Types that exist only in the reader are new and not reported. Stateless.
 */
public final class ProtoCompatibility {
  private static final Format PROTOBUF = new ProtobufProvider().format();

  private ProtoCompatibility() {}

  /**
   * Whether data written with the files of {@code writer} reads with those of {@code reader}.
   *
   * <p>Each message is checked as a root and reports only its own fields (its nested types report
   * theirs), so every finding appears once, at {@code pkg.Message.field (tag n)}; enums used by a field
   * are reported there.
   *
   * @throws io.polycodec.SchemaException if a set does not build or a type cannot be imported
   * @throws NullPointerException if an argument is null
   */
  public static CompatibilityResult check(FileDescriptorSet writer, FileDescriptorSet reader) {
    Map<String, Descriptor> wm = new LinkedHashMap<>();
    Map<String, EnumDescriptor> we = new LinkedHashMap<>();
    Map<String, Descriptor> rm = new LinkedHashMap<>();
    Map<String, EnumDescriptor> re = new LinkedHashMap<>();
    collect(ProtoImport.files(Objects.requireNonNull(writer, "writer")), wm, we);
    collect(ProtoImport.files(Objects.requireNonNull(reader, "reader")), rm, re);
    Set<String> usedEnums = new HashSet<>();
    for (Descriptor d : wm.values()) {
      usedEnums(d, usedEnums);
    }
    for (Descriptor d : rm.values()) {
      usedEnums(d, usedEnums);
    }
    List<Reason> findings = new ArrayList<>();
    boolean identical = wm.keySet().equals(rm.keySet()) && we.keySet().equals(re.keySet());
    for (Descriptor w : wm.values()) {
      Descriptor r = rm.get(w.getFullName());
      if (r == null) {
        findings.add(new Reason("", w.getFullName(), 0, "message type removed (data holds no type names; a field"
            + " that still refers to it is reported there)", Severity.SAFE));
        continue;
      }
      ProtoImport.Imported wi = ProtoImport.message(w);
      ProtoImport.Imported ri = ProtoImport.message(r);
      CompatibilityResult c = Compatibility.check(wi.schema(), wi.layout(), ri.schema(), ri.layout(), PROTOBUF);
      identical &= c.grade() == CompatibilityResult.Grade.IDENTICAL;
      for (Reason x : c.reasons()) {
        own(x, r.getFullName(), findings);
      }
      for (Reason x : c.notes()) {
        own(x, r.getFullName(), findings);
      }
      for (FieldDescriptor f : w.getFields()) {
        if (r.findFieldByNumber(f.getNumber()) == null) {
          unreserved(r.isReservedNumber(f.getNumber()), r.isReservedName(f.getName()), r.getFullName() + "."
              + f.getName(), f.getNumber(), "field", findings);
        }
      }
    }
    for (EnumDescriptor w : we.values()) {
      EnumDescriptor r = re.get(w.getFullName());
      if (r == null) {
        continue; // a field that still uses it is reported by its message
      }
      if (!usedEnums.contains(w.getFullName())) {
        CompatibilityResult c = Compatibility.check(ProtoImport.enumeration(w), ProtoImport.enumeration(r), PROTOBUF);
        identical &= c.grade() == CompatibilityResult.Grade.IDENTICAL;
        findings.addAll(c.reasons());
        findings.addAll(c.notes());
      }
      for (EnumValueDescriptor v : w.getValues()) {
        if (r.findValueByNumber(v.getNumber()) == null) {
          unreserved(r.isReservedNumber(v.getNumber()), r.isReservedName(v.getName()), r.getFullName() + "."
              + v.getName(), 0, "enum value " + v.getNumber(), findings);
        }
      }
    }
    identical &= findings.isEmpty();
    return CompatibilityResult.of(PROTOBUF.name(), identical, findings);
  }

  // A finding of a message's own fields (or of the message itself): the path is the root, or the root
  // and one field, perhaps with [] or {} after it. Deeper paths belong to the nested type's own check.
  private static void own(Reason x, String root, List<Reason> out) {
    String rest = x.path().substring(Math.min(root.length(), x.path().length()));
    if (rest.isEmpty() || (rest.startsWith(".") && rest.indexOf('.', 1) < 0 && rest.indexOf('(') < 0)) {
      out.add(x);
    }
  }

  private static void unreserved(boolean number, boolean name, String path, int tag, String what, List<Reason> out) {
    if (number && name) {
      return;
    }
    String missing = !number && !name ? "its number and name" : !number ? "its number" : "its name";
    out.add(new Reason("", path, tag, what + " deleted without reserving " + missing + ": the wire is fine, but"
        + " a later version may reuse " + missing + " for something else, which old data or old readers would"
        + " then misread (language guide, \"Reserved fields\")", Severity.POLICY));
  }

  private static void collect(List<FileDescriptor> files, Map<String, Descriptor> messages,
      Map<String, EnumDescriptor> enums) {
    for (FileDescriptor f : files) {
      for (EnumDescriptor e : f.getEnumTypes()) {
        enums.put(e.getFullName(), e);
      }
      for (Descriptor d : f.getMessageTypes()) {
        collect(d, messages, enums);
      }
    }
  }

  private static void collect(Descriptor d, Map<String, Descriptor> messages, Map<String, EnumDescriptor> enums) {
    if (d.getOptions().getMapEntry()) {
      return; // map entries are part of their map field
    }
    messages.put(d.getFullName(), d);
    for (EnumDescriptor e : d.getEnumTypes()) {
      enums.put(e.getFullName(), e);
    }
    for (Descriptor n : d.getNestedTypes()) {
      collect(n, messages, enums);
    }
  }

  private static void usedEnums(Descriptor d, Set<String> out) {
    for (FieldDescriptor f : d.getFields()) {
      if (f.getJavaType() == FieldDescriptor.JavaType.ENUM) {
        out.add(f.getEnumType().getFullName());
      }
    }
    for (Descriptor n : d.getNestedTypes()) {
      usedEnums(n, out);
    }
  }
}
