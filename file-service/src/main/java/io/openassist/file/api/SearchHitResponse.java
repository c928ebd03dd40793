package io.openassist.file.api;

import io.openassist.file.domain.ChunkHit;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * A ranked passage: the file it is from, its position among the file's chunks, the character range
 * of the file's text it covers, its score (higher is better, in (0, 1)) and its text.
 */
@JsonbPropertyOrder({"object", "fileId", "fileName", "position", "start", "end", "score", "text"})
public record SearchHitResponse(
    String object,
    String fileId,
    String fileName,
    int position,
    int start,
    int end,
    double score,
    String text) {

  static SearchHitResponse from(ChunkHit hit) {
    return new SearchHitResponse(
        "file.chunk",
        hit.fileId(),
        hit.fileName(),
        hit.chunk().position(),
        hit.chunk().start(),
        hit.chunk().end(),
        hit.score(),
        hit.chunk().text());
  }
}
