package io.openassist.assistant.run;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.openassist.testing.ApiResponse;
import io.openassist.testing.HttpApi;
import io.openassist.testing.Tenant;
import io.openassist.testing.TestDatabase;
import io.openassist.testing.VendorStub;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** meinGPT's assistants API at its own paths, with its answers and its error shape. */
class MeinGptRunIT {

  private static final String CHAT = "{\"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}";

  private WireMockServer vendor;
  private Tenant tenant;
  private HttpApi admin;
  private String assistantId;

  @BeforeEach
  void freshTenantAndVendor() {
    vendor = VendorStub.fresh();
    tenant = Tenant.onboard(new HttpApi(), "meinGPT " + System.nanoTime());
    admin = new HttpApi().as(tenant.adminKey());
    ApiResponse created =
        admin.post("/v1/assistants", "{\"model\": \"gpt-4o\", \"name\": \"Helper\"}");
    assertEquals(200, created.status(), created::toString);
    assistantId = created.json().getString("id");
  }

  private static void assertMeinGptError(int status, ApiResponse response) {
    assertEquals(status, response.status(), response::toString);
    assertTrue(response.contentType().startsWith("application/json"), response::toString);
    JsonObject body = response.json();
    assertEquals("error", body.getString("status"));
    assertTrue(!body.getString("message").isBlank());
    assertEquals(2, body.size(), response::toString);
  }

  @Test
  void listsTheCallersAssistants() {
    ApiResponse listed = admin.get("/api/assistants/v1/");
    assertEquals(200, listed.status(), listed::toString);
    assertEquals(1, listed.json().getJsonArray("assistants").size());
    assertEquals(
        assistantId, listed.json().getJsonArray("assistants").getJsonObject(0).getString("id"));

    ApiResponse member = new HttpApi().as(tenant.memberKey()).get("/api/assistants/v1/");
    assertEquals(0, member.json().getJsonArray("assistants").size(), "no VIEW, not listed");
  }

  @Test
  void runsAnAssistantWithTheSeedsAnswer() {
    vendor.stubFor(
        post(urlEqualTo("/openai/v1/chat/completions"))
            .willReturn(okJson(VendorStub.openAiAnswer("Hallo!"))));
    ApiResponse run = admin.post("/api/assistants/v1/" + assistantId + "/run", CHAT);
    assertEquals(200, run.status(), run::toString);
    JsonObject body = run.json();
    assertEquals("Hallo!", body.getString("text"));
    assertEquals("gpt-4o-2024-08-06", body.getString("model"));
    assertEquals("assistant", body.getJsonArray("messages").getJsonObject(0).getString("role"));
    assertEquals(17, body.getJsonObject("usage").getInt("total_tokens"));
    assertEquals(0, body.getJsonArray("citations").size());
  }

  @Test
  void anUnknownOrForeignAssistantIsA403NotAvailableAlike() {
    Tenant other = Tenant.onboard(new HttpApi(), "Other " + System.nanoTime());
    ApiResponse foreign =
        new HttpApi().as(other.adminKey()).post("/api/assistants/v1/" + assistantId + "/run", CHAT);
    ApiResponse unknown = admin.post("/api/assistants/v1/asst_unknown/run", CHAT);
    assertMeinGptError(403, foreign);
    assertMeinGptError(403, unknown);
    assertEquals(foreign.json(), unknown.json());
    assertEquals(0, vendor.getAllServeEvents().size());
  }

  @Test
  void invalidInputAndAMissingIdAre400s() {
    assertMeinGptError(
        400, admin.post("/api/assistants/v1/" + assistantId + "/run", "{\"messages\": []}"));
    assertMeinGptError(
        400, admin.post("/api/assistants/v1/" + assistantId + "/run", "{\"messages\": "));
    assertMeinGptError(400, admin.post("/api/assistants/v1/run", CHAT));
    assertEquals(
        0L,
        TestDatabase.count(
            "SELECT count(*) FROM assistant.run WHERE assistant_id = ?", assistantId));
  }

  @Test
  void anUpstreamFailureIsA500InMeinGptsShape() {
    vendor.stubFor(
        post(urlEqualTo("/openai/v1/chat/completions")).willReturn(aResponse().withStatus(500)));
    assertMeinGptError(500, admin.post("/api/assistants/v1/" + assistantId + "/run", CHAT));
  }

  @Test
  void withoutCredentialsIsA401() {
    ApiResponse anonymous = new HttpApi().post("/api/assistants/v1/" + assistantId + "/run", CHAT);
    assertEquals(401, anonymous.status(), anonymous::toString);
  }
}
