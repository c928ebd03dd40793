package io.openassist.conversation.domain;

import jakarta.json.JsonObject;
import java.util.List;

/** What a run answered for a turn: the reply's parts, the model that wrote it, its usage. */
public record TurnReply(List<MessagePart> parts, String model, JsonObject usage) {}
