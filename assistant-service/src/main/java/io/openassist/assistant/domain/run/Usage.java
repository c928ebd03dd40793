package io.openassist.assistant.domain.run;

/**
 * The tokens one model call used: prompt, completion and total, plus cached prompt tokens and
 * reasoning tokens when the vendor reports them (null otherwise, never a made-up 0).
 */
public record Usage(
    long promptTokens,
    long completionTokens,
    long totalTokens,
    Long cachedTokens,
    Long reasoningTokens) {

  public static final Usage NONE = new Usage(0, 0, 0, null, null);

  /** Usage from prompt and completion counts, the total being their sum. */
  public static Usage of(long prompt, long completion, Long cached, Long reasoning) {
    return new Usage(prompt, completion, prompt + completion, cached, reasoning);
  }
}
