package io.openassist.conversation.api;

import io.openassist.conversation.domain.Verification;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * {@code conversation.verification}: whether every message's hash is the hash of its parent's hash
 * and its own content, how many messages were checked, and the first (in creation order) that
 * fails, or null.
 */
@JsonbPropertyOrder({
  "object",
  "conversationId",
  "intact",
  "checkedMessages",
  "firstInvalidMessageId"
})
public record VerificationResponse(
    String object,
    String conversationId,
    boolean intact,
    int checkedMessages,
    String firstInvalidMessageId) {

  static VerificationResponse of(String conversationId, Verification v) {
    return new VerificationResponse(
        "conversation.verification",
        conversationId,
        v.intact(),
        v.checked(),
        v.firstInvalidMessageId());
  }
}
