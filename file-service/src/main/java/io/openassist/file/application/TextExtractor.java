package io.openassist.file.application;

import java.io.InputStream;

/** Turns a file's bytes into its text, with paragraphs separated by blank lines. */
public interface TextExtractor {

  /** The text, or a failure whose message says why there is none (shown to the caller). */
  String extract(InputStream content, String mimeType, String name) throws ExtractionFailed;

  /** The file could not be read as text: damaged, encrypted, or of a type without text. */
  class ExtractionFailed extends Exception {
    public ExtractionFailed(String reason, Throwable cause) {
      super(reason, cause);
    }
  }
}
