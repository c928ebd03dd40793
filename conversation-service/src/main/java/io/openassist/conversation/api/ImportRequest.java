package io.openassist.conversation.api;

import io.openassist.common.error.InvalidRequestException;
import io.openassist.common.error.Problem.FieldError;
import io.openassist.conversation.application.MessageWriter.Imported;
import io.openassist.conversation.domain.MessagePart;
import io.openassist.conversation.domain.MessageRole;
import jakarta.json.JsonValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The body of {@code messages:import}: a whole tree at once, each message with a client-side {@code
 * id} and its parent's client-side {@code parent_id} (absent for a root), parents listed before
 * their children; {@code active_id} names the message that ends the active branch (else the last
 * one). A message's {@code created_at} (Unix seconds, optional) keeps the time it was written in
 * the system it comes from; without it, it is the time of the import. {@code created_by} is always
 * the caller who imports: the audit record says who wrote each row here.
 */
public record ImportRequest(
    @NotNull(message = "is required")
        @Size(min = 1, max = 1000, message = "must have 1 to {max} messages")
        List<@NotNull(message = "must be a message object") @Valid Item> messages,
    @Size(min = 1, max = 128, message = "must be 1 to {max} characters") String activeId) {

  /** One message of the tree. */
  public record Item(
      @NotNull(message = "is required")
          @Size(min = 1, max = 128, message = "must be 1 to {max} characters")
          String id,
      @Size(min = 1, max = 128, message = "must be 1 to {max} characters") String parentId,
      @NotNull(message = MessageRequest.ROLES)
          @Pattern(regexp = "user|assistant|system|tool", message = MessageRequest.ROLES)
          String role,
      @NotNull(message = "is required") JsonValue parts,
      @Size(min = 1, max = 256, message = "must be 1 to {max} characters") String modelId,
      @PositiveOrZero(message = "must be a Unix time in seconds, not negative") Long createdAt) {}

  /** How far ahead of this server's clock an imported time may be (clocks differ a little). */
  private static final long FUTURE_SLACK_SECONDS = 300;

  List<Imported> toTree() {
    List<FieldError> errors = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<Imported> tree = new ArrayList<>();
    long latest = Instant.now().getEpochSecond() + FUTURE_SLACK_SECONDS;
    for (int i = 0; i < messages.size(); i++) {
      Item item = messages.get(i);
      String field = "messages[" + i + "]";
      List<MessagePart> parts = MessagePart.parse(item.parts(), field + ".parts", errors);
      if (item.parentId() != null && !seen.contains(item.parentId())) {
        errors.add(
            new FieldError(
                field + ".parent_id", "must be the id of a message listed before this one"));
      }
      if (item.createdAt() != null && item.createdAt() > latest) {
        errors.add(new FieldError(field + ".created_at", "must not be in the future"));
      }
      if (!seen.add(item.id())) {
        errors.add(new FieldError(field + ".id", "is listed twice"));
      }
      tree.add(
          new Imported(
              item.id(),
              item.parentId(),
              MessageRole.fromWire(item.role()),
              parts,
              item.modelId(),
              item.createdAt() == null ? null : Instant.ofEpochSecond(item.createdAt())));
    }
    if (activeId != null && !seen.contains(activeId)) {
      errors.add(new FieldError("active_id", "must be the id of a listed message"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return tree;
  }
}
