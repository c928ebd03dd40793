package io.openassist.file.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The upload limit both paths share: {@code openassist.files.max-file-bytes} ({@code
 * OPENASSIST_FILES_MAX_FILE_BYTES}), 150 MiB of file content by default; the request may carry
 * {@value #FRAMING_ALLOWANCE} bytes of multipart framing on top.
 */
@ApplicationScoped
public class Uploads {

  static final String MAX_FILE_BYTES = "openassist.files.max-file-bytes";
  static final long DEFAULT_MAX_FILE_BYTES = 150L * 1024 * 1024;
  static final long FRAMING_ALLOWANCE = 64 * 1024;

  @Inject
  @ConfigProperty(name = MAX_FILE_BYTES, defaultValue = "157286400")
  long maxFileBytes;

  MultipartUpload of(String contentType, InputStream body) {
    return new MultipartUpload(contentType, body, maxFileBytes);
  }
}
