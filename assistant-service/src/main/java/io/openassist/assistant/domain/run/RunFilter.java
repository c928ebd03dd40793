package io.openassist.assistant.domain.run;

import java.time.Instant;

/**
 * Which run records a listing shows: optionally one assistant's, one user's, and those started in
 * {@code [from, to)}. Null members do not filter.
 */
public record RunFilter(String assistantId, String userId, Instant from, Instant to) {}
