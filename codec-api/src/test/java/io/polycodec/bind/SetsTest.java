package io.polycodec.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.DecodeException;
import io.polycodec.SchemaException;
import io.polycodec.schema.Schema;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Set and SortedSet components: a list in the schema and on the wire, a set again when decoded. */
class SetsTest {
  record Tagged(Set<String> tags, SortedSet<Integer> ports) {}

  record Point(int x) {}

  record Unsortable(SortedSet<Point> points) {}

  @Test
  void aSetIsAListOfItsElements() {
    RecordBinding<Tagged> b = RecordBinding.of(Tagged.class);
    assertEquals(Schema.list(Schema.string()), b.schema().field("tags").type());
    assertEquals(Schema.list(Schema.int32()), b.schema().field("ports").type());
  }

  @Test
  void encodingSeesTheElementsInNaturalOrderWhateverTheSetsIterationOrder() {
    RecordBinding<Tagged> b = RecordBinding.of(Tagged.class);
    Set<String> tags = new HashSet<>(List.of("pear", "apple", "fig", "banana", "cherry"));
    Tagged t = new Tagged(tags, new TreeSet<>(List.of(443, 80, 8080)));
    assertEquals(List.of("apple", "banana", "cherry", "fig", "pear"), b.get(t, 0));
    assertEquals(List.of(80, 443, 8080), b.get(t, 1));
  }

  @Test
  void decodingBuildsUnmodifiableSetsAndRejectsRepeats() {
    RecordBinding<Tagged> b = RecordBinding.of(Tagged.class);
    FieldSlots s = b.newSlots();
    s.set(0, List.of("b", "a"));
    s.set(1, List.of(8080, 80));
    Tagged t = b.build(s);
    assertEquals(Set.of("a", "b"), t.tags());
    assertEquals(List.of(80, 8080), List.copyOf(t.ports()));
    assertInstanceOf(SortedSet.class, t.ports());
    assertThrows(UnsupportedOperationException.class, () -> t.tags().add("c"));

    FieldSlots twice = b.newSlots();
    twice.set(0, List.of("a", "b", "a"));
    DecodeException e = assertThrows(DecodeException.class, () -> b.build(twice));
    assertTrue(e.getMessage().contains("tags") && e.getMessage().contains("element 2 repeats"), e.getMessage());
  }

  @Test
  void missingSetsAreEmpty() {
    RecordBinding<Tagged> b = RecordBinding.of(Tagged.class);
    Tagged t = b.build(b.newSlots());
    assertTrue(t.tags().isEmpty() && t.ports().isEmpty());
  }

  @Test
  void aSortedSetNeedsComparableElements() {
    SchemaException e = assertThrows(SchemaException.class, () -> RecordBinding.of(Unsortable.class));
    assertTrue(e.getMessage().contains("Comparable"), e.getMessage());
  }
}
