package io.openassist.conversation.api;

import io.openassist.common.error.Problem;
import io.openassist.common.error.ProblemResponses;
import io.openassist.common.web.json.Jsonp;
import io.openassist.conversation.application.TurnFailedException;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A failed turn as a problem with two extension members: {@code user_message_id}, the stored
 * message of the caller (absent for a regeneration), and {@code assistant_message_id}, the stored
 * failed reply, to show and to regenerate.
 */
@Provider
public class TurnFailedExceptionMapper implements ExceptionMapper<TurnFailedException> {

  @Inject ProblemResponses problems;

  @Override
  public Response toResponse(TurnFailedException e) {
    Response response = problems.of(e);
    Problem problem = (Problem) response.getEntity();
    return Response.fromResponse(response)
        .entity(body(e, problem.requestId()))
        .type(Problem.MEDIA_TYPE)
        .build();
  }

  /**
   * The failed turn's problem body with its two extension members; the JSON answer and a streamed
   * turn's {@code turn.failed} event both carry it.
   */
  static JsonObject body(TurnFailedException e, String requestId) {
    JsonObjectBuilder body =
        Jsonp.objectBuilder()
            .add("type", Problem.typeFor(e.code()))
            .add("title", e.title())
            .add("status", e.status())
            .add("detail", e.getMessage())
            .add("code", e.code())
            .add("request_id", requestId);
    if (e.userMessageId() != null) {
      body.add("user_message_id", e.userMessageId());
    }
    return body.add("assistant_message_id", e.failedMessageId()).build();
  }
}
