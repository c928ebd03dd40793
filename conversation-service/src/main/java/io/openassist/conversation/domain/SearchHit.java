package io.openassist.conversation.domain;

import java.time.Instant;

/**
 * A message whose text matched a search: where it is, how well it matched, the matching snippet.
 */
public record SearchHit(
    String conversationId,
    String assistantId,
    String messageId,
    MessageRole role,
    double rank,
    String snippet,
    Instant createdAt) {}
