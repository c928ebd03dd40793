package io.openassist.assistant.infrastructure.upstream.openai;

import io.openassist.assistant.domain.run.ModelRequest;
import io.openassist.assistant.domain.run.ModelResult;
import io.openassist.assistant.domain.run.StreamListener;
import io.openassist.assistant.domain.run.UpstreamException;
import io.openassist.assistant.domain.run.UpstreamException.Kind;
import io.openassist.assistant.domain.run.Usage;
import io.openassist.assistant.infrastructure.upstream.ProviderSettings;
import io.openassist.assistant.infrastructure.upstream.ProviderType;
import io.openassist.assistant.infrastructure.upstream.SseReader;
import io.openassist.assistant.infrastructure.upstream.StreamAssembler;
import io.openassist.assistant.infrastructure.upstream.UpstreamHttp;
import io.openassist.assistant.infrastructure.upstream.VendorAdapter;
import io.openassist.assistant.infrastructure.upstream.VendorJson;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * OpenAI Chat Completions ({@code POST {base}/chat/completions}, JSON and server-sent events), and
 * every API that speaks it: OpenAI, Mistral, vLLM, Ollama, LM Studio, MindsDB Minds (the mind as
 * the model), and Azure OpenAI (the model names the deployment, the key goes in {@code api-key}).
 */
public final class OpenAiChatAdapter implements VendorAdapter {

  private final UpstreamHttp http;
  private final ProviderSettings settings;

  public OpenAiChatAdapter(UpstreamHttp http) {
    this.http = http;
    this.settings = http.settings();
  }

  @Override
  public ModelResult complete(ModelRequest request) {
    return http.exchangeJson(
        post(request, false),
        answer -> OpenAiChatPayloads.result(answer, request.model(), settings.name()));
  }

  @Override
  public ModelResult stream(ModelRequest request, StreamListener listener) {
    StreamAssembler assembler = new StreamAssembler(listener);
    UpstreamHttp.Call call = http.send(post(request, true));
    try {
      call.deliver(listener::opened);
      SseReader events = new SseReader(call.body());
      String finish = null;
      String model = null;
      Usage usage = null;
      boolean done = false;
      SseReader.Event event;
      while ((event = events.next()) != null) {
        if ("[DONE]".equals(event.data().strip())) {
          done = true;
          break;
        }
        JsonObject chunk = VendorJson.objectOrNull(event.data());
        if (chunk == null) {
          throw call.fail(VendorJson.malformed(settings.name()));
        }
        if (chunk.containsKey("error")) {
          throw call.fail(http.errors().translate(500, event.data(), null));
        }
        String chunkModel = VendorJson.string(chunk, "model");
        if (model == null && chunkModel != null && !chunkModel.isBlank()) {
          // Azure's first chunk (its prompt filter results) names no model.
          model = chunkModel;
        }
        Usage reported = OpenAiChatPayloads.usage(VendorJson.object(chunk, "usage"));
        if (reported != null) {
          usage = reported;
        }
        String reason = call.deliver(() -> OpenAiChatPayloads.chunk(chunk, assembler));
        if (reason != null) {
          finish = reason;
        }
      }
      if (!done && finish == null) {
        throw call.fail(
            new UpstreamException(
                Kind.FAILED, "Provider '" + settings.name() + "' broke off its streamed answer"));
      }
      return new ModelResult(
          model == null ? request.model() : model,
          List.of(assembler.message()),
          OpenAiChatPayloads.finishReason(finish, assembler.hasToolCalls()),
          usage,
          List.of());
    } catch (IOException e) {
      throw call.readFailure(e);
    } finally {
      call.close();
    }
  }

  private HttpRequest.Builder post(ModelRequest request, boolean stream) {
    HttpRequest.Builder builder =
        http.postJson(
            uri(request.model()), OpenAiChatPayloads.request(request, stream).toString(), stream);
    if (settings.apiKey() != null) {
      if (settings.type() == ProviderType.AZURE_OPENAI) {
        builder.header("api-key", settings.apiKey());
      } else {
        builder.header("Authorization", "Bearer " + settings.apiKey());
      }
    }
    return builder;
  }

  private URI uri(String model) {
    String base = settings.baseUrl().toString();
    if (settings.type() == ProviderType.AZURE_OPENAI) {
      return URI.create(
          base
              + "/openai/deployments/"
              + URLEncoder.encode(model, StandardCharsets.UTF_8)
              + "/chat/completions?api-version="
              + URLEncoder.encode(settings.apiVersion(), StandardCharsets.UTF_8));
    }
    return URI.create(base + "/chat/completions");
  }
}
