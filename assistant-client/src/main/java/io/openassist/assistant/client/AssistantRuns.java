package io.openassist.assistant.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * Runs an assistant through assistant-service for the caller whose credential is given (through
 * {@link AssistantRunGateway}). How long one run may take is the Rest Client's read timeout ({@code
 * openassist.services.assistant-run-timeout-ms}, 5 minutes): assistant-service has its own vendor
 * timeouts, so this only bounds a hung connection. Every outcome other than a reply is a {@link
 * RunFailedException}.
 */
@ApplicationScoped
public class AssistantRuns {

  private static final Logger LOG = Logger.getLogger(AssistantRuns.class.getName());

  @Inject AssistantRunGateway gateway;

  /** The reply, or a {@link RunFailedException} saying why there is none. */
  public RunReply run(String credential, String assistantId, RunCall call) {
    try {
      return gateway.run(credential, assistantId, call);
    } catch (RunFailedException e) {
      if (e.status() == 0 || e.status() >= 500) {
        LOG.log(Level.WARNING, "A run through assistant-service failed: " + e.code());
      }
      throw e;
    } catch (FaultToleranceException e) {
      throw new RunFailedException(
          503,
          "assistant_service_unavailable",
          "assistant-service is not accepting runs now",
          null);
    }
  }
}
