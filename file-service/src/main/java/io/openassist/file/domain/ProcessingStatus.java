package io.openassist.file.domain;

import java.util.Locale;

/**
 * How far a file's processing got: {@code pending} (stored, waiting for a worker), {@code
 * processing} (claimed by one), {@code ready} (text extracted, chunks indexed), or {@code failed}
 * (with a reason). Stored and shown in lower case.
 */
public enum ProcessingStatus {
  PENDING,
  PROCESSING,
  READY,
  FAILED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
