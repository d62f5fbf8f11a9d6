package io.polycodec.protobuf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import io.polycodec.DecodeException;
import io.polycodec.Format;
import io.polycodec.GenericRecord;
import io.polycodec.evolution.Compatibility;
import io.polycodec.evolution.CompatibilityResult;
import io.polycodec.evolution.Severity;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compatibility checker's Protobuf verdicts against real bytes. Each case compiles two versions
 * of {@code evo.M} with protoc, writes a value with the first (by protobuf-java, and again by
 * Polycodec, which must write the same bytes), and reads the bytes with the second by protobuf-java's
 * {@link DynamicMessage} (the second opinion) and by Polycodec's codec. SAFE must read every value
 * unchanged, CAVEAT must read (the values chosen here are the ones that change), BREAKING must lose the
 * value in protobuf-java or fail in Polycodec. Sources of the rules: docs/evolution.md.
 */
class ProtobufEvolutionBytesTest {
  private static final Format PROTOBUF = new ProtobufProvider().format();

  @TempDir
  Path dir;

  private final Map<String, Version> compiled = new HashMap<>();

  /** One version of evo.M: its descriptor and its import. */
  private record Version(Descriptor descriptor, ProtoImport.Imported imported) {}

  /** What protobuf-java and Polycodec made of the bytes: a message and a record, or why they refused. */
  private record Read(DynamicMessage java, String javaError, GenericRecord polycodec, String polycodecError) {}

  private Version version(String text) throws Exception {
    Version v = compiled.get(text);
    if (v == null) {
      FileDescriptorSet set = Protoc.compile(dir, "evo.proto", text);
      Descriptor d = ProtoImport.files(set).get(0).findMessageTypeByName("M");
      v = new Version(d, ProtoImport.message(d));
      compiled.put(text, v);
    }
    return v;
  }

  private static String proto2(String body) {
    return "syntax = \"proto2\";\npackage evo;\nmessage M {\n" + body + "\n}\n";
  }

  private static String proto3(String body) {
    return "syntax = \"proto3\";\npackage evo;\nenum E { E0 = 0; E1 = 1; E2 = 2; }\nmessage M {\n" + body + "\n}\n";
  }

  private static CompatibilityResult check(Version w, Version r) {
    return Compatibility.check(w.imported().schema(), w.imported().layout(), r.imported().schema(),
        r.imported().layout(), PROTOBUF);
  }

  /** The worst grade among the findings. */
  private static Severity worst(CompatibilityResult c) {
    return !c.reasons().isEmpty() ? Severity.BREAKING : !c.caveats().isEmpty() ? Severity.CAVEAT : Severity.SAFE;
  }

  /** {@code kv}: field name, value, …; a message value is an Object[] of the same form, a repeated one a List. */
  private static DynamicMessage message(Descriptor d, Object... kv) {
    DynamicMessage.Builder b = DynamicMessage.newBuilder(d);
    for (int i = 0; i < kv.length; i += 2) {
      FieldDescriptor f = d.findFieldByName((String) kv[i]);
      assertNotNull(f, kv[i] + " in " + d.getFullName());
      if (f.isRepeated()) {
        for (Object e : (List<?>) kv[i + 1]) {
          b.addRepeatedField(f, value(f, e));
        }
      } else {
        b.setField(f, value(f, kv[i + 1]));
      }
    }
    return b.build();
  }

  private static Object value(FieldDescriptor f, Object v) {
    switch (f.getJavaType()) {
      case ENUM: return f.getEnumType().findValueByNumber((Integer) v);
      case MESSAGE: return message(f.getMessageType(), (Object[]) v);
      case BYTE_STRING: return v instanceof byte[] ? ByteString.copyFrom((byte[]) v) : v;
      default: return v;
    }
  }

  /**
   * Writes {@code kv} with {@code w} by protobuf-java and by Polycodec (which must produce the same bytes)
   * and reads them with {@code r} both ways.
   */
  private static Read transfer(Version w, Version r, Object... kv) {
    byte[] bytes = message(w.descriptor(), kv).toByteArray();
    byte[] ours = w.imported().codec().encode(w.imported().codec().decode(bytes));
    assertArrayEquals(bytes, ours, "Polycodec writes the v1 value as protobuf-java does");
    DynamicMessage j = null;
    String je = null;
    try {
      j = DynamicMessage.parseFrom(r.descriptor(), bytes);
    } catch (InvalidProtocolBufferException e) {
      je = e.getMessage();
    }
    GenericRecord g = null;
    String ge = null;
    try {
      g = r.imported().codec().decode(bytes);
    } catch (DecodeException e) {
      ge = e.getMessage();
    }
    return new Read(j, je, g, ge);
  }

