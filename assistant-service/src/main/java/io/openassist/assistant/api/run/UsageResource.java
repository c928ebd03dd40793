package io.openassist.assistant.api.run;

import io.openassist.assistant.application.run.RunRecorder;
import io.openassist.assistant.domain.run.RunFilter;
import io.openassist.assistant.domain.run.UsageTotal;
import io.openassist.common.error.InvalidRequestException;
import io.openassist.common.error.Problem.FieldError;
import io.openassist.common.web.QueryParams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /v1/usage} (admins): runs and tokens of the organisation in {@code [from, to)} (Unix
 * seconds, both optional), in all or per {@code group_by} = {@code assistant}, {@code user}, {@code
 * model} or {@code provider}.
 */
@ApplicationScoped
@Path("v1/usage")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Runs")
public class UsageResource {

  @Inject RunRecorder runs;

  /** One group's totals; {@code key} is the assistant, user, model or provider (null in all). */
  @JsonbPropertyOrder({
    "key",
    "runs",
    "succeeded",
    "failed",
    "promptTokens",
    "completionTokens",
    "totalTokens",
    "cachedTokens",
    "reasoningTokens"
  })
  public record UsageTotalResponse(
      String key,
      long runs,
      long succeeded,
      long failed,
      long promptTokens,
      long completionTokens,
      long totalTokens,
      long cachedTokens,
      long reasoningTokens) {

    static UsageTotalResponse from(UsageTotal t) {
      return new UsageTotalResponse(
          t.key(),
          t.runs(),
          t.succeeded(),
          t.failed(),
          t.promptTokens(),
          t.completionTokens(),
          t.totalTokens(),
          t.cachedTokens(),
          t.reasoningTokens());
    }
  }

  /** The answer: the groups, and what was asked. */
  @JsonbPropertyOrder({"object", "groupBy", "from", "to", "data"})
  public record UsageResponse(
      String object, String groupBy, Long from, Long to, List<UsageTotalResponse> data) {}

  @GET
  @Operation(summary = "Runs and tokens of the organisation (admins), in all or grouped")
  public UsageResponse usage(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("group_by") String groupBy) {
    UsageTotal.GroupBy grouping = groupBy(groupBy);
    RunFilter filter =
        new RunFilter(
            null, null, QueryParams.unixSeconds("from", from), QueryParams.unixSeconds("to", to));
    return new UsageResponse(
        "usage",
        grouping == null ? null : groupBy.trim(),
        filter.from() == null ? null : filter.from().getEpochSecond(),
        filter.to() == null ? null : filter.to().getEpochSecond(),
        runs.usage(filter, grouping).stream().map(UsageTotalResponse::from).toList());
  }

  private static UsageTotal.GroupBy groupBy(String value) {
    if (value == null) {
      return null;
    }
    try {
      return UsageTotal.GroupBy.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(
          List.of(new FieldError("group_by", "must be one of assistant, user, model, provider")));
    }
  }
}
