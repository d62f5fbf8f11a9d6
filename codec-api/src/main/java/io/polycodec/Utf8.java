package io.polycodec;

import java.util.Locale;

/**
 * The one place where backends measure and check text against the model's rules, so that every format
 * refuses the same strings with the same words:
 *
 * <ul>
 *   <li>a string must have a UTF-8 form: an unpaired surrogate (which {@code String.getBytes} and most
 *       format libraries silently turn into {@code '?'}) is an {@link EncodeException}, worded by
 *       {@link #unpairedSurrogate};
 *   <li>{@link Limits#maxStringBytes()} counts UTF-8 bytes, never Java chars, on encode and on decode
 *       alike, so that what one side accepts the other does ({@code "€"} is one char and three bytes).
 * </ul>
 *
 * <p>Stateless; every method is thread-safe.
 */
public final class Utf8 {
  private Utf8() {}

  /**
   * The number of bytes {@code s} takes in UTF-8.
   *
   * @throws EncodeException if {@code s} holds an unpaired surrogate (no UTF-8 form)
   */
  public static long encodedLength(CharSequence s) {
    int n = s.length();
    long bytes = n;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        continue;
      }
      if (c < 0x800) {
        bytes += 1;
      } else if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          bytes += 2; // four bytes for the two chars of a pair
          i++;
        } else {
          throw unpairedSurrogate(c, i);
        }
      } else {
        bytes += 2;
      }
    }
    return bytes;
  }

  /**
   * Writes {@code s} in UTF-8 into {@code dst} from {@code offset}, checking it on the way: one pass over
   * the chars where {@link #checkEncodable} followed by a format library's own encoder would take two or
   * three. {@code dst} must have room for {@code 3 * s.length()} bytes from {@code offset} (no char takes
   * more than three bytes; a surrogate pair takes four for its two chars). Does not check
   * {@link Limits#maxStringBytes()}: callers compare the returned length with it (and refuse strings of
   * more chars than the limit before calling, so that {@code dst} stays bounded).
   *
   * @return the number of bytes written, which is {@code s}'s UTF-8 length
   * @throws EncodeException if {@code s} holds an unpaired surrogate (worded by {@link #unpairedSurrogate});
   *     {@code dst} may then hold part of the string
   * @throws IndexOutOfBoundsException if {@code dst} is too small (a caller's bug, never the input's)
   */
  public static int encode(String s, byte[] dst, int offset) {
    int n = s.length();
    int j = offset;
    int i = 0;
    // Most text of most messages is ASCII: a tight copy loop until the first char that is not.
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        break;
      }
      dst[j++] = (byte) c;
    }
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        dst[j++] = (byte) c;
      } else if (c < 0x800) {
        dst[j++] = (byte) (0xC0 | (c >>> 6));
        dst[j++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isSurrogate(c)) {
        char low;
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(low = s.charAt(i + 1))) {
          int cp = Character.toCodePoint(c, low);
          dst[j++] = (byte) (0xF0 | (cp >>> 18));
          dst[j++] = (byte) (0x80 | ((cp >>> 12) & 0x3F));
          dst[j++] = (byte) (0x80 | ((cp >>> 6) & 0x3F));
          dst[j++] = (byte) (0x80 | (cp & 0x3F));
          i++;
        } else {
          throw unpairedSurrogate(c, i);
        }
      } else {
        dst[j++] = (byte) (0xE0 | (c >>> 12));
        dst[j++] = (byte) (0x80 | ((c >>> 6) & 0x3F));
        dst[j++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    return j - offset;
  }

  /** The error for a string whose char at {@code index}, {@code c}, is a surrogate without its pair. */
  public static EncodeException unpairedSurrogate(char c, int index) {
    return new EncodeException("unpaired surrogate U+" + Integer.toHexString(c).toUpperCase(Locale.ROOT)
        + " at index " + index + ": UTF-8 cannot encode it");
  }

  /**
   * Checks a string about to be encoded: it has a UTF-8 form and at most {@link Limits#maxStringBytes()}
   * bytes of it.
   *
   * @return its UTF-8 length
   * @throws EncodeException naming the problem otherwise
   */
  public static int checkEncodable(String s, Limits limits) {
    if (s.length() > limits.maxStringBytes()) {
      // at least one byte per char: too long whatever it holds (still say so for unpaired surrogates)
      encodedLength(s);
      throw tooLong(s.length(), "at least ", limits, true);
    }
    long bytes = encodedLength(s);
    if (bytes > limits.maxStringBytes()) {
      throw tooLong(bytes, "", limits, true);
    }
    return (int) bytes;
  }

  /**
   * Checks a decoded string against {@link Limits#maxStringBytes()}, in UTF-8 bytes, for decoders whose
   * library hands out text without its byte length (a decoded string never holds an unpaired surrogate
   * unless the input escaped one, which a decoder refuses on its own).
   *
   * @throws DecodeException if it is longer
   */
  public static void checkDecoded(String s, Limits limits) {
    int max = limits.maxStringBytes();
    if (s.length() > max) {
      throw (DecodeException) tooLong(s.length(), "at least ", limits, false);
    }
    if ((long) s.length() * 3 <= max) {
      return; // three bytes per char at most (a surrogate pair is four bytes for two chars)
    }
    long bytes = 0;
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
    }
    if (bytes > max) {
      throw (DecodeException) tooLong(bytes, "", limits, false);
    }
  }

  /** The error for a string or byte array of {@code bytes} bytes over the limit. */
  public static CodecException tooLong(long bytes, String qualifier, Limits limits, boolean encoding) {
    String problem = "string or bytes of " + qualifier + bytes + " bytes exceeds the limit of "
        + limits.maxStringBytes() + " bytes";
    return encoding ? new EncodeException(problem) : new DecodeException(problem);
  }
}
