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
    StringBuilder id = new StringBuilder(prefix.length() + 1 + RANDOM_CHARACTERS);
    id.append(prefix).append('_');
    for (int i = 0; i < RANDOM_CHARACTERS; i++) {
      id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return id.toString();
  }
}
