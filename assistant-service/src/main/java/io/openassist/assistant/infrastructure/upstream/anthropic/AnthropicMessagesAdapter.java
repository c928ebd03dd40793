package io.openassist.assistant.infrastructure.upstream.anthropic;

import io.openassist.assistant.domain.run.ModelRequest;
import io.openassist.assistant.domain.run.ModelResult;
import io.openassist.assistant.domain.run.StreamListener;
import io.openassist.assistant.domain.run.UpstreamException;
import io.openassist.assistant.domain.run.UpstreamException.Kind;
import io.openassist.assistant.domain.run.Usage;
import io.openassist.assistant.infrastructure.upstream.ProviderSettings;
import io.openassist.assistant.infrastructure.upstream.SseReader;
import io.openassist.assistant.infrastructure.upstream.StreamAssembler;
import io.openassist.assistant.infrastructure.upstream.UpstreamHttp;
import io.openassist.assistant.infrastructure.upstream.VendorAdapter;
import io.openassist.assistant.infrastructure.upstream.VendorJson;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Anthropic Messages ({@code POST {base}/v1/messages}, JSON and server-sent events, {@code
 * x-api-key} and {@code anthropic-version}), translated to and from the chat-completions contract
 * (see {@link AnthropicPayloads}). {@code overloaded_error} (529) is retried like a 5xx.
 */
public final class AnthropicMessagesAdapter implements VendorAdapter {

  private final UpstreamHttp http;
  private final ProviderSettings settings;

  public AnthropicMessagesAdapter(UpstreamHttp http) {
    this.http = http;
    this.settings = http.settings();
  }

  @Override
  public ModelResult complete(ModelRequest request) {
    return http.exchangeJson(
        post(request, false),
        answer -> AnthropicPayloads.result(answer, request.model(), settings.name()));
  }

  @Override
  public ModelResult stream(ModelRequest request, StreamListener listener) {
    StreamAssembler assembler = new StreamAssembler(listener);
    UpstreamHttp.Call call = http.send(post(request, true));
    try {
      call.deliver(listener::opened);
      SseReader events = new SseReader(call.body());
      Map<Integer, Integer> toolIndexOfBlock = new HashMap<>();
      String model = null;
      String stopReason = null;
      JsonObject startUsage = null;
      Long outputTokens = null;
      boolean stopped = false;
      SseReader.Event event;
      while ((event = events.next()) != null) {
        JsonObject data = VendorJson.objectOrNull(event.data());
        if (data == null) {
          throw call.fail(VendorJson.malformed(settings.name()));
        }
        String type = VendorJson.string(data, "type");
        if (type == null) {
          type = event.type();
        }
        switch (type) {
          case "message_start" -> {
            JsonObject message = VendorJson.object(data, "message");
            model = VendorJson.string(message, "model");
            startUsage = VendorJson.object(message, "usage");
          }
          case "content_block_start" -> {
            JsonObject block = VendorJson.object(data, "content_block");
            Integer index = VendorJson.integer(data, "index");
            if ("tool_use".equals(VendorJson.string(block, "type"))) {
              int toolIndex = toolIndexOfBlock.size();
              toolIndexOfBlock.put(index == null ? -1 : index, toolIndex);
              call.deliver(
                  () ->
                      assembler.toolCall(
                          toolIndex,
                          VendorJson.string(block, "id"),
                          VendorJson.string(block, "name"),
                          null));
            } else if ("text".equals(VendorJson.string(block, "type"))) {
              String text = VendorJson.string(block, "text");
              call.deliver(() -> assembler.text(text));
            }
          }
          case "content_block_delta" -> {
            JsonObject delta = VendorJson.object(data, "delta");
            Integer index = VendorJson.integer(data, "index");
            String deltaType = VendorJson.string(delta, "type");
            if ("text_delta".equals(deltaType)) {
              call.deliver(() -> assembler.text(VendorJson.string(delta, "text")));
            } else if ("thinking_delta".equals(deltaType)) {
              call.deliver(() -> assembler.reasoning(VendorJson.string(delta, "thinking")));
            } else if ("input_json_delta".equals(deltaType)) {
              Integer toolIndex = toolIndexOfBlock.get(index == null ? -1 : index);
              if (toolIndex != null) {
                call.deliver(
                    () ->
                        assembler.toolCall(
                            toolIndex, null, null, VendorJson.string(delta, "partial_json")));
              }
            }
          }
          case "message_delta" -> {
            String reason = VendorJson.string(VendorJson.object(data, "delta"), "stop_reason");
            if (reason != null) {
              stopReason = reason;
            }
            Long out = VendorJson.number(VendorJson.object(data, "usage"), "output_tokens");
            if (out != null) {
              outputTokens = out;
            }
          }
          case "message_stop" -> stopped = true;
          case "error" ->
              throw call.fail(http.errors().translate(inStreamStatus(data), event.data(), null));
          default -> {
            // ping, content_block_stop and event types added later carry nothing we need.
          }
        }
        if (stopped) {
          break;
        }
      }
      if (!stopped) {
        throw call.fail(
            new UpstreamException(
                Kind.FAILED, "Provider '" + settings.name() + "' broke off its streamed answer"));
      }
      Usage usage = AnthropicPayloads.usage(startUsage, outputTokens == null ? 0 : outputTokens);
      if (usage != null && outputTokens != null) {
        usage = Usage.of(usage.promptTokens(), outputTokens, usage.cachedTokens(), null);
      }
      return new ModelResult(
          model == null ? request.model() : model,
          List.of(assembler.message()),
          AnthropicPayloads.finishReason(stopReason, assembler.hasToolCalls()),
          usage,
          List.of());
    } catch (IOException e) {
      throw call.readFailure(e);
    } finally {
      call.close();
    }
  }

  /** The status an error event inside a stream stands for (the stream itself was a 200). */
  private static int inStreamStatus(JsonObject data) {
    String type = VendorJson.string(VendorJson.object(data, "error"), "type");
    if (type == null) {
      return 500;
    }
    return switch (type) {
      case "overloaded_error" -> 529;
      case "rate_limit_error" -> 429;
      case "invalid_request_error" -> 400;
      default -> 500;
    };
  }

  private HttpRequest.Builder post(ModelRequest request, boolean stream) {
    HttpRequest.Builder builder =
        http.postJson(
                URI.create(settings.baseUrl() + "/v1/messages"),
                AnthropicPayloads.request(request, settings.defaultMaxTokens(), stream).toString(),
                stream)
            .header("anthropic-version", settings.apiVersion());
    if (settings.apiKey() != null) {
      builder.header("x-api-key", settings.apiKey());
    }
    return builder;
  }
}
