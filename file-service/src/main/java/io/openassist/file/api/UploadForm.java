package io.openassist.file.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The form of an upload or a replacement, for the OpenAPI document only: the body is read as a
 * stream by {@link MultipartUpload}, never bound to this class.
 */
@Schema(
    name = "FileUpload",
    description = "multipart/form-data with exactly one part: the file, named file",
    requiredProperties = "file")
public final class UploadForm {

  /** For the OpenAPI document only. */
  @Schema(
      type = SchemaType.STRING,
      format = "binary",
      description =
          "The file, with its name in the part's filename; at most OPENASSIST_FILES_MAX_FILE_BYTES"
              + " (by default 157,286,400 bytes, 150 MiB) of content. Its type is detected from its"
              + " bytes.")
  public String file;

  private UploadForm() {}
}
