package io.polycodec.tck;

/** A compatibility checker's answer about reading data written with one schema through another. */
public enum Verdict {
  /** Every value written with the writer schema decodes with the reader schema, as the rules project it. */
  COMPATIBLE,
  /** Some values may not decode, or may lose data. */
  INCOMPATIBLE,
  /** No checker was asked (the kit then checks decoding against its own rules only). */
  UNKNOWN
}
