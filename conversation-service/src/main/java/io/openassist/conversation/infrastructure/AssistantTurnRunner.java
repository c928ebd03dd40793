package io.openassist.conversation.infrastructure;

import io.openassist.assistant.client.AssistantRunStreams;
import io.openassist.assistant.client.AssistantRuns;
import io.openassist.assistant.client.RunCall;
import io.openassist.assistant.client.RunFailedException;
import io.openassist.assistant.client.RunReply;
import io.openassist.common.lifecycle.Shutdown;
import io.openassist.common.text.StorableText;
import io.openassist.common.web.json.Jsonp;
import io.openassist.conversation.domain.Message;
import io.openassist.conversation.domain.MessagePart;
import io.openassist.conversation.domain.MessageRole;
import io.openassist.conversation.domain.MessageStatus;
import io.openassist.conversation.domain.TurnReply;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs a conversation turn on assistant-service (through the assistant-client module): translates
 * the branch into OpenAI chat messages for the run endpoint, and the run's answer into the parts of
 * the reply. Failed messages on the branch are left out of what the model sees. A branch longer
 * than a run takes is sent as its most recent messages that fit ({@code
 * openassist.conversation.context-max-messages}, 2,000, and {@code
 * openassist.conversation.context-max-bytes}, 900,000 bytes of JSON: within what assistant-service
 * accepts by default, 2,048 messages in a 1 MiB body, with room for the rest of the call), never
 * starting with a tool result whose call was cut off. Throws {@link
 * io.openassist.assistant.client.RunFailedException} when the run does not complete.
 */
@ApplicationScoped
public class AssistantTurnRunner {

  @Inject AssistantRuns runs;
  @Inject AssistantRunStreams streams;
  @Inject Shutdown shutdown;

  @Inject
  @ConfigProperty(name = "openassist.conversation.context-max-messages", defaultValue = "2000")
  int maxMessages;

  @Inject
  @ConfigProperty(name = "openassist.conversation.context-max-bytes", defaultValue = "900000")
  long maxBytes;

  /** How many messages of a branch a run can take at most (read no further back than that). */
  public int contextMessages() {
    return maxMessages;
  }

  public TurnReply run(
      String credential,
      String assistantId,
      String conversationId,
      List<Message> branch,
      String modelId) {
    return reply(runs.run(credential, assistantId, call(conversationId, branch, modelId)));
  }

  /**
   * The same turn streamed: each piece of the reply is handed to {@code onDelta} as it arrives;
   * when {@code onDelta} fails (our caller left), the run is aborted and the turn fails with {@code
   * client_disconnected}.
   */
  public TurnReply stream(
      String credential,
      String assistantId,
      String conversationId,
      List<Message> branch,
      String modelId,
      Consumer<JsonObject> onDelta) {
    RunCall call = call(conversationId, branch, modelId);
    try (AssistantRunStreams.RunStream stream = streams.open(credential, assistantId, call);
        var open = shutdown.openStream(() -> closeQuietly(stream))) {
      AssistantRunStreams.Event event;
      while ((event = stream.next()) != null) {
        switch (event.name()) {
          case "run.delta" -> {
            if (!(event.json().get("delta") instanceof JsonObject delta)) {
              continue; // a delta without a piece: nothing to pass on
            }
            try {
              onDelta.accept(delta);
            } catch (RuntimeException callerGone) {
              throw RunFailedException.of(
                  499,
                  "client_disconnected",
                  "The caller left before the reply was complete",
                  null);
            }
          }
          case "run.completed" -> {
            return reply(event.reply());
          }
          case "run.failed" -> throw event.failure();
          default -> {
            // run.created and anything newer: nothing to pass on
          }
        }
      }
    } catch (IOException e) {
      if (shutdown.pastGrace()) { // broken off by our own shutdown
        throw RunFailedException.of(503, Shutdown.STOPPING_CODE, Shutdown.STOPPING_DETAIL, null);
      }
      throw RunFailedException.of(
          502, "assistant_service_stream_broken", "assistant-service's stream broke off", null);
    }
    throw RunFailedException.of(
        502, "assistant_service_stream_broken", "assistant-service's stream ended early", null);
  }

  private static void closeQuietly(AssistantRunStreams.RunStream stream) {
    try {
      stream.close();
    } catch (IOException ignored) {
      // closing is all a shutdown can do
    }
  }

  private RunCall call(String conversationId, List<Message> branch, String modelId) {
    List<JsonObject> chat = new ArrayList<>();
    for (Message message : branch) {
      if (message.status() == MessageStatus.COMPLETED) {
        chat.addAll(chatMessages(message));
      }
    }
    JsonObject metadata = Jsonp.objectBuilder().add("conversation_id", conversationId).build();
    return new RunCall(recent(chat, maxMessages, maxBytes), modelId, metadata);
  }

