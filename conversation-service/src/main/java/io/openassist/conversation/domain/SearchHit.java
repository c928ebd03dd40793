package io.openassist.conversation.domain;

import java.time.Instant;

/**
 * A message whose text matched a search: where it is, how well it matched, the matching snippet,
 * and its place in creation order ({@code seq}), which orders hits of equal rank.
 */
public record SearchHit(
    String conversationId,
    String assistantId,
    String messageId,
    MessageRole role,
    double rank,
    String snippet,
    Instant createdAt,
    long seq) {

  /**
   * Where a page of a search ends: the rank and creation order of its last hit. Results come best
   * first, the later of equal ranks first; the next page holds what sorts after this.
   */
  public record Cursor(float rank, long seq) {
    /** Before the first hit. */
    public static final Cursor START = new Cursor(Float.POSITIVE_INFINITY, Long.MAX_VALUE);
  }

  /** The cursor after this hit (its rank is a PostgreSQL {@code real}, so exactly a float). */
  public Cursor cursor() {
    return new Cursor((float) rank, seq);
  }
}
