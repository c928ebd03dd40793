package io.openassist.conversation.api;

import io.openassist.conversation.application.MessageService.Posted;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * What adding a message stored: a turn's {@code user_message} and {@code assistant_message}; a
 * regeneration's {@code assistant_message}; an append without a run, its {@code message}.
 */
@JsonbPropertyOrder({"userMessage", "assistantMessage", "message"})
@JsonbNillable(false)
public record PostedResponse(
    MessageResponse userMessage, MessageResponse assistantMessage, MessageResponse message) {

  static PostedResponse turn(Posted posted) {
    return new PostedResponse(
        MessageResponse.from(posted.message()), MessageResponse.from(posted.reply()), null);
  }

  static PostedResponse regenerated(Posted posted) {
    return new PostedResponse(null, MessageResponse.from(posted.message()), null);
  }

  static PostedResponse appended(Posted posted) {
    return new PostedResponse(null, null, MessageResponse.from(posted.message()));
  }
}
