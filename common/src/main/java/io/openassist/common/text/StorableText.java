package io.openassist.common.text;

/**
 * Text that came from outside the caller's request — a model's reply, a vendor's error, text
 * extracted from a file — made storable in PostgreSQL, which holds neither the NUL character nor an
 * unpaired UTF-16 surrogate (a {@code text} column refuses the first, {@code jsonb} both). Each
 * such character becomes U+FFFD, the Unicode replacement character, so that the rest is kept as it
 * was. A caller's own text is never cleaned: request bodies holding these are refused with a 400.
 */
public final class StorableText {

  private static final char REPLACEMENT = '\uFFFD';

  private StorableText() {}

  /** {@code text} with each NUL and unpaired surrogate replaced; null stays null. */
  public static String clean(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder cleaned = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean pair =
          Character.isHighSurrogate(c)
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1));
      boolean bad = c == '\u0000' || (!pair && Character.isSurrogate(c));
      if (bad && cleaned == null) {
        cleaned = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (cleaned != null) {
        cleaned.append(bad ? REPLACEMENT : c);
        if (pair) {
          cleaned.append(text.charAt(i + 1));
        }
      }
      if (pair) {
        i++;
      }
    }
    return cleaned == null ? text : cleaned.toString();
  }
}
