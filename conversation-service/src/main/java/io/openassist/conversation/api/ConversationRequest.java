package io.openassist.conversation.api;

import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body that starts a conversation: {@code assistant_id}, optional {@code title}, {@code
 * metadata}.
 */
public record ConversationRequest(
    @NotNull(message = "is required")
        @Size(min = 1, max = 128, message = "must be 1 to {max} characters")
        String assistantId,
    @Size(max = 512, message = "must be at most {max} characters") String title,
    JsonObject metadata) {}
