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

  /** {@code length} characters of 0-9, A-Z, a-z from a cryptographically strong source. */
  public static String randomBase62(int length) {
    StringBuilder random = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      random.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return random.toString();
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
