package io.openassist.assistant.infrastructure.files;

import io.openassist.assistant.domain.run.KnowledgeSearch;
import io.openassist.common.security.CallerContext;
import io.openassist.common.web.RequestCorrelation;
import io.openassist.common.web.json.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * {@link KnowledgeSearch} through file-service's {@code POST /v1/assistants/{id}/files/search}, on
 * the caller's behalf. A file service that fails, is slow (more than {@code .../Timeout/value}, 3
 * s) or has its circuit open does not fail the run: the run goes on without passages, and the
 * failure is logged.
 */
@ApplicationScoped
public class RemoteKnowledgeSearch implements KnowledgeSearch {

  private static final Logger LOG = Logger.getLogger(RemoteKnowledgeSearch.class.getName());

  @Inject @RestClient FileServiceClient files;
  @Inject CallerContext callers;
  @Inject RequestCorrelation correlation;
  @Inject Guarded guarded;

  @Override
  public List<Passage> search(String assistantId, String query, int limit) {
    if (query == null || query.isBlank()) {
      return List.of();
    }
    JsonObject body =
        Jsonp.objectBuilder()
            .add("query", query.length() > 1000 ? query.substring(0, 1000) : query)
            .add("limit", limit)
            .build();
    try {
      JsonObject answer =
          guarded.call(
              () ->
                  files.search(
                      "Bearer " + callers.credential(),
                      correlation.requestId(),
                      assistantId,
                      body));
      List<Passage> passages = new ArrayList<>();
      for (JsonValue value : answer.getJsonArray("data")) {
        JsonObject hit = value.asJsonObject();
        passages.add(
            new Passage(
                hit.getString("file_id"),
                hit.getString("file_name"),
                hit.getInt("position"),
                hit.getInt("start"),
                hit.getInt("end"),
                hit.getJsonNumber("score").doubleValue(),
                hit.getString("text")));
      }
      return passages;
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "File search for assistant " + assistantId + " failed; the run goes on without passages",
          e);
      return List.of();
    }
  }

  /** The guards around the call (a separate bean, so that the interceptors apply). */
  @ApplicationScoped
  public static class Guarded {

    @Timeout(3000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000)
    public JsonObject call(java.util.function.Supplier<JsonObject> call) {
      return call.get();
    }
  }
}
