package io.polycodec.protobuf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import io.polycodec.evolution.CompatibilityResult;
import io.polycodec.evolution.Reason;
import io.polycodec.evolution.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole-file checks: enums no message uses, and deletions without {@code reserved} as policy findings. */
class ProtoCompatibilityTest {
  @TempDir
  Path dir;

  private FileDescriptorSet proto(String body) throws Exception {
    return Protoc.compile(dir, "evo.proto", "syntax = \"proto3\";\npackage evo;\n" + body);
  }

  private static List<String> lines(CompatibilityResult r, Severity s) {
    List<String> out = new ArrayList<>();
    for (Reason x : r.reasons()) {
      if (x.severity() == s) {
        out.add(x.toString());
      }
    }
    for (Reason x : r.notes()) {
      if (x.severity() == s) {
        out.add(x.toString());
      }
    }
    return out;
  }

  @Test
  void anEnumNoMessageUsesIsChecked() throws Exception {
    FileDescriptorSet v1 = proto("enum Color { RED = 0; GREEN = 1; BLUE = 2; }\nmessage M { int32 a = 1; }\n");
    FileDescriptorSet v2 = proto("enum Color { RED = 0; GREEN = 1; reserved 2; reserved \"BLUE\"; }\n"
        + "message M { int32 a = 1; }\n");
    CompatibilityResult r = ProtoCompatibility.check(v1, v2);
    assertFalse(r.isCompatible(), r.report());
    assertEquals(List.of("evo.Color: enum evo.Color: constant BLUE (2) is unknown to the reader, so data holding it"
        + " fails to decode (unless the reader's Java enum has a @Fallback constant)"), lines(r, Severity.BREAKING));
    assertTrue(lines(r, Severity.POLICY).isEmpty(), "BLUE was reserved: " + r.report());
    assertEquals(CompatibilityResult.Grade.IDENTICAL, ProtoCompatibility.check(v1, v1).grade());
    // Adding a value reads (the reverse direction).
    assertTrue(ProtoCompatibility.check(v2, v1).isCompatible(), ProtoCompatibility.check(v2, v1).report());
  }

  @Test
  void deletionsWithoutReservingArePolicyFindingsNotBreakage() throws Exception {
    FileDescriptorSet v1 = proto("message M { int32 a = 1; string b = 2; string c = 3; }\n");
    FileDescriptorSet v2 = proto("message M { int32 a = 1; reserved 2; reserved \"c\"; }\n");
    CompatibilityResult r = ProtoCompatibility.check(v1, v2);
    assertTrue(r.isCompatible(), r.report());
    assertTrue(r.caveatsAsBreaking().isCompatible(), "policy never counts as breaking: " + r.report());
    List<String> policy = lines(r, Severity.POLICY);
    assertEquals(2, policy.size(), r.report());
    assertTrue(policy.get(0).startsWith("evo.M.b (tag 2): field deleted without reserving its name"), policy.get(0));
    assertTrue(policy.get(1).startsWith("evo.M.c (tag 3): field deleted without reserving its number"), policy.get(1));
    assertTrue(r.toJson().contains("\"severity\":\"policy\""), r.toJson());
    // The wire is indeed fine: v2 reads v1's bytes, dropping b and c.
    var d1 = ProtoImport.files(v1).get(0).findMessageTypeByName("M");
    var d2 = ProtoImport.files(v2).get(0).findMessageTypeByName("M");
    byte[] bytes = DynamicMessage.newBuilder(d1).setField(d1.findFieldByName("a"), 3)
        .setField(d1.findFieldByName("b"), "x").build().toByteArray();
    assertEquals(3, ProtoImport.message(d2).codec().decode(bytes).get("a"));
    assertEquals(3, parse(d2, bytes).getField(d2.findFieldByName("a")));
  }

  @Test
  void eachFindingAppearsOnceAtItsOwnMessage() throws Exception {
    FileDescriptorSet v1 = proto("message Inner { int64 n = 1; }\nmessage M { Inner i = 1; repeated Inner is = 2; }\n");
    FileDescriptorSet v2 = proto("message Inner { int32 n = 1; }\nmessage M { Inner i = 1; repeated Inner is = 2; }\n");
    CompatibilityResult r = ProtoCompatibility.check(v1, v2);
    assertEquals(List.of("evo.Inner.n (tag 1)"), r.caveats().stream().map(Reason::location).toList(), r.report());
  }

  private static DynamicMessage parse(com.google.protobuf.Descriptors.Descriptor d, byte[] bytes)
      throws InvalidProtocolBufferException {
    return DynamicMessage.parseFrom(d, bytes);
  }
}
