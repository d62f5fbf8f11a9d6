package io.polycodec.schema;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The named types (records, enums, unions) reachable from a root record, checked for the properties a
 * codec relies on. Exporters (.proto, .fbs, snapshots) and codecs walk schemas through this class so
 * that every one of them sees the same types in the same order.
 */
public final class SchemaGraph {
  private final RecordSchema root;
  private final List<Schema> namedTypes;
  private final Map<String, Schema> byName;

  private SchemaGraph(RecordSchema root, List<Schema> namedTypes, Map<String, Schema> byName) {
    this.root = root;
    this.namedTypes = namedTypes;
    this.byName = byName;
  }

  /**
   * Walks and validates the graph under {@code root}.
   *
   * @throws IllegalArgumentException if two different types share a name, or a record contains itself
   *     through required record fields only (no finite value would exist)
   * @throws IllegalStateException if a reachable record's builder was never built
   */
  public static SchemaGraph of(RecordSchema root) {
    Map<Schema, Boolean> seen = new IdentityHashMap<>();
    Map<String, Schema> byName = new TreeMap<>();
    Deque<Schema> work = new ArrayDeque<>();
    work.add(root);
    seen.put(root, true);
    while (!work.isEmpty()) {
      Schema s = work.poll();
      String name = nameOf(s);
      Schema prior = byName.putIfAbsent(name, s);
      if (prior != null && !sameShallow(prior, s)) {
        throw new IllegalArgumentException("two different types are named " + name
            + ": give one of them another name (@SchemaName)");
      }
      for (Schema child : children(s)) {
        Schema named = namedPart(child);
        if (named != null && seen.put(named, true) == null) {
          work.add(named);
        }
      }
    }
    List<Schema> types = new ArrayList<>(byName.values());
    checkRequiredCycles(types);
    return new SchemaGraph(root, Collections.unmodifiableList(types), Collections.unmodifiableMap(byName));
  }

  /** The root record. */
  public RecordSchema root() {
    return root;
  }

  /** Every named type reachable from the root (including it), sorted by name, one per name. */
  public List<Schema> namedTypes() {
    return namedTypes;
  }

  /** The named type called {@code name}, or null. */
  public Schema type(String name) {
    return byName.get(name);
  }

  /** The name of a record, enum or union. */
  static String nameOf(Schema s) {
    if (s instanceof RecordSchema) {
      return ((RecordSchema) s).name();
    }
    if (s instanceof EnumSchema) {
      return ((EnumSchema) s).name();
    }
    if (s instanceof UnionSchema) {
      return ((UnionSchema) s).name();
    }
    throw new IllegalArgumentException(s.describe() + " is not a named type");
  }

  /** The record, enum or union inside {@code s} (itself, a list's element, a map's value), or null. */
  public static Schema namedPart(Schema s) {
    if (s.kind().isNamed()) {
      return s;
    }
    if (s instanceof ListSchema) {
      return namedPart(((ListSchema) s).element());
    }
    if (s instanceof MapSchema) {
      return namedPart(((MapSchema) s).value());
    }
    return null;
  }

  private static List<Schema> children(Schema s) {
    List<Schema> out = new ArrayList<>();
    if (s instanceof RecordSchema) {
      for (Field f : ((RecordSchema) s).fields()) {
        out.add(f.type());
      }
    } else if (s instanceof UnionSchema) {
      for (UnionSchema.Member m : ((UnionSchema) s).members()) {
        out.add(m.type());
      }
    }
    return out;
  }

  // Two distinct instances with one name are fine only if they describe the same type; their snapshot
  // blocks name nested types without expanding them, so comparing them cannot recurse.
  private static boolean sameShallow(Schema a, Schema b) {
    return a == b || SchemaSnapshot.block(a).equals(SchemaSnapshot.block(b));
  }

  private static void checkRequiredCycles(List<Schema> types) {
    Map<String, List<RecordSchema>> requiredEdges = new HashMap<>();
    for (Schema s : types) {
      if (s instanceof RecordSchema) {
        RecordSchema r = (RecordSchema) s;
        List<RecordSchema> targets = new ArrayList<>();
        for (Field f : r.fields()) {
          if (!f.optional() && f.type() instanceof RecordSchema) {
            targets.add((RecordSchema) f.type());
          }
        }
        requiredEdges.put(r.name(), targets);
      }
    }
    Set<String> done = new HashSet<>();
    for (String start : requiredEdges.keySet()) {
      visit(start, requiredEdges, done, new ArrayList<>());
    }
  }

  private static void visit(String name, Map<String, List<RecordSchema>> edges, Set<String> done, List<String> path) {
    if (done.contains(name)) {
      return;
    }
    int at = path.indexOf(name);
    if (at >= 0) {
      List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
      cycle.add(name);
      throw new IllegalArgumentException("record " + name + " contains itself through required fields ("
          + String.join(" -> ", cycle) + "): make one of them Optional, a List or a Map");
    }
    path.add(name);
    for (RecordSchema next : edges.getOrDefault(name, List.of())) {
      visit(next.name(), edges, done, path);
    }
    path.remove(path.size() - 1);
    done.add(name);
  }
}
