package io.openassist.assistant.api.run;

import io.openassist.assistant.api.AssistantResponse;
import io.openassist.assistant.application.AssistantService;
import io.openassist.common.error.InvalidRequestException;
import io.openassist.common.error.compat.MeinGptApi;
import io.openassist.common.web.BodyLimit;
import io.openassist.common.web.RequestBodies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * meinGPT's assistants API, at its own paths, so that a portal written against meinGPT switches by
 * changing its base URL: {@code GET /api/assistants/v1/} lists the caller's assistants, {@code POST
 * /api/assistants/v1/{assistantId}/run} runs one (the same run as the native API). Errors are
 * meinGPT's {@code {status: "error", message}}: 400 invalid input or a missing id, 403 for an
 * assistant that is not available (unknown or not the caller's to see: the same answer), 500.
 */
@ApplicationScoped
@Path("api/assistants/v1")
@MeinGptApi
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "meinGPT compatibility")
public class MeinGptAssistantsResource {

  /** The most assistants the unpaginated listing answers. */
  static final int LIST_MAX = 1000;

  @Inject AssistantService assistants;
  @Inject Validator validator;
  @Inject RunResource nativeRuns;

  /** The listing's body. */
  @JsonbPropertyOrder({"assistants"})
  public record AssistantsResponse(List<AssistantResponse> assistants) {}

  @GET
  @Operation(summary = "meinGPT: the assistants available to the caller")
  public AssistantsResponse list() {
    return new AssistantsResponse(
        assistants.listAll(LIST_MAX).stream().map(AssistantResponse::from).toList());
  }

  @POST
  @Path("{assistantId}/run")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces({MediaType.APPLICATION_JSON, MediaType.SERVER_SENT_EVENTS})
  @Operation(summary = "meinGPT: run an assistant")
  public Response run(
      @PathParam("assistantId") String assistantId,
      @HeaderParam(HttpHeaders.ACCEPT) String accept,
      RunRequest request) {
    if (assistantId == null || assistantId.isBlank()) {
      throw missingId();
    }
    RunRequest body = RequestBodies.valid(validator, request);
    return nativeRuns.answer(assistantId, accept, body.toCommand(List.of()), body.streamed());
  }

  @POST
  @Path("{assistantId}/run")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces({MediaType.APPLICATION_JSON, MediaType.SERVER_SENT_EVENTS})
  @BodyLimit(configKey = "openassist.run.max-request-bytes", defaultBytes = 20L * 1024 * 1024)
  @Operation(summary = "meinGPT: run an assistant with files (messages as a JSON string)")
  public Response runWithFiles(
      @PathParam("assistantId") String assistantId,
      @HeaderParam(HttpHeaders.ACCEPT) String accept,
      List<EntityPart> parts) {
    return nativeRuns.runWithFiles(assistantId, accept, parts);
  }

  @POST
  @Path("run")
  @Operation(summary = "meinGPT: a run without an assistant id is refused", hidden = true)
  public Response runWithoutId() {
    throw missingId();
  }

  private static InvalidRequestException missingId() {
    return new InvalidRequestException("missing_assistant_id", "The assistant ID is missing");
  }
}