  /** Both readers read everything (nothing left unknown) and agree. */
  private static void readsAlike(Read x, String what) {
    assertNull(x.javaError(), what);
    assertNull(x.polycodecError(), what);
    assertTrue(x.java().getUnknownFields().asMap().isEmpty(), what + ": protobuf-java left unknown fields " + x.java());
    DynamicCompare.assertSameValues(x.java(), x.polycodec());
  }

  /** Field {@code name} is lost: protobuf-java refuses the bytes or keeps them as unknown, Polycodec refuses them. */
  private static void lost(Read x, String name, String what) {
    if (x.javaError() == null) {
      FieldDescriptor f = x.java().getDescriptorForType().findFieldByName(name);
      assertFalse(f.isRepeated() ? x.java().getRepeatedFieldCount(f) > 0 : x.java().hasField(f), what);
      assertFalse(x.java().getUnknownFields().asMap().isEmpty(), what + ": the value should sit in unknown fields");
    }
    assertNotNull(x.polycodecError(), what + ": Polycodec should refuse, read " + x.polycodec());
  }

  // ---- layout: groups and packing ---------------------------------------------------------------

  @Test
  void aGroupAndALengthPrefixedMessageDoNotReadEachOther() throws Exception {
    Version group = version(proto2("optional group G = 1 { optional int32 a = 2; }"));
    Version plain = version(proto2("message G { optional int32 a = 2; }\noptional G g = 1;"));
    Version delimited = version("edition = \"2023\";\npackage evo;\nmessage M {\n  message G { int32 a = 2; }\n"
        + "  G g = 1 [features.message_encoding = DELIMITED];\n}\n");
    Version prefixed = version("edition = \"2023\";\npackage evo;\nmessage M {\n  message G { int32 a = 2; }\n"
        + "  G g = 1;\n}\n");
    for (Version[] pair : new Version[][] {{group, plain}, {plain, group}, {delimited, prefixed}, {prefixed, delimited}}) {
      CompatibilityResult c = check(pair[0], pair[1]);
      assertEquals(Severity.BREAKING, worst(c), c.report());
      assertEquals("M.g (tag 1)", c.reasons().get(0).location().substring(c.reasons().get(0).path().indexOf("M.g")));
      lost(transfer(pair[0], pair[1], "g", new Object[] {"a", 7}), "g", c.report());
    }
    // A proto2 group and an editions DELIMITED field are the same layout (the control: the bytes above
    // are fine for a reader that expects a group).
    assertEquals(CompatibilityResult.Grade.IDENTICAL, check(group, delimited).grade(), check(group, delimited).report());
    readsAlike(transfer(group, delimited, "g", new Object[] {"a", 7}), "group → delimited");
  }

  @Test
  void packedAndUnpackedReadEachOther() throws Exception {
    Version unpacked = version(proto2("repeated int32 xs = 1;"));
    Version packed = version(proto2("repeated int32 xs = 1 [packed = true];"));
    for (Version[] pair : new Version[][] {{unpacked, packed}, {packed, unpacked}}) {
      CompatibilityResult c = check(pair[0], pair[1]);
      assertEquals(Severity.SAFE, worst(c), c.report());
      assertTrue(c.notes().get(0).message().contains("parsers accept both"), c.report());
      Read x = transfer(pair[0], pair[1], "xs", List.of(1, -2, 300));
      readsAlike(x, c.report());
      assertEquals(List.of(1, -2, 300), x.java().getField(pair[1].descriptor().findFieldByName("xs")));
    }
  }

  // ---- integers that share a wire type -------------------------------------------------------------

  private static BigInteger number(String type, Object v) {
    switch (type) {
      case "bool": return (Boolean) v ? BigInteger.ONE : BigInteger.ZERO;
      case "uint32":
      case "fixed32": return BigInteger.valueOf(Integer.toUnsignedLong((Integer) v));
      case "uint64":
      case "fixed64": return new BigInteger(Long.toUnsignedString((Long) v));
      case "E": return BigInteger.valueOf(((EnumValueDescriptor) v).getNumber());
      default: return v instanceof Integer ? BigInteger.valueOf((Integer) v) : BigInteger.valueOf((Long) v);
    }
  }

