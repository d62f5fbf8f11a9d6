package io.polycodec.protobuf.json;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Protobuf's rule for a field's JSON name (protoc's {@code ToJsonName}). */
final class JsonNames {
  private JsonNames() {}

  /**
   * The lowerCamelCase JSON name protoc gives a field: each underscore is dropped and the character after
   * it upper-cased; every other character is kept as it is (so {@code Foo_bar} is {@code FooBar}, and a
   * Java record component's name, already camelCase, is unchanged).
   */
  static String of(String protoName) {
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
   * {@link #of JSON name} is {@code camelName} again whenever {@code camelName} starts lower-case.
   */
  static String snake(String camelName) {
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
   * The key each of {@code names} (distinct proto names of one message) is written under: its JSON name,
   * or its proto name where {@code protoNames} is set or where the JSON name is not unique (is another
   * name's JSON or proto name). protoc refuses proto3 messages with such collisions (ProtoExport does
   * too), but Polycodec schemas may have them ({@code f__2} next to {@code f2}), and keys must stay
   * distinct for the object to be readable.
   */
  static List<String> keys(List<String> names, boolean protoNames) {
    List<String> out = new ArrayList<>(names.size());
    if (protoNames) {
      out.addAll(names);
      return out;
    }
    Map<String, Integer> uses = new HashMap<>();
    for (String n : names) {
      uses.merge(of(n), 1, Integer::sum);
    }
    java.util.Set<String> proto = new java.util.HashSet<>(names);
    for (String n : names) {
      String json = of(n);
      boolean unique = uses.get(json) == 1 && (json.equals(n) || !proto.contains(json));
      out.add(unique ? json : n);
    }
    return out;
  }
}
