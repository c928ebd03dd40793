package io.openassist.conversation.domain;

/**
 * The outcome of checking a conversation's hash chain: intact, or the first message (in creation
 * order) whose stored hash is not the hash of its parent's hash and its own content.
 */
public record Verification(boolean intact, int checked, String firstInvalidMessageId) {}
