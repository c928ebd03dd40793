package io.openassist.assistant.client;

import io.openassist.common.error.ServiceUnavailableException;
import io.openassist.common.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * Which models an assistant offers, as assistant-service answers for the caller ({@code
 * available_models} of {@code GET /v1/assistants/{id}}), so that a model a turn names can be
 * refused before anything is stored. assistant-service still decides every run: this only spares a
 * conversation a failed turn for a request that could never succeed.
 */
@ApplicationScoped
public class AssistantModels {

  @Inject CallerContext callers;
  @Inject AssistantServiceGateway assistantService;

  /**
   * Whether the assistant allows {@code model} (as {@code provider/model} or a bare model name):
   * true when it lists no {@code available_models}, or when the assistant is not visible (the run
   * answers that).
   */
  public boolean allows(String assistantId, String model) {
    JsonObject assistant;
    try {
      assistant = assistantService.assistant(callers.credential(), assistantId);
    } catch (AssistantServiceException.NotVisible
        | AssistantServiceException.CredentialRejected e) {
      return true;
    } catch (AssistantServiceException.Failed | FaultToleranceException | ProcessingException e) {
      throw new ServiceUnavailableException(
          "assistant_service_unavailable", "The assistant's models cannot be checked right now");
    }
    List<String> keys = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    if (assistant.get("available_models") instanceof JsonArray models) {
      for (JsonValue value : models) {
        // {object: "assistant.model", id, provider: {object: "assistant.model_provider", id}}
        if (value instanceof JsonObject m
            && m.get("id") instanceof JsonString id
            && m.get("provider") instanceof JsonObject provider
            && provider.get("id") instanceof JsonString providerId) {
          ids.add(id.getString());
          keys.add(providerId.getString() + "/" + id.getString());
        }
      }
    }
    return keys.isEmpty() || keys.contains(model) || ids.contains(model);
  }
}
