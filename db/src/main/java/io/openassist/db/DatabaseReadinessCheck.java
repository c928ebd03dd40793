package io.openassist.db;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the service ready only when its database answers and its schema is current, so that a
 * load balancer never sends traffic to a replica whose migrations failed or are still pending.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

  private static final int VALIDATION_TIMEOUT_SECONDS = 2;

  @Inject SchemaMigrator migrator;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("database").withData("schema", migrator.schema());
    migrator.bringCurrent();
    if (migrator.state() != SchemaMigrator.State.CURRENT) {
      return response.withData("migrations", migrator.problem()).down().build();
    }
    response.withData("migrations", "current");
    try (Connection connection = migrator.dataSource().getConnection()) {
      return connection.isValid(VALIDATION_TIMEOUT_SECONDS)
          ? response.up().build()
          : response.withData("connection", "not valid").down().build();
    } catch (SQLException | IllegalStateException e) {
      return response.withData("connection", "unavailable").down().build();
    }
  }
}