  /** Every ordered pair of {@code types} (with a value each that a caveat changes): SAFE keeps the number, CAVEAT changes it. */
  private void integers(Map<String, Object> values, String... types) throws Exception {
    List<String> wrong = new ArrayList<>();
    for (String a : types) {
      for (String b : types) {
        if (a.equals(b)) {
          continue;
        }
        Version w = version(proto2("optional " + a + " x = 1;"));
        Version r = version(proto2("optional " + b + " x = 1;"));
        CompatibilityResult c = check(w, r);
        Read x = transfer(w, r, "x", values.get(a));
        readsAlike(x, a + " → " + b);
        BigInteger wrote = number(a, values.get(a));
        BigInteger read = number(b, x.java().getField(r.descriptor().findFieldByName("x")));
        Severity s = worst(c);
        boolean right = s == Severity.SAFE ? wrote.equals(read) : s == Severity.CAVEAT && !wrote.equals(read);
        if (!right) {
          wrong.add(a + " → " + b + ": wrote " + wrote + ", read " + read + ", but the checker says " + c.report());
        }
      }
    }
    if (!wrong.isEmpty()) {
      fail(String.join("\n", wrong));
    }
  }

  @Test
  void varintIntegersAndBoolReadEachOther() throws Exception {
    integers(Map.of("int32", -5, "uint32", -16, "int64", -(1L << 40), "uint64", -16L, "bool", true),
        "int32", "uint32", "int64", "uint64", "bool");
  }

  @Test
  void zigzagAndFixedIntegersReadTheirSiblings() throws Exception {
    integers(Map.of("sint32", -7, "sint64", -(1L << 40)), "sint32", "sint64");
    integers(Map.of("fixed32", -16, "sfixed32", -16), "fixed32", "sfixed32");
    integers(Map.of("fixed64", -16L, "sfixed64", -16L), "fixed64", "sfixed64");
  }

  @Test
  void differentIntegerEncodingsStayBreaking() throws Exception {
    Version int32 = version(proto2("optional int32 x = 1;"));
    Version sint32 = version(proto2("optional sint32 x = 1;"));
    CompatibilityResult c = check(int32, sint32);
    assertEquals(Severity.BREAKING, worst(c), c.report());
    Read x = transfer(int32, sint32, "x", -5);
    readsAlike(x, "int32 → sint32 reads, as another number");
    assertFalse(Integer.valueOf(-5).equals(x.java().getField(sint32.descriptor().findFieldByName("x"))),
        "zigzag reads the varint as another number: the reason the checker says breaking");
  }

  @Test
  void anEnumReadsAsItsNumberButANumberNeedsAConstant() throws Exception {
    Version e = version(proto3("E x = 1;"));
    Version i = version(proto3("int32 x = 1;"));
    CompatibilityResult toInt = check(e, i);
    assertEquals(Severity.SAFE, worst(toInt), toInt.report());
    Read x = transfer(e, i, "x", 2);
    readsAlike(x, toInt.report());
    assertEquals(2, x.java().getField(i.descriptor().findFieldByName("x")));
    // int32 → E: 5 is no constant; the verdict is the one for a removed constant (a Java enum without
    // @Fallback refuses it), though a GenericRecord, as here, keeps the number.
    CompatibilityResult toEnum = check(i, e);
    assertEquals(Severity.BREAKING, worst(toEnum), toEnum.report());
    Read y = transfer(i, e, "x", 5);
    readsAlike(y, toEnum.report());
  }

  // ---- strings and bytes -------------------------------------------------------------------------

  @Test
  void aStringReadsAsBytesButBytesReadAsAStringOnlyIfUtf8() throws Exception {
    Version s = version(proto3("string x = 1;"));
    Version b = version(proto3("bytes x = 1;"));
    CompatibilityResult toBytes = check(s, b);
    assertEquals(Severity.SAFE, worst(toBytes), toBytes.report());
    Read x = transfer(s, b, "x", "héllo");
    readsAlike(x, toBytes.report());
    assertEquals(ByteString.copyFromUtf8("héllo"), x.java().getField(b.descriptor().findFieldByName("x")));
    CompatibilityResult toString = check(b, s);
    assertEquals(Severity.BREAKING, worst(toString), toString.report());
    readsAlike(transfer(b, s, "x", "ok".getBytes(StandardCharsets.UTF_8)), "valid UTF-8 reads");
    Read bad = transfer(b, s, "x", new byte[] {(byte) 0xff});
    assertNotNull(bad.polycodecError(), "Polycodec refuses invalid UTF-8 in a string");
    assertNotNull(bad.javaError(), "protobuf-java refuses invalid UTF-8 in a proto3 string");
  }

  // ---- cardinality and presence ------------------------------------------------------------------

