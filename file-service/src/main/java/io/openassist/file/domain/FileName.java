package io.openassist.file.domain;

import java.text.Normalizer;
import java.util.Optional;

/**
 * The name a file is shown by: what the uploader sent, NFC-normalised, without format characters
 * (zero-width and direction marks), the characters Windows forbids in names replaced by {@code _},
 * at most 255 characters. Names are only ever shown, never used as paths (storage keys are file
 * ids); a name that is a path ({@code ../../etc/passwd}, {@code C:\x.txt}), holds control
 * characters or unpaired surrogates, or is nothing but dots is refused rather than quietly changed.
 */
public record FileName(String value) {

  public static final int MAX_LENGTH = 255;

  /** Why a sent name cannot be kept, or empty when it can. */
  public static Optional<String> problemWith(String sent) {
    if (sent == null || sent.isBlank()) {
      return Optional.of("needs a file name");
    }
    if (sent.length() > 4 * MAX_LENGTH) {
      return Optional.of("is longer than " + MAX_LENGTH + " characters");
    }
    if (sent.codePoints().anyMatch(Character::isISOControl)) {
      return Optional.of("contains control characters");
    }
    // A code point that is a surrogate is one without its pair.
    if (sent.codePoints()
        .anyMatch(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)) {
      return Optional.of("contains unpaired surrogates");
    }
    if (sent.indexOf('/') >= 0 || sent.indexOf('\\') >= 0) {
      return Optional.of("must be a file name, not a path");
    }
    String name = of(sent).value();
    if (name.isEmpty() || name.chars().allMatch(c -> c == '.')) {
      return Optional.of("is not a file name");
    }
    if (name.length() > MAX_LENGTH) {
      return Optional.of("is longer than " + MAX_LENGTH + " characters");
    }
    return Optional.empty();
  }

  /** What is kept of an acceptable name ({@link #problemWith} found nothing). */
  public static FileName of(String sent) {
    String normal = Normalizer.normalize(sent, Normalizer.Form.NFC);
    StringBuilder kept = new StringBuilder(normal.length());
    normal
        .codePoints()
        .forEach(
            cp -> {
              int type = Character.getType(cp);
              if (type == Character.FORMAT || type == Character.CONTROL) {
                return;
              }
              kept.appendCodePoint("<>:\"|?*".indexOf(cp) >= 0 ? '_' : cp);
            });
    return new FileName(kept.toString().strip());
  }
}
