package io.openassist.conversation.api;

import io.openassist.common.error.Problem;
import io.openassist.common.error.ProblemResponses;
import io.openassist.common.web.json.Jsonp;
import io.openassist.conversation.application.TurnFailedException;
import jakarta.inject.Inject;
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
    JsonObjectBuilder body =
        Jsonp.objectBuilder()
            .add("type", problem.type())
            .add("title", problem.title())
            .add("status", problem.status())
            .add("detail", problem.detail())
            .add("code", problem.code())
            .add("request_id", problem.requestId());
    if (e.userMessageId() != null) {
      body.add("user_message_id", e.userMessageId());
    }
    body.add("assistant_message_id", e.failedMessageId());
    return Response.fromResponse(response).entity(body.build()).type(Problem.MEDIA_TYPE).build();
  }
}
