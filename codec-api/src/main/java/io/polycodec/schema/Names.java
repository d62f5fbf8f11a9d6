package io.polycodec.schema;

/** Validation of the names the model accepts, so that every export (.proto, .fbs, JSON) can use them. */
final class Names {
  private Names() {}

  /** A field, constant or member name: an identifier of ASCII letters, digits and underscores. */
  static String checkIdentifier(String name, String what) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException(what + " name must not be empty");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && c >= '0' && c <= '9');
      if (!ok) {
        throw new IllegalArgumentException(
            what + " name '" + name + "' is not an identifier (letters, digits and '_', not starting with a digit)");
      }
    }
    return name;
  }

  /** A type name: identifiers separated by dots ({@code UserProfile}, {@code pkg.Message}). */
  static String checkTypeName(String name, String what) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException(what + " name must not be empty");
    }
    for (String part : name.split("\\.", -1)) {
      try {
        checkIdentifier(part, what);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            what + " name '" + name + "' must be identifiers separated by dots", e);
      }
    }
    return name;
  }
}
