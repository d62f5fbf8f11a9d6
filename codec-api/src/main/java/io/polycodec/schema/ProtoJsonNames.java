package io.polycodec.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keys of Protobuf's JSON mapping (the {@code protobuf-json} format): which key each field of a record
 * is written under, and which field a key is read into. It lives beside the model because two parties must
 * agree on it exactly: the {@code protobuf-json} backend, and the compatibility checker, which must know
 * that a key another field used to own now reads into a different field. Stateless and thread-safe.
 */
public final class ProtoJsonNames {
  private ProtoJsonNames() {}

  /**
   * The lowerCamelCase JSON name protoc gives a field ({@code ToJsonName}): each underscore is dropped and
   * the character after it upper-cased; every other character is kept as it is (so {@code Foo_bar} is
   * {@code FooBar}, and a Java record component's name, already camelCase, is unchanged).
   */
  public static String jsonName(String protoName) {
    StringBuilder out = new StringBuilder(protoName.length());
    boolean upper = false;
    for (int i = 0; i < protoName.length(); i++) {
      char c = protoName.charAt(i);
      if (c == '_') {
        upper = true;
      } else if (upper) {
        out.append(Character.toUpperCase(c));
        upper = false;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The snake_case name a camelCase name usually comes from ({@code userId} from {@code user_id}): each
   * ASCII upper-case letter after the first character becomes an underscore and its lower case. Its
   * {@link #jsonName JSON name} is {@code camelName} again whenever {@code camelName} starts lower-case.
   */
  public static String snake(String camelName) {
    StringBuilder out = new StringBuilder(camelName.length() + 4);
    for (int i = 0; i < camelName.length(); i++) {
      char c = camelName.charAt(i);
      if (i > 0 && c >= 'A' && c <= 'Z') {
        out.append('_').append((char) (c + ('a' - 'A')));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The key each of {@code names} (distinct proto names of one message, in field order) is written under:
   * its JSON name, or its proto name where {@code protoNames} is set or where the JSON name is not unique
   * (is another name's JSON or proto name). protoc refuses proto3 messages with such collisions, but
   * Polycodec schemas may have them ({@code f__2} next to {@code f2}), and keys must stay distinct for the
   * object to be readable. So a field's key can depend on its neighbours: removing {@code f2} moves
   * {@code f__2}'s key to {@code f2}, which the checker reports.
   */
  public static List<String> keys(List<String> names, boolean protoNames) {
    List<String> out = new ArrayList<>(names.size());
    if (protoNames) {
      out.addAll(names);
      return out;
    }
    Map<String, Integer> uses = new HashMap<>();
    for (String n : names) {
      uses.merge(jsonName(n), 1, Integer::sum);
    }
    Set<String> proto = new HashSet<>(names);
    for (String n : names) {
      String json = jsonName(n);
      boolean unique = uses.get(json) == 1 && (json.equals(n) || !proto.contains(json));
      out.add(unique ? json : n);
    }
    return out;
  }

  /**
   * Which field (index into {@code names}) a reader puts each key it accepts into: a field's own proto
   * name first, then its written key ({@link #keys} without proto names), then the snake_case name its
   * camelCase name usually mirrors, each only where no earlier rule claimed the key. Unmodifiable.
   */
  public static Map<String, Integer> readerIndex(List<String> names) {
    List<String> written = keys(names, false);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      index.put(names.get(i), i);
      index.putIfAbsent(written.get(i), i);
    }
    for (int i = 0; i < names.size(); i++) {
      index.putIfAbsent(snake(names.get(i)), i);
    }
    return Collections.unmodifiableMap(index);
  }

  /** The proto names of {@code r}'s fields, in field order. */
  public static List<String> names(RecordSchema r) {
    List<String> names = new ArrayList<>(r.size());
    for (Field f : r.fields()) {
      names.add(f.name());
    }
    return names;
  }

  /**
   * The index of the field of {@code writer} whose data a reader with schema {@code reader} puts into its
   * field {@code readerIndex}: the writer's field whose {@linkplain #keys written key} the reader's
   * {@linkplain #readerIndex index} maps there, or -1 if there is none.
   */
  public static int writerFieldFor(RecordSchema writer, RecordSchema reader, int readerIndex) {
    List<String> writerKeys = keys(names(writer), false);
    Map<String, Integer> index = readerIndex(names(reader));
    for (int i = 0; i < writerKeys.size(); i++) {
      Integer into = index.get(writerKeys.get(i));
      if (into != null && into == readerIndex) {
        return i;
      }
    }
    return -1;
  }
}
