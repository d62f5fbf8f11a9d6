package io.polycodec.maven;

import io.polycodec.evolution.Snapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the record types a build guards: those listed by name, or else every record annotated
 * {@link Snapshot} among the compiled classes (optionally only in some packages). Classes are loaded
 * without running their static initialisers.
 */
final class TypeScanner {
  private TypeScanner() {}

  /**
   * The listed types, or, if none are listed, the {@code @Snapshot} records under {@code classesDir}
   * whose package is one of {@code packages} or inside one (all packages if empty), sorted by name.
   *
   * @throws IllegalArgumentException if a listed type is missing or not a record
   * @throws IOException if the folder cannot be walked
   */
  static List<Class<?>> find(Path classesDir, List<String> types, List<String> packages, ClassLoader loader)
      throws IOException {
    List<Class<?>> out = new ArrayList<>();
    if (!types.isEmpty()) {
      for (String name : types) {
        Class<?> c;
        try {
          c = Class.forName(name.strip(), false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
          throw new IllegalArgumentException("type " + name + " is not among the compiled classes or dependencies", e);
        }
        if (!c.isRecord()) {
          throw new IllegalArgumentException("type " + name + " is not a record");
        }
        out.add(c);
      }
      return out;
    }
    if (!Files.isDirectory(classesDir)) {
      return out;
    }
    List<String> names;
    try (Stream<Path> files = Files.walk(classesDir)) {
      names = files.filter(p -> p.toString().endsWith(".class"))
          .map(p -> classesDir.relativize(p).toString().replace('\\', '/'))
          .filter(n -> !n.endsWith("module-info.class") && !n.endsWith("package-info.class"))
          .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
          .filter(n -> inPackages(n, packages))
          .sorted()
          .toList();
    }
    for (String n : names) {
      Class<?> c;
      try {
        c = Class.forName(n, false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        continue; // a class whose dependencies are not on the compile class path cannot be a guarded record
      }
      if (c.isRecord() && c.isAnnotationPresent(Snapshot.class)) {
        out.add(c);
      }
    }
    return out;
  }

  private static boolean inPackages(String className, List<String> packages) {
    if (packages.isEmpty()) {
      return true;
    }
    int dot = className.lastIndexOf('.');
    String pkg = dot < 0 ? "" : className.substring(0, dot);
    for (String p : packages) {
      String q = p.strip();
      if (pkg.equals(q) || pkg.startsWith(q + ".")) {
        return true;
      }
    }
    return false;
  }
}
