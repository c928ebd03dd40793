package io.openassist.assistant;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openassist.assistant.domain.ApiKey;
import io.openassist.assistant.domain.Assistant;
import io.openassist.assistant.domain.AssistantPermission;
import io.openassist.assistant.domain.Organization;
import io.openassist.assistant.domain.User;
import io.openassist.testing.HttpApi;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import org.hibernate.jpa.HibernatePersistenceProvider;
import org.junit.jupiter.api.Test;

/**
 * Hibernate never touches the schema in the service ({@code hbm2ddl=none}): Liquibase owns it. This
 * test makes sure the two agree, by letting Hibernate validate every entity mapping against the
 * schema the deployed service has just migrated.
 */
class SchemaMappingIT {

  @Test
  void entityMappingsMatchTheMigratedSchema() {
    assertEquals(200, new HttpApi().get("/health/ready").status(), "schema migrated");
    PersistenceConfiguration configuration =
        new PersistenceConfiguration("schema-validation")
            .provider(HibernatePersistenceProvider.class.getName())
            .managedClass(Assistant.class)
            .managedClass(AssistantPermission.class)
            .managedClass(Organization.class)
            .managedClass(User.class)
            .managedClass(ApiKey.class)
            .property(
                PersistenceConfiguration.JDBC_URL,
                System.getProperty("it.db.url") + "?currentSchema=assistant")
            .property(PersistenceConfiguration.JDBC_USER, System.getProperty("it.db.user"))
            .property(PersistenceConfiguration.JDBC_PASSWORD, System.getProperty("it.db.password"))
            .property("hibernate.default_schema", "assistant")
            .property("hibernate.hbm2ddl.auto", "validate");
    assertDoesNotThrow(
        () -> {
          try (EntityManagerFactory factory = configuration.createEntityManagerFactory()) {
            factory.getMetamodel();
          }
        });
  }
}
