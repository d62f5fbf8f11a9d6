package io.polycodec.json;

import io.polycodec.CodecOption;

/** Options of the JSON codec, set through {@link io.polycodec.CodecOptions}. */
public final class JsonOptions {
  /** Indent the output for people to read (default false: compact). */
  public static final CodecOption<Boolean> PRETTY = CodecOption.of("json.pretty", Boolean.class, Boolean.FALSE);

  private JsonOptions() {}
}
