package io.openassist.assistant.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The run call, guarded: at most a bounded number in flight (the rest are refused at once), and a
 * circuit breaker that stops calling an assistant-service that keeps failing or cannot be reached.
 * A refused request (a 4xx) is an answer and does not count against the circuit. Values can be
 * changed through MicroProfile Fault Tolerance's configuration, e.g. {@code
 * io.openassist.assistant.client.AssistantRunGateway/Bulkhead/value}.
 */
@ApplicationScoped
@Bulkhead(200)
@CircuitBreaker(
    requestVolumeThreshold = 20,
    failureRatio = 0.5,
    delay = 5000,
    successThreshold = 2,
    skipOn = RunFailedException.Refused.class)
public class AssistantRunGateway {

  private static final Logger LOG = Logger.getLogger(AssistantRunGateway.class.getName());

  @Inject @RestClient AssistantRunClient client;

  public RunReply run(String credential, String assistantId, RunCall call) {
    try {
      return client.run("Bearer " + credential, assistantId, call);
    } catch (ProcessingException e) {
      LOG.log(Level.WARNING, "A run call to assistant-service failed", e);
      throw new RunFailedException(
          0, "assistant_service_unreachable", "assistant-service could not be reached", null);
    }
  }
}
