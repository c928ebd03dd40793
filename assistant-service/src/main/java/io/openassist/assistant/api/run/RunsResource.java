package io.openassist.assistant.api.run;

import io.openassist.assistant.application.run.RunRecorder;
import io.openassist.assistant.domain.run.RunFilter;
import io.openassist.assistant.domain.run.RunRecord;
import io.openassist.common.paging.ListResponse;
import io.openassist.common.paging.PageQuery;
import io.openassist.common.web.QueryParams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /v1/runs}: the run records (never content) with cursor pagination, filtered by {@code
 * assistant_id}, {@code user_id} and the start time range {@code from} (inclusive) to {@code to}
 * (exclusive), both Unix seconds. Admins see every run of the organisation, others their own.
 */
@ApplicationScoped
@Path("v1/runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Runs")
public class RunsResource {

  @Inject RunRecorder runs;

  /** A run record on the wire. */
  @JsonbPropertyOrder({
    "id",
    "object",
    "assistantId",
    "userId",
    "provider",
    "model",
    "streamed",
    "status",
    "finishReason",
    "errorCode",
    "usage",
    "latencyMs",
    "createdAt"
  })
  public record RunRecordResponse(
      String id,
      String object,
      String assistantId,
      String userId,
      String provider,
      String model,
      boolean streamed,
      String status,
      String finishReason,
      String errorCode,
      RunResponse.UsageResponse usage,
      long latencyMs,
      long createdAt) {

    static RunRecordResponse from(RunRecord r) {
      return new RunRecordResponse(
          r.id(),
          "assistant.run.record",
          r.assistantId(),
          r.userId(),
          r.provider(),
          r.model(),
          r.streamed(),
          r.outcome().name().toLowerCase(java.util.Locale.ROOT),
          r.finishReason(),
          r.errorCode(),
          RunResponse.UsageResponse.from(r.usage()),
          r.latencyMs(),
          r.createdAt().getEpochSecond());
    }
  }

  @GET
  @Operation(summary = "List run records (admins: the organisation's; others: their own)")
  public ListResponse<RunRecordResponse> list(
      @BeanParam PageQuery page,
      @QueryParam("assistant_id") String assistantId,
      @QueryParam("user_id") String userId,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    RunFilter filter =
        new RunFilter(
            assistantId,
            userId,
            QueryParams.unixSeconds("from", from),
            QueryParams.unixSeconds("to", to));
    return ListResponse.of(
        runs.list(filter, page.toPageRequest()).map(RunRecordResponse::from),
        RunRecordResponse::id);
  }
}
