package io.openassist.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openassist.common.security.ApiKeyFormat;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * For the services that do not own identities: a credential presented to them is resolved by the
 * real assistant-service over HTTP (MicroProfile Rest Client, the caller's header propagated), and
 * they see exactly the caller assistant-service sees. Runs against a companion assistant-service.
 */
@ExtendWith(AssistantServiceCompanion.class)
public abstract class IdentityPropagationContract {

  private final HttpApi service = new HttpApi();
  private final HttpApi assistantService = AssistantServiceCompanion.api();
  private Tenant tenant;

  @BeforeEach
  void anOrganisationOnAssistantService() {
    Tenant.resetAssistantSchema();
    tenant = Tenant.onboard(assistantService, "Propagation");
  }

  @Test
  void anApiKeyIsResolvedByAssistantService() {
    ApiResponse me = service.as(tenant.memberKey()).get("/v1/me");
    assertEquals(200, me.status(), me::toString);
    assertEquals(assistantService.as(tenant.memberKey()).get("/v1/me").json(), me.json());
    assertEquals(tenant.memberId(), me.json().getString("user_id"));
    assertEquals("api_key", me.json().getString("auth_method"));
  }

  @Test
  void aTokenUserIsTheSameUserOnBothServices() {
    String token = TestTokens.forUser("carol", tenant.organizationId(), List.of("research"));
    JsonObject here = service.as(token).get("/v1/me").json();
    JsonObject there = assistantService.as(token).get("/v1/me").json();
    assertEquals(there, here);
    assertEquals("jwt", here.getString("auth_method"));
  }

  @Test
  void badCredentialsAreRefusedAsOnAssistantService() {
    for (HttpApi caller :
        List.of(
            service,
            service.as(ApiKeyFormat.generate("live")),
            service.as("sk_live_malformed"),
            service.as(
                TestTokens.signWithForeignKey(
                    TestTokens.claims("x", tenant.organizationId(), List.of()).build())))) {
      ApiResponse response = caller.get("/v1/me");
      assertEquals(401, response.status(), response::toString);
      assertEquals("unauthenticated", response.json().getString("code"));
    }
  }

  @Test
  void assistantPermissionsAreAnsweredByAssistantService() throws InterruptedException {
    String assistant =
        assistantService
            .as(tenant.adminKey())
            .post("/v1/assistants", "{\"model\": \"m\"}")
            .json()
            .getString("id");
    String access = "/v1/assistants/" + assistant + "/access";
    HttpApi member = service.as(tenant.memberKey());

    ApiResponse missing = member.get("/v1/assistants/asst_doesNotExist000000000000/access");
    assertEquals(404, missing.status(), missing::toString);
    ApiResponse withoutGrant = member.get(access);
    assertEquals(404, withoutGrant.status(), withoutGrant::toString);
    assertEquals(missing.problemWithoutRequestId(), withoutGrant.problemWithoutRequestId());
    assertEquals("OWNER", service.as(tenant.adminKey()).get(access).json().getString("permission"));

    ApiResponse granted =
        assistantService
            .as(tenant.adminKey())
            .post(
                "/v1/assistants/" + assistant + "/permissions",
                "{\"user_id\": \"" + tenant.memberId() + "\", \"permission\": \"VIEW\"}");
    assertEquals(200, granted.status(), granted::toString);
    assertEquals("VIEW", awaitStatus(member, access, 200).json().getString("permission"));

    Tenant other = Tenant.onboard(assistantService, "Other organisation");
    ApiResponse foreign = service.as(other.adminKey()).get(access);
    assertEquals(404, foreign.status(), foreign::toString);
    assertEquals(missing.problemWithoutRequestId(), foreign.problemWithoutRequestId());
  }

  /** Polls past the test servers' 2 s cache (openassist.auth.cache-ttl=PT2S) for a status. */
  /**
   * Waits until assistant-service answers through the guards again (circuit closed): each attempt
   * presents a new, unknown key, which no cache holds, so only a real answer (401) ends the wait. A
   * cached credential's 200 would not prove it, and the next test would meet an open circuit.
   */
  private void awaitRecovered() throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    ApiResponse response = service.as(ApiKeyFormat.generate("live")).get("/v1/me");
    while (response.status() != 401 && System.currentTimeMillis() < deadline) {
      Thread.sleep(250);
      response = service.as(ApiKeyFormat.generate("live")).get("/v1/me");
    }
    assertEquals(401, response.status(), response::toString);
  }

  private static ApiResponse awaitStatus(HttpApi caller, String path, int status)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + 5_000;
    ApiResponse response = caller.get(path);
    while (response.status() != status && System.currentTimeMillis() < deadline) {
      Thread.sleep(250);
      response = caller.get(path);
    }
    assertEquals(status, response.status(), response::toString);
    return response;
  }

  @Test
  void aRevokedKeyStopsWorkingWithinTheCacheLifetime() throws InterruptedException {
    HttpApi member = service.as(tenant.memberKey());
    assertEquals(200, member.get("/v1/me").status());
    assertEquals(
        200,
        assistantService
            .as(tenant.adminKey())
            .delete("/v1/api_keys/" + tenant.memberKeyId())
            .status());
    assertEquals(401, assistantService.as(tenant.memberKey()).get("/v1/me").status());
    awaitStatus(member, "/v1/me", 401);
  }

  @Test
  void refusesHostileQueryTextAndContainerRefusalsAsProblems() {
    HttpApi member = service.as(tenant.memberKey());
    HostileInput.refusesUnstorableQueryText(member, "/v1/me");
    HostileInput.answersContainerRefusalsAsProblems(member, "/v1/assistants/");
  }

  @Test
  void answers503WhenAssistantServiceIsDownAndRecoversAfterwards() throws Exception {
    try (AutoCloseable down = AssistantServiceCompanion.proxy().fail(FaultyProxy.Mode.DOWN)) {
      ApiResponse response = service.as(ApiKeyFormat.generate("live")).get("/v1/me");
      HostileInput.assertProblem(response, 503, "identity_unavailable");
    }
    awaitRecovered();
    awaitStatus(service.as(tenant.memberKey()), "/v1/me", 200);
  }

  @Test
  void aSlowAssistantServiceIsCutOffAndNoLongerCalledWhileItFails() throws Exception {
    int requests = 30;
    List<Integer> statuses = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    int connections;
    try (AutoCloseable slow = AssistantServiceCompanion.proxy().fail(FaultyProxy.Mode.SLOW)) {
      java.util.concurrent.ExecutorService callers =
          java.util.concurrent.Executors.newFixedThreadPool(3);
      for (int i = 0; i < requests; i++) {
        callers.submit(
            () -> statuses.add(service.as(ApiKeyFormat.generate("live")).get("/v1/me").status()));
      }
      callers.shutdown();
      callers.awaitTermination(2, java.util.concurrent.TimeUnit.MINUTES);
      connections = AssistantServiceCompanion.proxy().connections();
    }
    assertEquals(java.util.Collections.nCopies(requests, 503), statuses);
    // The circuit breaker opened: later requests were refused without calling assistant-service.
    org.junit.jupiter.api.Assertions.assertTrue(
        connections < requests, connections + " calls for " + requests + " requests");
    awaitRecovered();
    awaitStatus(service.as(tenant.memberKey()), "/v1/me", 200);
  }

  @Test
  void theRequestIdTravelsToAssistantService() throws Exception {
    String requestId = "req-propagated-" + System.nanoTime();
    java.net.http.HttpResponse<String> response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(ServiceUnderTest.baseUrl() + "/v1/me"))
                    .header("Authorization", "Bearer " + tenant.adminKey())
                    .header("X-Request-Id", requestId)
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response::body);
    java.nio.file.Path accessLog =
        java.nio.file.Path.of(ServiceUnderTest.required("it.wlp.home"))
            .resolve("usr/servers/" + AssistantServiceCompanion.SERVER + "/logs/http_access.log");
    long deadline = System.currentTimeMillis() + 10_000;
    boolean seen = false;
    while (!seen && System.currentTimeMillis() < deadline) {
      seen =
          java.nio.file.Files.exists(accessLog)
              && java.nio.file.Files.readString(accessLog).contains(requestId);
      if (!seen) {
        Thread.sleep(250);
      }
    }
    org.junit.jupiter.api.Assertions.assertTrue(
        seen, "assistant-service's access log names the caller's request id " + requestId);
  }
}
