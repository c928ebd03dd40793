package io.openassist.file.infrastructure.storage;

import java.util.regex.Pattern;

/**
 * The keys storage accepts: segments of letters, digits, {@code _} and {@code -} joined by {@code
 * /}, as the service makes them from ids. Anything else (a {@code ..}, an absolute path, a name
 * from a caller) is a bug and refused before it reaches a path or a bucket.
 */
final class StorageKeys {

  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*");
  private static final Pattern PREFIX = Pattern.compile("([A-Za-z0-9_-]+/)*");

  private StorageKeys() {}

  static String checked(String key) {
    if (key == null || !KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("Not a storage key: " + key);
    }
    return key;
  }

  static String checkedPrefix(String prefix) {
    if (prefix == null || !PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException("Not a storage key prefix: " + prefix);
    }
    return prefix;
  }
}
