package io.openassist.file.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A search of an assistant's files: words, "phrases" and -exclusions; at most {@code limit} hits.
 */
public record SearchRequest(
    @NotBlank(message = "is required")
        @Size(max = 1000, message = "must be at most {max} characters")
        String query,
    @Min(value = 1, message = "must be between 1 and 50")
        @Max(value = 50, message = "must be between 1 and 50")
        Integer limit) {

  static final int DEFAULT_LIMIT = 10;

  int limitOrDefault() {
    return limit == null ? DEFAULT_LIMIT : limit;
  }
}
