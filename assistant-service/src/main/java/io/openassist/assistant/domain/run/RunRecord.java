package io.openassist.assistant.domain.run;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The audit and accounting record of one run: who ran which assistant on which provider and model,
 * how it ended, how long it took and how many tokens it used. Never any message content. Written
 * once, when the run ends, whatever the outcome.
 */
@Entity
@Table(name = "run")
public class RunRecord {

  /** How a run ended. */
  public enum Outcome {
    SUCCEEDED,
    FAILED,
    /** The caller went away before the answer was complete. */
    CANCELLED
  }

  @Id private String id;

  @Column(name = "organization_id", nullable = false, updatable = false)
  private String organizationId;

  @Column(name = "assistant_id", nullable = false, updatable = false)
  private String assistantId;

  @Column(name = "user_id", nullable = false, updatable = false)
  private String userId;

  @Column(nullable = false, updatable = false)
  private String provider;

  @Column(nullable = false, updatable = false)
  private String model;

  @Column(nullable = false, updatable = false)
  private boolean streamed;

  @Column(nullable = false, updatable = false)
  private String outcome;

  @Column(name = "finish_reason", updatable = false)
  private String finishReason;

  @Column(name = "error_code", updatable = false)
  private String errorCode;

  @Column(name = "prompt_tokens", nullable = false, updatable = false)
  private long promptTokens;

  @Column(name = "completion_tokens", nullable = false, updatable = false)
  private long completionTokens;

  @Column(name = "total_tokens", nullable = false, updatable = false)
  private long totalTokens;

  @Column(name = "cached_tokens", updatable = false)
  private Long cachedTokens;

  @Column(name = "reasoning_tokens", updatable = false)
  private Long reasoningTokens;

  @Column(name = "latency_ms", nullable = false, updatable = false)
  private long latencyMs;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected RunRecord() {}

  /** The record of a run that started at {@code startedAt} and ended at {@code endedAt}. */
  public static RunRecord of(
      String id,
      String organizationId,
      String assistantId,
      String userId,
      String provider,
      String model,
      boolean streamed,
      Outcome outcome,
      FinishReason finishReason,
      String errorCode,
      Usage usage,
      Instant startedAt,
      Instant endedAt) {
    RunRecord run = new RunRecord();
    run.id = id;
    run.organizationId = organizationId;
    run.assistantId = assistantId;
    run.userId = userId;
    run.provider = provider;
    run.model = model;
    run.streamed = streamed;
    run.outcome = outcome.name();
    run.finishReason = finishReason == null ? null : finishReason.wireName();
    run.errorCode = errorCode;
    Usage used = usage == null ? Usage.NONE : usage;
    run.promptTokens = used.promptTokens();
    run.completionTokens = used.completionTokens();
    run.totalTokens = used.totalTokens();
    run.cachedTokens = used.cachedTokens();
    run.reasoningTokens = used.reasoningTokens();
    run.latencyMs = Math.max(0, endedAt.toEpochMilli() - startedAt.toEpochMilli());
    run.createdAt = startedAt.truncatedTo(ChronoUnit.MICROS);
    return run;
  }

  public String id() {
    return id;
  }

  public String organizationId() {
    return organizationId;
  }

  public String assistantId() {
    return assistantId;
  }

  public String userId() {
    return userId;
  }

  public String provider() {
    return provider;
  }

  public String model() {
    return model;
  }

  public boolean streamed() {
    return streamed;
  }

  public Outcome outcome() {
    return Outcome.valueOf(outcome);
  }

  public String finishReason() {
    return finishReason;
  }

  public String errorCode() {
    return errorCode;
  }

  public Usage usage() {
    return new Usage(promptTokens, completionTokens, totalTokens, cachedTokens, reasoningTokens);
  }

  public long latencyMs() {
    return latencyMs;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
