package io.openassist.assistant.api.run;

import io.openassist.common.error.ApiException;
import io.openassist.common.error.Problem.FieldError;
import java.util.List;

/** A file a run cannot use (not text-like, until the file service extracts text): 415. */
final class UnsupportedFileTypeException extends ApiException {

  UnsupportedFileTypeException(String field, String detail) {
    super(
        415,
        "unsupported_file_type",
        "Unsupported media type",
        detail,
        List.of(new FieldError(field, detail)));
  }
}
