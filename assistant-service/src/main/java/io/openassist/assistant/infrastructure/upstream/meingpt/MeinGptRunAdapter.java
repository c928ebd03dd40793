package io.openassist.assistant.infrastructure.upstream.meingpt;

import io.openassist.assistant.domain.run.ChatMessage;
import io.openassist.assistant.domain.run.FinishReason;
import io.openassist.assistant.domain.run.MessageRole;
import io.openassist.assistant.domain.run.ModelRequest;
import io.openassist.assistant.domain.run.ModelResult;
import io.openassist.assistant.domain.run.StreamListener;
import io.openassist.assistant.domain.run.ToolCall;
import io.openassist.assistant.domain.run.Usage;
import io.openassist.assistant.infrastructure.upstream.ProviderSettings;
import io.openassist.assistant.infrastructure.upstream.UpstreamHttp;
import io.openassist.assistant.infrastructure.upstream.VendorAdapter;
import io.openassist.assistant.infrastructure.upstream.VendorJson;
import io.openassist.common.web.json.Jsonp;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A meinGPT assistant as the upstream of one of ours: {@code POST {base}/api/assistants/v1/{model}/
 * run} with {@code Authorization: Bearer sk_meingpt_...}, the model naming the meinGPT assistant.
 * Our instructions go first as a system message; meinGPT runs its own tools, so ours are not sent.
 * meinGPT documents no streaming: a streamed run gets the whole answer as one delta.
 */
public final class MeinGptRunAdapter implements VendorAdapter {

  private final UpstreamHttp http;
  private final ProviderSettings settings;

  public MeinGptRunAdapter(UpstreamHttp http) {
    this.http = http;
    this.settings = http.settings();
  }

  @Override
  public ModelResult complete(ModelRequest request) {
    return http.exchangeJson(
        post(request),
        answer -> {
          if (VendorJson.string(answer, "text") == null) {
            throw VendorJson.malformed(settings.name());
          }
          return result(answer, request.model());
        });
  }

  @Override
  public ModelResult stream(ModelRequest request, StreamListener listener) {
    ModelResult result = complete(request);
    listener.opened();
    listener.text(result.text());
    return result;
  }

  private HttpRequest.Builder post(ModelRequest request) {
    JsonArrayBuilder messages = Jsonp.arrayBuilder();
    if (request.instructions() != null && !request.instructions().isBlank()) {
      messages.add(
          Jsonp.objectBuilder().add("role", "system").add("content", request.instructions()));
    }
    for (ChatMessage message : request.messages()) {
      JsonObjectBuilder m =
          Jsonp.objectBuilder()
              .add("role", message.role().wireName())
              .add("content", message.text());
      if (message.toolCallId() != null) {
        m.add("tool_call_id", message.toolCallId());
      }
      messages.add(m);
    }
    String body = Jsonp.objectBuilder().add("messages", messages).build().toString();
    HttpRequest.Builder builder =
        http.postJson(
            URI.create(
                settings.baseUrl()
                    + "/api/assistants/v1/"
                    + URLEncoder.encode(request.model(), StandardCharsets.UTF_8)
                    + "/run"),
            body,
            false);
    if (settings.apiKey() != null) {
      builder.header("Authorization", "Bearer " + settings.apiKey());
    }
    return builder;
  }

  /**
   * meinGPT's {@code {text, model, messages, usage, citations}}: its messages (tool calls and
   * reasoning included) as ours, its text as the run's text.
   */
  private static ModelResult result(JsonObject answer, String requestedModel) {
    String text = VendorJson.string(answer, "text");
    List<ChatMessage> messages = new ArrayList<>();
    JsonArray returned = VendorJson.array(answer, "messages");
    if (returned != null) {
      for (JsonValue value : returned) {
        if (value instanceof JsonObject m) {
          MessageRole role = MessageRole.fromWire(VendorJson.string(m, "role"));
          MessageRole kept = role == MessageRole.TOOL ? MessageRole.TOOL : MessageRole.ASSISTANT;
          messages.add(
              new ChatMessage(
                  kept,
                  VendorJson.string(m, "content"),
                  kept == MessageRole.ASSISTANT
                      ? toolCalls(VendorJson.array(m, "tool_calls"))
                      : List.of(),
                  VendorJson.string(m, "tool_call_id"),
                  null,
                  VendorJson.string(m, "reasoning")));
        }
      }
    }
    if (messages.isEmpty()) {
      messages.add(ChatMessage.assistant(text, List.of(), null));
    }
    List<String> citations = new ArrayList<>();
    JsonArray cited = VendorJson.array(answer, "citations");
    if (cited != null) {
      for (JsonValue c : cited) {
        if (c instanceof JsonString s) {
          citations.add(s.getString());
        }
      }
    }
    String model = VendorJson.string(answer, "model");
    return new ModelResult(
        model == null ? requestedModel : model,
        messages,
        FinishReason.STOP,
        usage(VendorJson.object(answer, "usage")),
        citations,
        text);
  }

  private static List<ToolCall> toolCalls(JsonArray calls) {
    List<ToolCall> result = new ArrayList<>();
    if (calls == null) {
      return result;
    }
    for (JsonValue value : calls) {
      if (value instanceof JsonObject call) {
        JsonObject function = VendorJson.object(call, "function");
        String id = VendorJson.string(call, "id");
        String name = VendorJson.string(function, "name");
        if (id != null && name != null) {
          result.add(new ToolCall(id, name, VendorJson.string(function, "arguments")));
        }
      }
    }
    return result;
  }

  /** OpenAI's names if meinGPT reports them so, else Anthropic's; absent counts as unknown. */
  private static Usage usage(JsonObject usage) {
    if (usage == null) {
      return null;
    }
    Long prompt = VendorJson.number(usage, "prompt_tokens");
    Long completion = VendorJson.number(usage, "completion_tokens");
    if (prompt == null && completion == null) {
      prompt = VendorJson.number(usage, "input_tokens");
      completion = VendorJson.number(usage, "output_tokens");
    }
    long p = prompt == null ? 0 : prompt;
    long c = completion == null ? 0 : completion;
    Long total = VendorJson.number(usage, "total_tokens");
    return new Usage(p, c, total == null ? p + c : total, null, null);
  }
}
