package io.openassist.assistant.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openassist.testing.ApiResponse;
import io.openassist.testing.HttpApi;
import io.openassist.testing.Tenant;
import io.openassist.testing.TestDatabase;
import io.openassist.testing.TestTokens;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Portal users signed in through the identity provider, with MicroProfile JWT bearer tokens. */
class TokenAuthenticationIT {

  private final HttpApi anonymous = new HttpApi();
  private Tenant tenant;

  @BeforeEach
  void oneOrganisation() {
    Tenant.resetAssistantSchema();
    tenant = Tenant.onboard(anonymous, "Tokens");
  }

  @Test
  void aValidTokenAuthenticatesAndItsUserIsCreatedOnce() {
    String token = TestTokens.forUser("alice@idp", tenant.organizationId(), List.of("research"));
    ApiResponse me = anonymous.as(token).get("/v1/me");
    assertEquals(200, me.status(), me::toString);
    JsonObject caller = me.json();
    assertEquals("jwt", caller.getString("auth_method"));
    assertEquals(tenant.organizationId(), caller.getString("organization_id"));
    assertEquals("member", caller.getString("role"));
    assertEquals("research", caller.getJsonArray("groups").getString(0));

    String userId = caller.getString("user_id");
    assertEquals(
        userId,
        TestDatabase.value(
            "SELECT id FROM assistant.app_user WHERE external_subject = ?", "alice@idp"));
    assertEquals(userId, anonymous.as(token).get("/v1/me").json().getString("user_id"));
    assertEquals(
        1,
        TestDatabase.count(
            "SELECT count(*) FROM assistant.app_user WHERE external_subject = ?", "alice@idp"));
  }

  @Test
  void theOrganisationClaimMayCarryTheIdentityProvidersId() {
    ApiResponse onboarded =
        anonymous
            .as(Tenant.OPERATOR_TOKEN)
            .post(
                "/v1/organizations",
                "{\"name\": \"Federated\", \"external_id\": \"idp-tenant-42\","
                    + " \"admin\": {\"name\": \"Ada\", \"external_subject\": \"ada\"}}");
    assertEquals(200, onboarded.status(), onboarded::toString);
    String organizationId = onboarded.json().getJsonObject("organization").getString("id");

    ApiResponse me =
        anonymous.as(TestTokens.forUser("ada", "idp-tenant-42", List.of())).get("/v1/me");
    assertEquals(200, me.status(), me::toString);
    assertEquals(organizationId, me.json().getString("organization_id"));
    assertEquals("admin", me.json().getString("role"), "the onboarded admin signs in as admin");
  }

  @Test
  void theConfiguredAdminGroupMakesAnAdmin() {
    String token =
        TestTokens.forUser("boss", tenant.organizationId(), List.of("openassist-admins"));
    assertEquals("admin", anonymous.as(token).get("/v1/me").json().getString("role"));
  }

  @Test
  void rejectsExpiredForeignSignedWrongIssuerAndOrganisationlessTokens() {
    String org = tenant.organizationId();
    long past = System.currentTimeMillis() / 1000 - 3600;
    List<String> bad =
        List.of(
            TestTokens.sign(TestTokens.claims("u", org, List.of()).add("exp", past).build()),
            TestTokens.signWithForeignKey(TestTokens.claims("u", org, List.of()).build()),
            TestTokens.sign(
                TestTokens.claims("u", org, List.of()).add("iss", "https://evil.test").build()),
            TestTokens.sign(TestTokens.claims("u", org, List.of()).remove("org_id").build()),
            TestTokens.forUser("u", "org_doesNotExist", List.of()),
            TestTokens.unsigned(TestTokens.claims("u", org, List.of()).build()));
    for (String token : bad) {
      ApiResponse response = anonymous.as(token).get("/v1/me");
      assertEquals(401, response.status(), () -> token + " -> " + response);
      assertEquals("Invalid credentials", response.json().getString("detail"));
    }
    assertEquals(
        0,
        TestDatabase.count("SELECT count(*) FROM assistant.app_user WHERE external_subject = 'u'"),
        "no user is created for a rejected token");
  }

  @Test
  void groupGrantsReachTokenUsers() {
    HttpApi admin = anonymous.as(tenant.adminKey());
    String assistant = admin.post("/v1/assistants", "{\"model\": \"m\"}").json().getString("id");
    assertEquals(
        200,
        admin
            .post(
                "/v1/assistants/" + assistant + "/permissions",
                "{\"group\": \"research\", \"permission\": \"VIEW\"}")
            .status());

    HttpApi researcher =
        anonymous.as(TestTokens.forUser("r", tenant.organizationId(), List.of("research")));
    HttpApi outsider =
        anonymous.as(TestTokens.forUser("o", tenant.organizationId(), List.of("sales")));
    assertEquals(200, researcher.get("/v1/assistants/" + assistant).status());
    assertEquals(
        "VIEW",
        researcher.get("/v1/assistants/" + assistant + "/access").json().getString("permission"));
    assertTrue(researcher.get("/v1/assistants").body().contains(assistant));
    assertEquals(404, outsider.get("/v1/assistants/" + assistant).status());
    assertEquals(0, outsider.get("/v1/assistants").json().getJsonArray("data").size());
  }

  @Test
  void aWrongOperatorTokenIsA401AndNoIncidentReport() throws Exception {
    ApiResponse refused =
        anonymous
            .as("not-the-operator-token-000000000")
            .post("/v1/organizations", "{\"name\": \"Nope\", \"admin\": {\"name\": \"a\"}}");
    assertEquals(401, refused.status(), refused::toString);
    assertEquals("application/problem+json", refused.contentType());
    // A refusal is an answer, not a failure of the server: Liberty's FFDC must not report it
    // (it did while the check ran inside the onboarding transaction).
    Thread.sleep(500);
    java.nio.file.Path servers =
        java.nio.file.Path.of(System.getProperty("it.wlp.home")).resolve("usr/servers");
    String server = System.getProperty("it.server.name");
    java.nio.file.Path ffdc = servers.resolve(server).resolve("logs/ffdc");
    // This run's reports only: the logs directory outlives the server (its pid file does not).
    java.nio.file.attribute.FileTime started =
        java.nio.file.Files.getLastModifiedTime(servers.resolve(".pid/" + server + ".pid"));
    if (java.nio.file.Files.isDirectory(ffdc)) {
      try (java.util.stream.Stream<java.nio.file.Path> reports = java.nio.file.Files.list(ffdc)) {
        for (java.nio.file.Path report : (Iterable<java.nio.file.Path>) reports::iterator) {
          if (java.nio.file.Files.getLastModifiedTime(report).compareTo(started) < 0) {
            continue;
          }
          assertTrue(
              !java.nio.file.Files.readString(report).contains("UnauthenticatedException"),
              () -> report + " reports a refused credential as an incident");
        }
      }
    }
  }
}
