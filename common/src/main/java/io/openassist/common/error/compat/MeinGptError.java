package io.openassist.common.error.compat;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** meinGPT's error body. */
@JsonbPropertyOrder({"status", "message"})
public record MeinGptError(String status, String message) {

  public static MeinGptError of(String message) {
    return new MeinGptError("error", message);
  }
}
