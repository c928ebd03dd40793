package io.openassist.conversation.domain;

import java.time.Instant;

/**
 * Which conversations a list shows: deleted ones or the others, optionally only one member's (null:
 * every member's, for admins), one assistant's, and those created in {@code [createdFrom,
 * createdTo)}.
 */
public record ConversationFilter(
    boolean deleted,
    String createdBy,
    String assistantId,
    Instant createdFrom,
    Instant createdTo) {}
