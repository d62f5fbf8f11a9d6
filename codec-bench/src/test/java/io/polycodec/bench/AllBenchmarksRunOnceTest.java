package io.polycodec.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Runs every {@code @Benchmark} method once for every combination of its class's {@code @Param}s,
 * without JMH and without timing: setup (with its round-trip checks) must pass and every method must
 * return a result. This is what {@code ./mvnw verify} proves about the benchmarks; measuring is left to
 * the benchmarks jar (docs/benchmarks.md).
 */
class AllBenchmarksRunOnceTest {

  @TestFactory
  Stream<DynamicTest> everyBenchmarkMethodRunsOnce() throws Exception {
    List<Class<?>> classes = benchmarkClasses();
    List<DynamicTest> tests = new ArrayList<>();
    for (Class<?> c : classes) {
      for (List<String[]> combination : combinations(c)) {
        String name = c.getSimpleName() + combination.stream().map(p -> " " + p[0] + "=" + p[1]).collect(Collectors.joining());
        tests.add(DynamicTest.dynamicTest(name, () -> runOnce(c, combination)));
      }
    }
    return tests.stream();
  }

  /** The scan above must see the benchmarks JMH sees, or a broken scan would make this test vacuous. */
  @Test
  void theScanFindsWhatTheJmhListHolds() throws Exception {
    List<Class<?>> classes = benchmarkClasses();
    assertTrue(classes.size() >= 2, "benchmark classes found: " + classes);
    String list;
    try (InputStream in = RoundTrip.class.getResourceAsStream("/META-INF/BenchmarkList")) {
      assertNotNull(in, "META-INF/BenchmarkList is missing: did the JMH annotation processor run?");
      list = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (Class<?> c : classes) {
      for (Method m : c.getMethods()) {
        if (m.isAnnotationPresent(Benchmark.class)) {
          String entry = c.getName() + "." + m.getName();
          assertTrue(list.lines().anyMatch(l -> l.contains(c.getName()) && l.contains(" " + m.getName() + " ")),
              entry + " is not in JMH's benchmark list");
        }
      }
    }
  }

  private static void runOnce(Class<?> c, List<String[]> params) throws Exception {
    Object state = c.getConstructor().newInstance();
    for (String[] p : params) {
      Field f = c.getField(p[0]);
      f.set(state, convert(f.getType(), p[1]));
    }
    invokeAll(c, state, Setup.class);
    List<Method> benchmarks = annotated(c, Benchmark.class);
    assertFalse(benchmarks.isEmpty());
    for (Method m : benchmarks) {
      Object result = invoke(m, state);
      if (m.getReturnType() != void.class) {
        assertNotNull(result, c.getSimpleName() + "." + m.getName() + " returned null");
      }
    }
    invokeAll(c, state, TearDown.class);
  }

  private static void invokeAll(Class<?> c, Object state, Class<? extends java.lang.annotation.Annotation> a)
      throws Exception {
    for (Method m : annotated(c, a)) {
      invoke(m, state);
    }
  }

  /** Invokes {@code m}; a JMH infrastructure parameter (BenchmarkParams…) gets null: "not under JMH". */
  private static Object invoke(Method m, Object target) throws Exception {
    try {
      return m.invoke(target, new Object[m.getParameterCount()]);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Exception) {
        throw (Exception) e.getCause();
      }
      throw e;
    }
  }

  private static List<Method> annotated(Class<?> c, Class<? extends java.lang.annotation.Annotation> a) {
    List<Method> out = new ArrayList<>();
    for (Method m : c.getMethods()) {
      if (m.isAnnotationPresent(a)) {
        out.add(m);
      }
    }
    out.sort(Comparator.comparing(Method::getName));
    return out;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object convert(Class<?> type, String text) {
    if (type == String.class) {
      return text;
    }
    if (type.isEnum()) {
      return Enum.valueOf((Class<? extends Enum>) type, text);
    }
    if (type == int.class) {
      return Integer.parseInt(text);
    }
    throw new IllegalArgumentException("unsupported @Param type " + type);
  }

  /** Every combination of the class's parameters, as (name, value) pairs. */
  private static List<List<String[]>> combinations(Class<?> c) {
    List<List<String[]>> out = new ArrayList<>();
    out.add(List.of());
    for (Field f : c.getFields()) {
      Param p = f.getAnnotation(Param.class);
      if (p == null) {
        continue;
      }
      String[] values = p.value();
      if (values.length == 0 && f.getType().isEnum()) {
        values = java.util.Arrays.stream(f.getType().getEnumConstants()).map(Object::toString).toArray(String[]::new);
      }
      List<List<String[]>> next = new ArrayList<>();
      for (List<String[]> prefix : out) {
        for (String v : values) {
          List<String[]> l = new ArrayList<>(prefix);
          l.add(new String[] {f.getName(), v});
          next.add(l);
        }
      }
      out = next;
    }
    return out;
  }

  /** Classes under io/polycodec/bench in the module's own output with a {@code @Benchmark} method. */
  private static List<Class<?>> benchmarkClasses() throws IOException, URISyntaxException, ClassNotFoundException {
    Path root = Path.of(RoundTrip.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> out = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root.resolve("io/polycodec/bench"))) {
      files = walk.filter(f -> f.toString().endsWith(".class"))
          .filter(f -> !f.toString().contains("jmh_generated") && !f.getFileName().toString().contains("$"))
          .sorted()
          .collect(Collectors.toList());
    }
    for (Path f : files) {
      String name = root.relativize(f).toString().replace(f.getFileSystem().getSeparator(), ".");
      Class<?> c = Class.forName(name.substring(0, name.length() - ".class".length()));
      if (!Modifier.isAbstract(c.getModifiers())
          && java.util.Arrays.stream(c.getMethods()).anyMatch(m -> m.isAnnotationPresent(Benchmark.class))) {
        out.add(c);
      }
    }
    return out;
  }
}
