package io.openassist.common.id;

import java.security.SecureRandom;

/**
 * Opaque, prefixed, unguessable object ids ({@code asst_} + 24 base-62 characters, about 142 random
 * bits). Ids carry no order and no count: nothing can be learnt from one, and none can be guessed
 * from another.
 */
public final class IdGenerator {

  private static final char[] ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
  private static final int RANDOM_CHARACTERS = 24;
  private static final SecureRandom RANDOM = new SecureRandom();

  private IdGenerator() {}

  public static String newId(String prefix) {
    return prefix + '_' + randomBase62(RANDOM_CHARACTERS);
  }

  /**
   * {@code length} characters of 0-9, A-Z, a-z from a cryptographically strong source, each equally
   * likely. The random bytes are drawn at once (one call into the shared, synchronized {@link
   * SecureRandom} per id, not one per character: every request makes a request id and most make an
   * object id); a byte of 248 or more is skipped, so that the other 248 map 4 to 1 onto the 62
   * characters without bias.
   */
  public static String randomBase62(int length) {
    char[] random = new char[length];
    byte[] bytes = new byte[length + length / 4 + 4];
    int filled = 0;
    while (filled < length) {
      RANDOM.nextBytes(bytes);
      for (int i = 0; i < bytes.length && filled < length; i++) {
        int b = bytes[i] & 0xff;
        if (b < 248) {
          random[filled++] = ALPHABET[b % ALPHABET.length];
        }
      }
    }
    return new String(random);
  }

  /** A non-negative number in base 62, left-padded with zeros to {@code width} characters. */
  public static String base62(long value, int width) {
    char[] digits = new char[width];
    long rest = value;
    for (int i = width - 1; i >= 0; i--) {
      digits[i] = ALPHABET[(int) (rest % ALPHABET.length)];
      rest /= ALPHABET.length;
    }
    return new String(digits);
  }
}
