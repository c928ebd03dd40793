package io.openassist.conversation.api;

import io.openassist.conversation.domain.SearchHit;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** The answer of a search: the matching messages, best first, with highlighted snippets. */
@JsonbPropertyOrder({"object", "data"})
public record SearchResultResponse(String object, List<Hit> data) {

  /** One matching message: its conversation, its id and role, its rank, a snippet with marks. */
  @JsonbPropertyOrder({"conversationId", "messageId", "role", "rank", "snippet", "createdAt"})
  public record Hit(
      String conversationId,
      String messageId,
      String role,
      double rank,
      String snippet,
      long createdAt) {}

  static SearchResultResponse of(List<SearchHit> hits) {
    return new SearchResultResponse(
        "list",
        hits.stream()
            .map(
                h ->
                    new Hit(
                        h.conversationId(),
                        h.messageId(),
                        h.role().wire(),
                        h.rank(),
                        h.snippet(),
                        h.createdAt().getEpochSecond()))
            .toList());
  }
}
