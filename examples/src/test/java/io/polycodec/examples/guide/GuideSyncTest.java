package io.polycodec.examples.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The code the documents show is the code {@link GuideTest} compiles and runs: each Java block of the
 * document equals, after removing common indentation, the matching "begin &lt;document&gt;" ... "end" region
 * of GuideTest, in order. Edit both together; this test names the first block that differs.
 */
class GuideSyncTest {
  private static final Path DOCS = Path.of("").toAbsolutePath().getParent().resolve("docs");
  private static final Path TEST = Path.of("src/test/java/io/polycodec/examples/guide/GuideTest.java");

  @ParameterizedTest(name = "docs/{0} shows the code GuideTest runs")
  @ValueSource(strings = {"guide.md", "flatbuffers.md"})
  void documentMatchesTest(String document) throws IOException {
    List<String> regions = regions(Files.readAllLines(TEST), document);
    List<String> blocks = javaBlocks(Files.readAllLines(DOCS.resolve(document)));
    assertTrue(!regions.isEmpty(), "GuideTest has no region for " + document);
    // guide.md is all tested; other pages only have their first blocks in GuideTest.
    if (document.equals("guide.md")) {
      assertEquals(regions.size(), blocks.size(), "Java blocks in docs/guide.md vs regions in GuideTest");
    }
    assertTrue(blocks.size() >= regions.size(), document + " has fewer Java blocks than GuideTest regions");
    for (int i = 0; i < regions.size(); i++) {
      assertEquals(regions.get(i), blocks.get(i), document + ", Java block " + (i + 1));
    }
  }

  static List<String> regions(List<String> lines, String document) {
    List<String> out = new ArrayList<>();
    List<String> current = null;
    for (String line : lines) {
      String t = line.trim();
      if (t.equals("// begin " + document)) {
        current = new ArrayList<>();
      } else if (t.equals("// end") && current != null) {
        out.add(normalize(current));
        current = null;
      } else if (current != null) {
        current.add(line);
      }
    }
    return out;
  }

  static List<String> javaBlocks(List<String> lines) {
    List<String> out = new ArrayList<>();
    List<String> current = null;
    for (String line : lines) {
      if (current == null && line.trim().equals("```java")) {
        current = new ArrayList<>();
      } else if (current != null && line.trim().equals("```")) {
        out.add(normalize(current));
        current = null;
      } else if (current != null) {
        current.add(line);
      }
    }
    return out;
  }

  // Common indentation, trailing spaces and surrounding blank lines are layout, not code.
  static String normalize(List<String> lines) {
    int indent = Integer.MAX_VALUE;
    for (String l : lines) {
      if (!l.isBlank()) {
        indent = Math.min(indent, l.length() - l.stripLeading().length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (String l : lines) {
      sb.append(l.isBlank() ? "" : l.substring(indent).stripTrailing()).append('\n');
    }
    return sb.toString().strip();
  }
}
