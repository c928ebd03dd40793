package io.openassist.assistant.client;

import io.openassist.common.security.AccessResponse;
import io.openassist.common.security.CallerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The calls to assistant-service, guarded: each gives up after a timeout, at most a bounded number
 * run at once (the rest are refused at once instead of queuing threads), and a circuit breaker
 * stops calling a failing assistant-service for a while. A 401 or 404 is an answer, not a failure.
 * Every value can be changed through MicroProfile Fault Tolerance's configuration, e.g. {@code
 * io.openassist.assistant.client.AssistantServiceGateway/Timeout/value}.
 */
@ApplicationScoped
@Timeout(4000)
@Bulkhead(50)
@CircuitBreaker(
    requestVolumeThreshold = 10,
    failureRatio = 0.5,
    delay = 5000,
    successThreshold = 2,
    skipOn = {
      AssistantServiceException.CredentialRejected.class,
      AssistantServiceException.NotVisible.class
    })
public class AssistantServiceGateway {

  @Inject @RestClient AssistantServiceClient client;

  public CallerResponse me(String credential) {
    return client.me(bearer(credential));
  }

  public AccessResponse access(String credential, String assistantId) {
    return client.access(bearer(credential), assistantId);
  }

  public jakarta.json.JsonObject assistant(String credential, String assistantId) {
    return client.assistant(bearer(credential), assistantId);
  }

  private static String bearer(String credential) {
    return "Bearer " + credential;
  }
}
