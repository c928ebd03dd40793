package io.openassist.file.api;

import io.openassist.file.domain.KnowledgeFile;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * The native file object: its name (as sanitised), type (detected from its bytes), size, SHA-256
 * checksum, processing status (with the reason when it failed) and derivations, who uploaded it,
 * and its times (unix seconds).
 */
@JsonbPropertyOrder({
  "id",
  "object",
  "assistantId",
  "originalName",
  "mimeType",
  "size",
  "checksum",
  "processingStatus",
  "processingError",
  "derivations",
  "uploadedBy",
  "createdAt",
  "updatedAt"
})
public record FileResponse(
    String id,
    String object,
    String assistantId,
    String originalName,
    String mimeType,
    long size,
    String checksum,
    String processingStatus,
    String processingError,
    List<String> derivations,
    String uploadedBy,
    long createdAt,
    long updatedAt) {

  static FileResponse from(KnowledgeFile f) {
    return new FileResponse(
        f.id(),
        "file",
        f.assistantId(),
        f.originalName(),
        f.mimeType(),
        f.size(),
        f.checksum(),
        f.processingStatus().wire(),
        f.processingError(),
        f.derivations(),
        f.uploadedBy(),
        f.createdAt().getEpochSecond(),
        f.updatedAt().getEpochSecond());
  }

  /** A replacement: the new file, and the id of the one it replaced (now deleted). */
  @JsonbPropertyOrder({"object", "replacedId", "file"})
  public record Replaced(String object, String replacedId, FileResponse file) {}

  /** What a delete answers. */
  @JsonbPropertyOrder({"id", "object", "deleted"})
  public record Deleted(String id, String object, boolean deleted) {}
}
