package io.openassist.assistant.client;

/**
 * An answer of assistant-service other than success, typed: the credential was not accepted (401),
 * the assistant is not visible to the caller (404), or assistant-service failed (anything else).
 */
public sealed class AssistantServiceException extends RuntimeException {

  private final int status;

  AssistantServiceException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }

  /** 401: the credential belongs to no one assistant-service knows. */
  public static final class CredentialRejected extends AssistantServiceException {
    CredentialRejected() {
      super(401, "assistant-service did not accept the credential");
    }
  }

  /** 404: the assistant does not exist for this caller (missing, foreign, or no grant). */
  public static final class NotVisible extends AssistantServiceException {
    NotVisible() {
      super(404, "the assistant is not visible to the caller");
    }
  }

  /** Any other status: assistant-service could not answer. Counts against the circuit breaker. */
  public static final class Failed extends AssistantServiceException {
    Failed(int status) {
      super(status, "assistant-service answered " + status);
    }
  }
}
