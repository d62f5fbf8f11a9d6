package io.polycodec.tck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PropertyEngineTest {

  private static final Settings SETTINGS = Settings.defaults().withSeed(42);

  @Test
  void shrinksAListToItsSmallestFailingElement() {
    Property<List<Integer>> p = Property.of("noneAbove100", 500, Gens.lists(Gens.ints(), 200),
        list -> {
          for (int v : list) {
            if (v > 100) {
              throw new AssertionError("found " + v);
            }
          }
        });
    PropertyFailure f = assertThrows(PropertyFailure.class, () -> p.run(SETTINGS));
    // One element, as simple as the generator's modes allow: 101 (uniform mode) or the edge 127.
    assertTrue(f.counterexample().matches("\\[(101|127)]"), f.getMessage());
    assertTrue(f.getMessage().contains("-Dpolycodec.tck.seed=" + f.seed()), f.getMessage());
    assertTrue(f.getMessage().contains("original counterexample"), f.getMessage());
  }

  @Test
  void shrinksStringsTowardsShortAndSimple() {
    Property<String> p = Property.of("noAstral", 500, Gens.strings(),
        s -> assertEquals(s.length(), s.codePointCount(0, s.length()), "astral characters present"));
    PropertyFailure f = assertThrows(PropertyFailure.class, () -> p.run(SETTINGS));
    // A single astral code point: U+1F600 or U+10000, the simplest ones the generator makes.
    assertTrue(f.counterexample().matches("\"(\\\\uD83D\\\\uDE00|\\\\uD800\\\\uDC00)\""), f.getMessage());
  }

  @Test
  void theReportedSeedReplaysTheFailureFirst() {
    Property<Integer> p = Property.of("rarelyFails", 2000, Gens.ints(), v -> {
      if (Math.abs(v) > 1000 && v % 7 == 0) {
        throw new AssertionError("divisible: " + v);
      }
    }).withoutShrinking();
    PropertyFailure first = assertThrows(PropertyFailure.class, () -> p.run(Settings.defaults().withSeed(7)));
    PropertyFailure replay = assertThrows(PropertyFailure.class,
        () -> p.run(Settings.defaults().withSeed(first.seed())));
    assertEquals(first.counterexample(), replay.counterexample());
    assertTrue(replay.getMessage().contains("failed on try 1 of"), replay.getMessage());
  }

  @Test
  void truePropertiesPassTheScaledNumberOfTries() {
    List<Integer> seen = new ArrayList<>();
    int passed = Property.of("identity", 50, Gens.ints(), seen::add).run(SETTINGS.withTries(200));
    assertEquals(100, passed);
    assertEquals(100, seen.size());
    assertTrue(new HashSet<>(seen).size() > 50, "tries see different values");
  }

  @Test
  void differentRunSeedsExploreDifferentValues() {
    Set<Integer> a = new HashSet<>();
    Set<Integer> b = new HashSet<>();
    Property.of("collectA", 20, Gens.ints(), a::add).run(Settings.defaults());
    Property.of("collectB", 20, Gens.ints(), b::add).run(Settings.defaults());
    assertNotEquals(a, b);
  }

  @Test
  void edgeValuesShowUp() {
    Set<String> seen = new HashSet<>();
    Property.of("edges", 2000, Gens.doubles(), d -> seen.add(Describe.of(d))).run(SETTINGS);
    assertTrue(seen.contains("NaN") && seen.contains("-0.0") && seen.contains("Infinity")
        && seen.contains("-Infinity") && seen.contains("4.9E-324"), seen.toString());
    Set<Integer> lengths = new HashSet<>();
    Property.of("lengths", 1000, Gens.lists(Gens.ints(), 1000), l -> lengths.add(l.size())).run(SETTINGS);
    assertTrue(lengths.contains(0) && lengths.stream().anyMatch(n -> n > 100), lengths.toString());
  }

  @Test
  void tooManyDiscardsFail() {
    Property<Integer> p = Property.of("impossible", 10, Gens.ints().filter(v -> false), v -> {});
    PropertyFailure f = assertThrows(PropertyFailure.class, () -> p.run(SETTINGS));
    assertTrue(f.getMessage().contains("discarded"), f.getMessage());
  }

  @Test
  void replayedChoicesBeyondTheRecordAreZeros() {
    Source s = Source.replay(new long[] {5});
    assertEquals(5, s.choose(10));
    assertEquals(0, s.choose(10));
    assertEquals(3, Source.replay(new long[] {13}).choose(9), "out-of-range replays wrap");
  }
}
