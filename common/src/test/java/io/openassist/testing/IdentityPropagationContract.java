package io.openassist.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openassist.common.security.ApiKeyFormat;
import jakarta.json.JsonObject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * For the services that do not own identities: a credential presented to them is resolved by the
 * real assistant-service over HTTP (MicroProfile Rest Client, the caller's header propagated), and
 * they see exactly the caller assistant-service sees. Runs against a companion assistant-service.
 */
@ExtendWith({AssistantServiceCompanion.class, ArquillianExtension.class})
public abstract class IdentityPropagationContract {

  private final HttpApi service = new HttpApi();
  private final HttpApi assistantService = AssistantServiceCompanion.api();
  private Tenant tenant;

  @Deployment(testable = false)
  public static WebArchive deployment() {
    return ServiceUnderTest.packagedWar();
  }

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

    // The test servers cache resolved credentials for 2 s (openassist.auth.cache-ttl=PT2S).
    long deadline = System.currentTimeMillis() + 5_000;
    int status = member.get("/v1/me").status();
    while (status != 401 && System.currentTimeMillis() < deadline) {
      Thread.sleep(250);
      status = member.get("/v1/me").status();
    }
    assertEquals(401, status, "revocation reached this service within the cache lifetime");
  }
}
