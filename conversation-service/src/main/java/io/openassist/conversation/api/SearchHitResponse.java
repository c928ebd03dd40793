package io.openassist.conversation.api;

import io.openassist.conversation.domain.SearchHit;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * One message a search found: its conversation, its id and role, its rank, a snippet of its text
 * (HTML-escaped, the matches in {@code <mark>}) and when it was written. A search answers a list of
 * these, best first, cursor-paginated by {@code message_id}.
 */
@JsonbPropertyOrder({"conversationId", "messageId", "role", "rank", "snippet", "createdAt"})
public record SearchHitResponse(
    String conversationId,
    String messageId,
    String role,
    double rank,
    String snippet,
    long createdAt) {

  static SearchHitResponse from(SearchHit h) {
    return new SearchHitResponse(
        h.conversationId(),
        h.messageId(),
        h.role().wire(),
        h.rank(),
        h.snippet(),
        h.createdAt().getEpochSecond());
  }
}
