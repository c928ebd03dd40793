package io.openassist.conversation.api;

import jakarta.json.JsonObject;
import jakarta.validation.constraints.Size;

/**
 * The body of a PATCH: a new {@code title}, new {@code metadata} (replacing the old), or {@code
 * active_message_id} to switch the active branch to the one ending at that message; members not
 * sent stay as they are.
 */
public record ConversationPatchRequest(
    @Size(max = 512, message = "must be at most {max} characters") String title,
    JsonObject metadata,
    @Size(min = 1, max = 128, message = "must be 1 to {max} characters") String activeMessageId) {}
