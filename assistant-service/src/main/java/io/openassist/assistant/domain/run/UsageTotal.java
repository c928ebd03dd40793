package io.openassist.assistant.domain.run;

/**
 * The runs and tokens of one group of run records (one assistant, user, model or provider; or all
 * of them when {@code key} is null).
 */
public record UsageTotal(
    String key,
    long runs,
    long succeeded,
    long failed,
    long promptTokens,
    long completionTokens,
    long totalTokens,
    long cachedTokens,
    long reasoningTokens) {

  /** What usage can be grouped by, and the run record's member each groups on. */
  public enum GroupBy {
    ASSISTANT("assistantId"),
    USER("userId"),
    MODEL("model"),
    PROVIDER("provider");

    private final String member;

    GroupBy(String member) {
      this.member = member;
    }

    public String member() {
      return member;
    }
  }
}
