package io.openassist.assistant.infrastructure.upstream.flowise;

import io.openassist.assistant.domain.run.ChatMessage;
import io.openassist.assistant.domain.run.FinishReason;
import io.openassist.assistant.domain.run.MessageRole;
import io.openassist.assistant.domain.run.ModelRequest;
import io.openassist.assistant.domain.run.ModelResult;
import io.openassist.assistant.domain.run.StreamListener;
import io.openassist.assistant.domain.run.UpstreamException;
import io.openassist.assistant.domain.run.UpstreamException.Kind;
import io.openassist.assistant.infrastructure.upstream.ProviderSettings;
import io.openassist.assistant.infrastructure.upstream.SseReader;
import io.openassist.assistant.infrastructure.upstream.StreamAssembler;
import io.openassist.assistant.infrastructure.upstream.UpstreamHttp;
import io.openassist.assistant.infrastructure.upstream.VendorAdapter;
import io.openassist.assistant.infrastructure.upstream.VendorJson;
import io.openassist.common.web.json.Jsonp;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A Flowise chatflow as the upstream of an assistant: {@code POST {base}/api/v1/prediction/{model}}
 * (the model names the chatflow) with the last user message as {@code question} and the earlier
 * turns as {@code history} ({@code userMessage} / {@code apiMessage}); streamed as Flowise's
 * data-only events ({@code {"event": "token", "data": "..."}}, then {@code end}). The chatflow
 * holds its own prompt and tools, so our instructions and function tools are not sent; its source
 * documents become the run's citations.
 */
public final class FlowisePredictionAdapter implements VendorAdapter {

  private final UpstreamHttp http;
  private final ProviderSettings settings;

  public FlowisePredictionAdapter(UpstreamHttp http) {
    this.http = http;
    this.settings = http.settings();
  }

  @Override
  public ModelResult complete(ModelRequest request) {
    return http.exchangeJson(
        post(request, false),
        answer -> {
          String text = VendorJson.string(answer, "text");
          if (text == null) {
            throw VendorJson.malformed(settings.name());
          }
          return new ModelResult(
              request.model(),
              List.of(ChatMessage.assistant(text, List.of(), null)),
              FinishReason.STOP,
              null,
              citations(VendorJson.array(answer, "sourceDocuments")));
        });
  }

  @Override
  public ModelResult stream(ModelRequest request, StreamListener listener) {
    StreamAssembler assembler = new StreamAssembler(listener);
    UpstreamHttp.Call call = http.send(post(request, true));
    try {
      call.deliver(listener::opened);
      SseReader events = new SseReader(call.body());
      List<String> citations = List.of();
      boolean ended = false;
      SseReader.Event event;
      while (!ended && (event = events.next()) != null) {
        JsonObject data = VendorJson.objectOrNull(event.data());
        if (data == null) {
          throw call.fail(VendorJson.malformed(settings.name()));
        }
        String type = VendorJson.string(data, "event");
        switch (type == null ? "" : type) {
          case "token" -> {
            String token = VendorJson.string(data, "data");
            call.deliver(() -> assembler.text(token));
          }
          case "sourceDocuments" ->
              citations = citations(data.get("data") instanceof JsonArray a ? a : null);
          case "error" ->
              throw call.fail(
                  new UpstreamException(
                      Kind.FAILED,
                      // Its text often names internal hosts; the caller gets none of it.
                      "Provider '" + settings.name() + "' reported an error in its stream"));
          case "end" -> ended = true;
          default -> {
            // start, metadata, usedTools and later event types carry nothing we need.
          }
        }
      }
      if (!ended) {
        throw call.fail(
            new UpstreamException(
                Kind.FAILED, "Provider '" + settings.name() + "' broke off its streamed answer"));
      }
      return new ModelResult(
          request.model(), List.of(assembler.message()), FinishReason.STOP, null, citations);
    } catch (IOException e) {
      throw call.readFailure(e);
    } finally {
      call.close();
    }
  }

  private HttpRequest.Builder post(ModelRequest request, boolean stream) {
    List<ChatMessage> turns =
        request.messages().stream().filter(m -> m.role() != MessageRole.SYSTEM).toList();
    int last = -1;
    for (int i = turns.size() - 1; i >= 0; i--) {
      if (turns.get(i).role() == MessageRole.USER) {
        last = i;
        break;
      }
    }
    String question = last < 0 ? "" : turns.get(last).text();
    JsonArrayBuilder history = Jsonp.arrayBuilder();
    for (int i = 0; i < turns.size(); i++) {
      ChatMessage turn = turns.get(i);
      if (i == last || turn.role() == MessageRole.TOOL || turn.content() == null) {
        continue;
      }
      history.add(
          Jsonp.objectBuilder()
              .add("role", turn.role() == MessageRole.USER ? "userMessage" : "apiMessage")
              .add("content", turn.text()));
    }
    String body =
        Jsonp.objectBuilder()
            .add("question", question)
            .add("history", history)
            .add("streaming", stream)
            .build()
            .toString();
    HttpRequest.Builder builder =
        http.postJson(
            URI.create(
                settings.baseUrl()
                    + "/api/v1/prediction/"
                    + URLEncoder.encode(request.model(), StandardCharsets.UTF_8)),
            body,
            stream);
    if (settings.apiKey() != null) {
      builder.header("Authorization", "Bearer " + settings.apiKey());
    }
    return builder;
  }

  /** The sources of the documents the chatflow retrieved, each once. */
  private static List<String> citations(JsonArray documents) {
    if (documents == null) {
      return List.of();
    }
    Set<String> sources = new LinkedHashSet<>();
    for (JsonValue value : documents) {
      if (value instanceof JsonObject document) {
        JsonObject metadata = VendorJson.object(document, "metadata");
        String source = VendorJson.string(metadata, "source");
        if (source != null) {
          sources.add(source);
        }
      } else if (value instanceof JsonString s) {
        sources.add(s.getString());
      }
    }
    return List.copyOf(sources);
  }
}