  /**
   * The most recent messages of {@code chat} within both limits (the last one always, so that an
   * oversized message is refused by the run rather than dropped here), not starting with a tool
   * result: a model must see the call a result answers.
   */
  static List<JsonObject> recent(List<JsonObject> chat, int maxMessages, long maxBytes) {
    int from = chat.size();
    long bytes = 0;
    while (from > 0) {
      long size = chat.get(from - 1).toString().getBytes(StandardCharsets.UTF_8).length + 1;
      if (from < chat.size() && (chat.size() - from + 1 > maxMessages || bytes + size > maxBytes)) {
        break;
      }
      bytes += size;
      from--;
    }
    while (from < chat.size() - 1 && "tool".equals(chat.get(from).getString("role", ""))) {
      from++;
    }
    return from == 0 ? chat : chat.subList(from, chat.size());
  }

  private static List<JsonObject> chatMessages(Message message) {
    List<JsonObject> chat = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    JsonArrayBuilder calls = Jsonp.arrayBuilder();
    boolean anyCall = false;
    for (MessagePart part : message.parts()) {
      if (part instanceof MessagePart.Text t) {
        text.append(text.isEmpty() ? "" : "\n\n").append(t.text());
      } else if (part instanceof MessagePart.ToolCall call) {
        anyCall = true;
        calls.add(
            Jsonp.objectBuilder()
                .add("id", call.id())
                .add("type", "function")
                .add(
                    "function",
                    Jsonp.objectBuilder()
                        .add("name", call.name())
                        .add("arguments", call.arguments())));
      } else if (part instanceof MessagePart.ToolResult result) {
        chat.add(
            Jsonp.objectBuilder()
                .add("role", "tool")
                .add("tool_call_id", result.toolCallId())
                .add("content", result.text())
                .build());
      }
      // reasoning, the model's own, is not sent back to it
    }
    if (!text.isEmpty() || anyCall) {
      String role = message.role() == MessageRole.TOOL ? "user" : message.role().wire();
      JsonObjectBuilder m = Jsonp.objectBuilder().add("role", role);
      m.add("content", text.isEmpty() ? JsonValue.NULL : Jsonp.value(text.toString()));
      if (anyCall && message.role() == MessageRole.ASSISTANT) {
        m.add("tool_calls", calls);
      }
      chat.add(0, m.build());
    }
    return chat;
  }

  /** The reply as stored: what the model said, made storable (see {@link StorableText}). */
  private static TurnReply reply(RunReply reply) {
    return new TurnReply(parts(reply), StorableText.clean(reply.model()), reply.usage());
  }

  static List<MessagePart> parts(RunReply reply) {
    List<MessagePart> parts = new ArrayList<>();
    if (reply.messages() != null) {
      for (JsonValue value : reply.messages()) {
        if (!(value instanceof JsonObject m)) {
          continue;
        }
        if (m.get("reasoning") instanceof JsonString reasoning
            && !reasoning.getString().isEmpty()) {
          parts.add(new MessagePart.Reasoning(StorableText.clean(reasoning.getString())));
        }
        if (m.get("content") instanceof JsonString content && !content.getString().isEmpty()) {
          parts.add(new MessagePart.Text(StorableText.clean(content.getString())));
        }
        if (m.get("tool_calls") instanceof jakarta.json.JsonArray toolCalls) {
          for (JsonValue c : toolCalls) {
            if (c instanceof JsonObject call && call.get("function") instanceof JsonObject f) {
              parts.add(
                  new MessagePart.ToolCall(
                      StorableText.clean(call.getString("id", "")),
                      StorableText.clean(f.getString("name", "")),
                      StorableText.clean(f.getString("arguments", ""))));
            }
          }
        }
      }
    }
    if (parts.isEmpty()) {
      parts.add(new MessagePart.Text(reply.text() == null ? "" : StorableText.clean(reply.text())));
    }
    if (reply.fileCitations() != null) {
      for (JsonValue value : reply.fileCitations()) {
        MessagePart.FileCitation citation =
            value instanceof JsonObject cited ? citation(cited) : null;
        if (citation != null && parts.size() < MessagePart.MAX_PARTS) {
          parts.add(citation);
        }
      }
    }
    return parts;
  }

  /**
   * One of the run's file_citations, as the reply's part; null for one that a client could not have
   * imported (no file id or name, or longer than a part allows), which is left out.
   */
  private static MessagePart.FileCitation citation(JsonObject cited) {
    String fileId = StorableText.clean(cited.getString("file_id", ""));
    String fileName = StorableText.clean(cited.getString("file_name", ""));
    String text = StorableText.clean(cited.getString("text", ""));
    if (fileId.isEmpty()
        || fileId.length() > MessagePart.MAX_ID
        || fileName.isEmpty()
        || fileName.length() > MessagePart.MAX_FILE_NAME
        || text.isEmpty()
        || text.length() > MessagePart.MAX_TEXT) {
      return null;
    }
    return new MessagePart.FileCitation(
        fileId,
        fileName,
        MessagePart.wholeNumber(cited.get("position")),
        MessagePart.wholeNumber(cited.get("start")),
        MessagePart.wholeNumber(cited.get("end")),
        cited.get("score") instanceof jakarta.json.JsonNumber score
                && Double.isFinite(score.doubleValue())
            ? score.doubleValue()
            : null,
        text);
  }
}
