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
import io.openassist.assistant.infrastructure.upstream.StandardVendorErrors;
import io.openassist.assistant.infrastructure.upstream.StreamAssembler;
import io.openassist.assistant.infrastructure.upstream.UpstreamHttp;
import io.openassist.assistant.infrastructure.upstream.VendorAdapter;
import io.openassist.assistant.infrastructure.upstream.VendorErrors;
import io.openassist.assistant.infrastructure.upstream.VendorJson;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * OpenAI Chat Completions ({@code POST {base}/chat/completions}, JSON and server-sent events), and
 * every API that speaks it: OpenAI, Mistral, vLLM, Ollama, LM Studio, MindsDB Minds (the mind as
 * the model), and Azure OpenAI (the model names the deployment, the key goes in {@code api-key}).
 */
public final class OpenAiChatAdapter implements VendorAdapter {

  private static final int ANSWER_LIMIT = 16 * 1024 * 1024;

  private final UpstreamHttp http;
  private final ProviderSettings settings;
  private final VendorErrors errors;

  public OpenAiChatAdapter(UpstreamHttp http) {
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
        return OpenAiChatPayloads.result(answer, request.model(), settings.name());
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
          throw failed(call, VendorJson.malformed(settings.name()));
        }
        if (chunk.containsKey("error")) {
          throw failed(call, errors.translate(500, event.data(), null));
        }
        if (model == null) {
          model = VendorJson.string(chunk, "model");
        }
        Usage reported = OpenAiChatPayloads.usage(VendorJson.object(chunk, "usage"));
        if (reported != null) {
          usage = reported;
        }
        String reason = deliver(chunk, assembler, call);
        if (reason != null) {
          finish = reason;
        }
      }
      if (done) {
        call.drain();
      }
      if (!done && finish == null) {
        throw failed(
            call,
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

  /** One chunk to the listener; if the listener fails (our caller left), the call is abandoned. */
  private static String deliver(
      JsonObject chunk, StreamAssembler assembler, UpstreamHttp.Call call) {
    try {
      return OpenAiChatPayloads.chunk(chunk, assembler);
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
        HttpRequest.newBuilder(uri(request.model()))
            .header("Content-Type", "application/json")
            .header("Accept", stream ? "text/event-stream" : "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    OpenAiChatPayloads.request(request, stream).toString(),
                    StandardCharsets.UTF_8));
    if (settings.apiKey() != null) {
      if (settings.type() == ProviderType.AZURE_OPENAI) {
        builder.header("api-key", settings.apiKey());
      } else {
        builder.header("Authorization", "Bearer " + settings.apiKey());
      }
    }
    for (Map.Entry<String, String> header : settings.headers().entrySet()) {
      builder.header(header.getKey(), header.getValue());
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
