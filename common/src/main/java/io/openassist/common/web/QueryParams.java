package io.openassist.common.web;

import io.openassist.common.error.InvalidRequestException;
import io.openassist.common.error.Problem.FieldError;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;

/** Query parameters every service reads the same way, bound as strings and checked here. */
public final class QueryParams {

  private QueryParams() {}

  /** A time given in Unix seconds, or null when absent; anything else is a 400 naming it. */
  public static Instant unixSeconds(String field, String value) {
    if (value == null) {
      return null;
    }
    try {
      return Instant.ofEpochSecond(Long.parseLong(value.trim()));
    } catch (NumberFormatException | DateTimeException e) {
      throw new InvalidRequestException(
          List.of(new FieldError(field, "must be a time in Unix seconds")));
    }
  }
}
