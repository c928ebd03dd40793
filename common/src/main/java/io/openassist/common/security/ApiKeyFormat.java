package io.openassist.common.security;

import io.openassist.common.id.IdGenerator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The form of API keys: {@code sk_<environment>_<32 random base-62 characters><6-character
 * checksum>}, about 190 random bits. The fixed prefix and the CRC-32 checksum let a secret scanner
 * recognise a leaked key without asking us, and let us refuse a mistyped one without a database
 * read. A key is stored only as its SHA-256; its first characters (the lookup prefix) find its row
 * and name it in listings.
 */
public final class ApiKeyFormat {

  public static final String PREFIX = "sk_";
  private static final int RANDOM_LENGTH = 32;
  private static final int CHECKSUM_LENGTH = 6;
  private static final int LOOKUP_RANDOM_LENGTH = 12;
  private static final Pattern FORM =
      Pattern.compile("sk_([a-z0-9]{2,12})_([0-9A-Za-z]{" + RANDOM_LENGTH + "})([0-9A-Za-z]{6})");
  private static final Pattern ENVIRONMENT = Pattern.compile("[a-z0-9]{2,12}");

  private ApiKeyFormat() {}

  /** A new key for the given environment tag (live, test, dev, ...). */
  public static String generate(String environment) {
    if (!ENVIRONMENT.matcher(environment).matches()) {
      throw new IllegalArgumentException("environment tag must be 2-12 of a-z, 0-9");
    }
    String body = PREFIX + environment + "_" + IdGenerator.randomBase62(RANDOM_LENGTH);
    return body + checksum(body);
  }

  /** Whether the token claims to be an API key at all (as opposed to a JWT). */
  public static boolean looksLikeApiKey(String token) {
    return token.startsWith(PREFIX);
  }

  /** Whether the key has the form and a correct checksum. */
  public static boolean isWellFormed(String key) {
    Matcher m = FORM.matcher(key);
    if (!m.matches()) {
      return false;
    }
    String body = key.substring(0, key.length() - CHECKSUM_LENGTH);
    return MessageDigest.isEqual(
        checksum(body).getBytes(StandardCharsets.US_ASCII),
        m.group(3).getBytes(StandardCharsets.US_ASCII));
  }

  /** The non-secret start of a well-formed key: environment plus 12 random characters. */
  public static String lookupPrefix(String key) {
    Matcher m = FORM.matcher(key);
    if (!m.matches()) {
      throw new IllegalArgumentException("not an API key");
    }
    return PREFIX + m.group(1) + "_" + m.group(2).substring(0, LOOKUP_RANDOM_LENGTH);
  }

  /** The SHA-256 of the whole key, hex: all that is stored of it. */
  public static String hash(String key) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Compares two hashes in time that does not depend on where they differ. */
  public static boolean sameHash(String expected, String actual) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII), actual.getBytes(StandardCharsets.US_ASCII));
  }

  private static String checksum(String body) {
    CRC32 crc = new CRC32();
    crc.update(body.getBytes(StandardCharsets.US_ASCII));
    return IdGenerator.base62(crc.getValue(), CHECKSUM_LENGTH);
  }
}
