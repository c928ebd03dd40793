package io.openassist.conversation.api;

import io.openassist.common.error.InvalidRequestException;
import io.openassist.common.error.Problem.FieldError;
import io.openassist.conversation.application.MessageService.NewMessage;
import io.openassist.conversation.domain.MessagePart;
import io.openassist.conversation.domain.MessageRole;
import jakarta.json.JsonValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * The body that adds a message, Metorial's: {@code message: {parts}} (and optionally its {@code
 * role}, user unless said otherwise), {@code parent_message_id} to branch from any message of the
 * conversation (else the active branch is continued), {@code model_id} to override the model for
 * this turn; {@code stream: true} answers the turn as server-sent events; {@code run: false} stores
 * the message without running the assistant.
 */
public record MessageRequest(
    @NotNull(message = "is required") @Valid MessageInput message,
    @Size(min = 1, max = 128, message = "must be 1 to {max} characters") String parentMessageId,
    @Size(min = 1, max = 256, message = "must be 1 to {max} characters") String modelId,
    Boolean stream,
    Boolean run) {

  static final String ROLES = "must be one of user, assistant, system, tool";

  /** The message itself: its role and its parts. */
  public record MessageInput(
      @Pattern(regexp = "user|assistant|system|tool", message = ROLES) String role,
      @NotNull(message = "is required") JsonValue parts) {}

  boolean streamed() {
    return Boolean.TRUE.equals(stream);
  }

  boolean runs() {
    return !Boolean.FALSE.equals(run);
  }

  NewMessage toNewMessage() {
    List<FieldError> errors = new ArrayList<>();
    List<MessagePart> parts = MessagePart.parse(message.parts(), "message.parts", errors);
    if (Boolean.TRUE.equals(stream) && !runs()) {
      errors.add(new FieldError("stream", "only a turn that runs can be streamed"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    MessageRole role =
        message.role() == null ? MessageRole.USER : MessageRole.fromWire(message.role());
    return new NewMessage(parentMessageId, role, parts, modelId);
  }
}
