package io.polycodec.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.polycodec.schema.RecordSchema;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Agreement with Apache Avro's own compatibility verdicts (132 reader/writer cases from Avro 1.12.0's
 * test suite, copied with LICENSE and SOURCE.txt). Avro resolves record fields by name, so each case
 * is checked with our JSON rules. Every expressible case must get Avro's verdict, except the ones
 * listed in {@link #DIFFERENT_ON_PURPOSE} with the reason; the cases the model cannot express are
 * pinned too, so that docs/evolution.md, which lists both, stays true.
 */
class AvroAgreementTest {

  /** Cases where our verdict differs from Avro's, and why ours is right for Polycodec's formats. */
  static final Map<Integer, String> DIFFERENT_ON_PURPOSE = new TreeMap<>(Map.of(
      21, "bytes read as string: Avro's binary encodes both as the same bytes; Polycodec's JSON writes bytes as"
          + " base64, so the reader would get the base64 text, not the original string",
      22, "string read as bytes: in Polycodec's JSON a string is not base64, so it fails to decode (or decodes to"
          + " other bytes)",
      122, "enum renamed Enum2 → Enum1: Avro matches named types by name; type names are not on any of"
          + " Polycodec's wires, so a renamed type reads unchanged",
      123, "record renamed Record1 → Record2: as for 122",
      125, "nested enum renamed: as for 122",
      130, "reader field without an Avro default: every non-optional field of the model has an implicit default"
          + " (0 here), so data without it reads as 0",
      131, "as for 130"));

  /** Cases the model cannot express (the converter explains each one in the test output). */
  static final TreeSet<Integer> INEXPRESSIBLE = new TreeSet<>(List.of(
      17, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48,
      49, 50, 51, 65, 66, 67, 68, 69, 70, 71, 73, 74, 76, 85, 88, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106,
      107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 124, 126, 127, 128, 129));

  @Test
  void expressibleCasesGetAvrosVerdict() throws IOException {
    JsonNode cases;
    try (InputStream in = getClass().getResourceAsStream("/schema-evolution/avro/avro-compat-cases.json")) {
      cases = new ObjectMapper().readTree(in);
    }
    assertEquals(132, cases.size());
    List<String> disagreements = new ArrayList<>();
    TreeSet<Integer> inexpressible = new TreeSet<>();
    TreeSet<Integer> differing = new TreeSet<>();
    StringBuilder out = new StringBuilder();
    int agreed = 0;
    for (int i = 0; i < cases.size(); i++) {
      JsonNode c = cases.get(i);
      boolean avroSays = c.get("expected").asText().equals("COMPATIBLE");
      RecordSchema writer;
      RecordSchema reader;
      try {
        writer = AvroSchemas.convert(c.get("writer"));
        reader = AvroSchemas.convert(c.get("reader"));
      } catch (AvroSchemas.Inexpressible e) {
        inexpressible.add(i);
        out.append(String.format("  #%d not expressible: %s%n", i, e.getMessage()));
        continue;
      }
      CompatibilityResult r = Compatibility.check(writer, reader, Formats.JSON);
      if (r.isCompatible() == avroSays) {
        agreed++;
        continue;
      }
      differing.add(i);
      String why = DIFFERENT_ON_PURPOSE.get(i);
      if (why != null) {
        out.append(String.format("  #%d differs on purpose (Avro: %s, Polycodec json: %s): %s%n", i,
            c.get("expected").asText(), r.grade(), why));
      } else {
        disagreements.add("#" + i + " (" + c.get("source").asText() + ") Avro says " + c.get("expected").asText()
            + "\n  writer " + c.get("writer") + "\n  reader " + c.get("reader") + "\n  " + r.report().replace("\n", "\n  "));
      }
    }
    System.out.printf("Avro agreement: %d cases, %d expressible, %d agree, %d differ on purpose, %d not expressible%n%s",
        cases.size(), cases.size() - inexpressible.size(), agreed, differing.size(), inexpressible.size(), out);
    if (!disagreements.isEmpty()) {
      fail("verdicts differ from Avro's without a documented reason:\n" + String.join("\n", disagreements));
    }
    assertEquals(DIFFERENT_ON_PURPOSE.keySet(), differing, "documented differences must still differ");
    assertEquals(INEXPRESSIBLE, inexpressible, "the list of inexpressible cases in docs/evolution.md is out of date");
    assertTrue(agreed >= 50, "most expressible cases must agree, only " + agreed + " did");
  }
}
