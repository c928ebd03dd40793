package io.openassist.assistant.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openassist.testing.ApiResponse;
import io.openassist.testing.HostileInput;
import io.openassist.testing.HostileInput.BodyEndpoint;
import io.openassist.testing.HttpApi;
import io.openassist.testing.ServiceUnderTest;
import io.openassist.testing.Tenant;
import io.openassist.testing.TestDatabase;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every class of hostile input against every endpoint family of assistant-service (assistants,
 * organisations, users, API keys, permissions, runs): each answers a 4xx problem naming what is
 * wrong, and no row of the schema changes.
 */
class HostileInputIT {

  private HttpApi anonymous;
  private Tenant tenant;
  private String assistantId;
  private String before;

  @BeforeEach
  void anOrganisationWithAnAssistant() {
    Tenant.resetAssistantSchema();
    anonymous = new HttpApi();
    tenant = Tenant.onboard(anonymous, "Hostile");
    ApiResponse created =
        anonymous.as(tenant.adminKey()).post("/v1/assistants", "{\"model\": \"gpt-4o\"}");
    assertEquals(200, created.status(), created::toString);
    assistantId = created.json().getString("id");
    before = TestDatabase.snapshotSchema("assistant");
  }

  /** Each endpoint family that takes a body, with the credential that may call it. */
  private List<Object[]> families() {
    return List.of(
        new Object[] {
          tenant.adminKey(),
          new BodyEndpoint("POST", "/v1/assistants", "{\"model\": \"m\"}", "name")
        },
        new Object[] {
          tenant.adminKey(),
          new BodyEndpoint("POST", "/v1/assistants/" + assistantId, "{\"name\": \"n\"}", "model")
        },
        new Object[] {
          Tenant.OPERATOR_TOKEN,
          new BodyEndpoint(
              "POST",
              "/v1/organizations",
              "{\"name\": \"O\", \"admin\": {\"name\": \"A\"}}",
              "name")
        },
        new Object[] {
          tenant.adminKey(), new BodyEndpoint("POST", "/v1/users", "{\"name\": \"U\"}", "email")
        },
        new Object[] {
          tenant.adminKey(), new BodyEndpoint("POST", "/v1/api_keys", "{\"name\": \"k\"}", "name")
        },
        new Object[] {
          tenant.adminKey(),
          new BodyEndpoint(
              "POST",
              "/v1/assistants/" + assistantId + "/permissions",
              "{\"group\": \"g\", \"permission\": \"VIEW\"}",
              "group")
        },
        new Object[] {
          tenant.adminKey(),
          new BodyEndpoint(
              "POST",
              "/v1/assistants/" + assistantId + "/run",
              "{\"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}",
              "model")
        });
  }

  private void forEachFamily(BiConsumer<HttpApi, BodyEndpoint> check) {
    for (Object[] family : families()) {
      String credential = (String) family[0];
      check.accept(anonymous.as(credential), (BodyEndpoint) family[1]);
      assertEquals(before, TestDatabase.snapshotSchema("assistant"), "changed by " + family[1]);
    }
  }

  @Test
  void refusesTextPostgresCannotStoreNamingTheField() {
    forEachFamily(HostileInput::refusesUnstorableText);
  }

  @Test
  void refusesBodiesThatAreNotUtf8NamingTheField() {
    forEachFamily(HostileInput::refusesBytesThatAreNotUtf8);
  }

  @Test
  void refusesMembersOfTheWrongJsonTypeInsteadOfCoercingThem() {
    forEachFamily(HostileInput::refusesWrongJsonTypes);
  }

  @Test
  void refusesDeeplyNestedBodies() {
    forEachFamily(HostileInput::refusesDeepNesting);
  }

  @Test
  void refusesOversizedBodiesWhileReadingThem() {
    for (Object[] family : families()) {
      HostileInput.refusesOversizedBodies(
          ServiceUnderTest.baseUrl(), (String) family[0], (BodyEndpoint) family[1]);
      assertEquals(before, TestDatabase.snapshotSchema("assistant"), "changed by " + family[1]);
    }
  }

  @Test
  void refusesQueryTextPostgresCannotStore() {
    HttpApi admin = anonymous.as(tenant.adminKey());
    for (String list : List.of("/v1/assistants", "/v1/users", "/v1/api_keys")) {
      HostileInput.refusesUnstorableQueryText(admin, list);
    }
    assertEquals(before, TestDatabase.snapshotSchema("assistant"));
  }

  @Test
  void answersWhatTheContainerRefusesAsProblems() {
    HttpApi admin = anonymous.as(tenant.adminKey());
    HostileInput.answersContainerRefusalsAsProblems(admin, "/v1/assistants/");
    HostileInput.answersContainerRefusalsAsProblems(admin, "/v1/users/");
    assertEquals(before, TestDatabase.snapshotSchema("assistant"));
  }
}
