package io.openassist.assistant.infrastructure.upstream.anthropic;

import io.openassist.assistant.domain.run.ModelRequest;
import io.openassist.assistant.domain.run.ModelResult;
import io.openassist.assistant.domain.run.StreamListener;
import io.openassist.assistant.domain.run.UpstreamException;
import io.openassist.assistant.domain.run.UpstreamException.Kind;
import io.openassist.assistant.domain.run.Usage;
import io.openassist.assistant.infrastructure.upstream.ProviderSettings;
import io.openassist.assistant.infrastructure.upstream.SseReader;
import io.openassist.assistant.infrastructure.upstream.StandardVendorErrors;
import io.openassist.assistant.infrastructure.upstream.StreamAssembler;
import io.openassist.assistant.infrastructure.upstream.UpstreamHttp;
import io.openassist.assistant.infrastructure.upstream.VendorAdapter;
import io.openassist.assistant.infrastructure.upstream.VendorErrors;
import io.openassist.assistant.infrastructure.upstream.VendorJson;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Anthropic Messages ({@code POST {base}/v1/messages}, JSON and server-sent events, {@code
 * x-api-key} and {@code anthropic-version}), translated to and from the chat-completions contract
 * (see {@link AnthropicPayloads}). {@code overloaded_error} (529) is retried like a 5xx.
 */
public final class AnthropicMessagesAdapter implements VendorAdapter {

  private static final int ANSWER_LIMIT = 16 * 1024 * 1024;

  private final UpstreamHttp http;
  private final ProviderSettings settings;
  private final VendorErrors errors;

  public AnthropicMessagesAdapter(UpstreamHttp http) {
    this.http = http;
    this.settings = http.settings();
    this.errors = new StandardVendorErrors(settings.name());
  }

  @Override
  public ModelResult complete(ModelRequest request) {
    try (UpstreamHttp.Call call = http.send(post(request, false), errors)) {
      JsonObject answer = VendorJson.objectOrNull(call.readAll(ANSWER_LIMIT));
      if (answer == null) {
        throw failed(call, VendorJson.malformed(settings.name()));
      }
      try {
        return AnthropicPayloads.result(answer, request.model(), settings.name());
      } catch (UpstreamException e) {
        throw failed(call, e);
      }
    }
  }

  @Override
  public ModelResult stream(ModelRequest request, StreamListener listener) {
    StreamAssembler assembler = new StreamAssembler(listener);
    UpstreamHttp.Call call = http.send(post(request, true), errors);
    try {
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
          throw failed(call, VendorJson.malformed(settings.name()));
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
              deliver(
                  call,
                  () ->
                      assembler.toolCall(
                          toolIndex,
                          VendorJson.string(block, "id"),
                          VendorJson.string(block, "name"),
                          null));
            } else if ("text".equals(VendorJson.string(block, "type"))) {
              String text = VendorJson.string(block, "text");
              deliver(call, () -> assembler.text(text));
            }
          }
          case "content_block_delta" -> {
            JsonObject delta = VendorJson.object(data, "delta");
            Integer index = VendorJson.integer(data, "index");
            String deltaType = VendorJson.string(delta, "type");
            if ("text_delta".equals(deltaType)) {
              deliver(call, () -> assembler.text(VendorJson.string(delta, "text")));
            } else if ("thinking_delta".equals(deltaType)) {
              deliver(call, () -> assembler.reasoning(VendorJson.string(delta, "thinking")));
            } else if ("input_json_delta".equals(deltaType)) {
              Integer toolIndex = toolIndexOfBlock.get(index == null ? -1 : index);
              if (toolIndex != null) {
                deliver(
                    call,
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
              throw failed(call, errors.translate(inStreamStatus(data), event.data(), null));
          default -> {
            // ping, content_block_stop and event types added later carry nothing we need.
          }
        }
        if (stopped) {
          break;
        }
      }
      if (stopped) {
        call.drain();
      }
      if (!stopped) {
        throw failed(
            call,
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

  private static void deliver(UpstreamHttp.Call call, Runnable piece) {
    try {
      piece.run();
    } catch (RuntimeException listenerFailure) {
      call.abandon();
      throw listenerFailure;
    }
  }

  private static UpstreamException failed(UpstreamHttp.Call call, UpstreamException e) {
    call.failed(e);
    return e;
  }

  private HttpRequest.Builder post(ModelRequest request, boolean stream) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(settings.baseUrl() + "/v1/messages"))
            .header("Content-Type", "application/json")
            .header("Accept", stream ? "text/event-stream" : "application/json")
            .header("anthropic-version", settings.apiVersion())
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    AnthropicPayloads.request(request, settings.defaultMaxTokens(), stream)
                        .toString(),
                    StandardCharsets.UTF_8));
    if (settings.apiKey() != null) {
      builder.header("x-api-key", settings.apiKey());
    }
    for (Map.Entry<String, String> header : settings.headers().entrySet()) {
      builder.header(header.getKey(), header.getValue());
    }
    return builder;
  }
}
