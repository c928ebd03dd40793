package io.openassist.assistant.api.run;

import io.openassist.assistant.application.run.RunCommand;
import io.openassist.assistant.application.run.RunService;
import io.openassist.assistant.application.run.RunService.PreparedRun;
import io.openassist.common.error.ProblemResponses;
import io.openassist.common.lifecycle.Shutdown;
import io.openassist.common.web.BodyLimit;
import io.openassist.common.web.RequestBodies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
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
 * {@code POST /v1/assistants/{id}/run}: runs the assistant on the chat the caller sends and answers
 * the run object, or, with {@code stream: true} or {@code Accept: text/event-stream}, server-sent
 * events. Every check (access, model, input) happens before the stream starts, so those failures
 * are ordinary problem answers.
 */
@ApplicationScoped
@Path("v1/assistants/{assistant_id}/run")
@Tag(name = "Runs")
public class RunResource {

  @Inject RunService runs;
  @Inject Validator validator;
  @Inject ProblemResponses problems;
  @Inject MultipartRunReader multipart;
  @Inject Shutdown shutdown;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces({MediaType.APPLICATION_JSON, MediaType.SERVER_SENT_EVENTS})
  @Operation(summary = "Run an assistant on a chat; JSON, or server-sent events when streamed")
  public Response run(
      @PathParam("assistant_id") String assistantId,
      @HeaderParam(HttpHeaders.ACCEPT) String accept,
      RunRequest request) {
    RunRequest body = RequestBodies.valid(validator, request);
    return answer(assistantId, accept, body.toCommand(List.of()), body.streamed());
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces({MediaType.APPLICATION_JSON, MediaType.SERVER_SENT_EVENTS})
  @BodyLimit(configKey = "openassist.run.max-request-bytes", defaultBytes = 20L * 1024 * 1024)
  @Operation(
      summary = "Run an assistant with files: messages as a JSON string, text files as context")
  public Response runWithFiles(
      @PathParam("assistant_id") String assistantId,
      @HeaderParam(HttpHeaders.ACCEPT) String accept,
      List<EntityPart> parts) {
    MultipartRunReader.MultipartRun run = multipart.read(parts);
    return answer(assistantId, accept, run.command(), run.stream());
  }

  /**
   * Runs the command, answering the run object, or events when {@code stream} or the caller's
   * {@code Accept} asks for them; the one way every run path (native, meinGPT, multipart) answers.
   */
  Response answer(String assistantId, String accept, RunCommand command, boolean stream) {
    PreparedRun prepared = runs.prepare(assistantId, command);
    if (stream || wantsEvents(accept)) {
      return events(prepared);
    }
    return Response.ok(RunResponse.from(runs.complete(prepared)), MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  private Response events(PreparedRun prepared) {
    return Response.ok(
            new RunEventStream(runs, prepared, problems.requestId(), shutdown),
            MediaType.SERVER_SENT_EVENTS_TYPE)
        .header("Cache-Control", "no-cache")
        .header("X-Accel-Buffering", "no")
        .build();
  }

  private static boolean wantsEvents(String accept) {
    return accept != null
        && accept.toLowerCase(java.util.Locale.ROOT).contains(MediaType.SERVER_SENT_EVENTS);
  }
}
