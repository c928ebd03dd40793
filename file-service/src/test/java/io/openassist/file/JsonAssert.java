package io.openassist.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openassist.testing.ApiResponse;
import jakarta.json.JsonObject;

/** The two error shapes: the native problem and meinGPT's {@code {status: "error", message}}. */
final class JsonAssert {

  private JsonAssert() {}

  static JsonObject problem(ApiResponse r, int status) {
    assertEquals(status, r.status(), r::toString);
    assertTrue(r.contentType().startsWith("application/problem+json"), r::toString);
    JsonObject body = r.json();
    assertEquals(status, body.getInt("status"), r::toString);
    assertFalse(body.getString("code").isEmpty());
    return body;
  }

  static JsonObject meinGptError(ApiResponse r, int status) {
    assertEquals(status, r.status(), r::toString);
    assertTrue(r.contentType().startsWith("application/json"), r::toString);
    JsonObject body = r.json();
    assertEquals("error", body.getString("status"), r::toString);
    assertFalse(body.getString("message").isBlank(), r::toString);
    assertEquals(2, body.size(), r::toString);
    return body;
  }
}
