package io.openassist.conversation.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.Map;

/**
 * What an import stored: how many messages, the message id each client-side id became, and the
 * message that now ends the active branch.
 */
@JsonbPropertyOrder({"object", "conversationId", "imported", "ids", "activeMessageId"})
public record ImportResponse(
    String object,
    String conversationId,
    int imported,
    Map<String, String> ids,
    String activeMessageId) {}
