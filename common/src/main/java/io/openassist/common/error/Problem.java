package io.openassist.common.error;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * The one error body of the native API: RFC 9457 {@code application/problem+json} with the
 * extension members {@code code} (stable, machine-readable), {@code request_id} (also written to
 * the log) and, for validation failures, {@code errors} naming each offending field.
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "code", "requestId", "errors"})
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String code,
    String requestId,
    @JsonbNillable(false) List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** One rejected field: where it is in the request, and what is wrong with it. */
  public record FieldError(String field, String message) {}

  public static String typeFor(String code) {
    return "urn:openassist:problem:" + code;
  }
}
