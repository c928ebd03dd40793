package io.openassist.common.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready from the moment a shutdown begins, so that load balancers send no new work. */
@Readiness
@ApplicationScoped
public class ShutdownReadinessCheck implements HealthCheck {

  @Inject Shutdown shutdown;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("shutdown").status(!shutdown.stopping()).build();
  }
}