  @Test
  void singularFieldsBecomeRepeated() throws Exception {
    String sub = "message S { optional int32 a = 1; }\n";
    Object[][] cases = {
        {"optional string x = 1;", "repeated string x = 1;", "v"},
        {"optional bytes x = 1;", "repeated bytes x = 1;", new byte[] {0, 1}},
        {sub + "optional S x = 1;", sub + "repeated S x = 1;", new Object[] {"a", 3}},
        {"optional int32 x = 1;", "repeated int32 x = 1;", -4},
        {"optional int32 x = 1;", "repeated int32 x = 1 [packed = true];", -4},
    };
    for (Object[] k : cases) {
      Version w = version(proto2((String) k[0]));
      Version r = version(proto2((String) k[1]));
      CompatibilityResult c = check(w, r);
      assertEquals(Severity.SAFE, worst(c), c.report());
      Read x = transfer(w, r, "x", k[2]);
      readsAlike(x, c.report());
      assertEquals(1, x.java().getRepeatedFieldCount(r.descriptor().findFieldByName("x")), c.report());
    }
    // Implicit presence leaves the default off the wire: it reads as an empty list, a caveat.
    Version w = version(proto3("string x = 1;"));
    Version r = version(proto3("repeated string x = 1;"));
    CompatibilityResult c = check(w, r);
    assertEquals(Severity.CAVEAT, worst(c), c.report());
    Read x = transfer(w, r, "x", "");
    readsAlike(x, c.report());
    assertEquals(0, x.java().getRepeatedFieldCount(r.descriptor().findFieldByName("x")));
    readsAlike(transfer(w, r, "x", "v"), c.report());
  }

  @Test
  void repeatedFieldsBecomeSingular() throws Exception {
    // Strings, bytes and unpacked numbers: the last element is kept (a caveat: the others are lost).
    Object[][] cases = {
        {"repeated string x = 1;", "optional string x = 1;", List.of("a", "b"), "b"},
        {"repeated int32 x = 1;", "optional int32 x = 1;", List.of(1, 2), 2},
    };
    for (Object[] k : cases) {
      Version w = version(proto2((String) k[0]));
      Version r = version(proto2((String) k[1]));
      CompatibilityResult c = check(w, r);
      assertEquals(Severity.CAVEAT, worst(c), c.report());
      Read x = transfer(w, r, "x", k[2]);
      readsAlike(x, c.report());
      assertEquals(k[3], x.java().getField(r.descriptor().findFieldByName("x")), c.report());
    }
    // Messages: the elements merge into one (protobuf-java's parser; Polycodec must agree).
    String sub = "message S { optional int32 a = 1; optional int32 b = 2; }\n";
    Version many = version(proto2(sub + "repeated S x = 1;"));
    Version one = version(proto2(sub + "optional S x = 1;"));
    CompatibilityResult merged = check(many, one);
    assertEquals(Severity.CAVEAT, worst(merged), merged.report());
    Read m = transfer(many, one, "x", List.of(new Object[] {"a", 1}, new Object[] {"b", 2}));
    readsAlike(m, merged.report());
    // Packed numbers are one length-delimited run where a single varint is expected: lost.
    Version packed = version(proto2("repeated int32 x = 1 [packed = true];"));
    Version single = version(proto2("optional int32 x = 1;"));
    CompatibilityResult c = check(packed, single);
    assertEquals(Severity.BREAKING, worst(c), c.report());
    lost(transfer(packed, single, "x", List.of(1, 2)), "x", c.report());
  }

  @Test
  void implicitAndExplicitPresenceShareTheBytes() throws Exception {
    Version implicit = version(proto3("int32 x = 1;"));
    Version explicit = version(proto3("optional int32 x = 1;"));
    for (Version[] pair : new Version[][] {{implicit, explicit}, {explicit, implicit}}) {
      CompatibilityResult c = check(pair[0], pair[1]);
      assertEquals(Severity.CAVEAT, worst(c), c.report());
      assertTrue(c.isCompatible());
      assertFalse(c.caveatsAsBreaking().isCompatible());
      for (int v : new int[] {0, 5}) {
        Read x = transfer(pair[0], pair[1], "x", v);
        readsAlike(x, c.report());
        assertEquals(v, x.java().getField(pair[1].descriptor().findFieldByName("x")), "the getter's value");
      }
    }
    // The caveat is real: a written 0 is unset for the explicit reader.
    Read zero = transfer(implicit, explicit, "x", 0);
    assertNull(zero.polycodec().get("x"));
  }
}
