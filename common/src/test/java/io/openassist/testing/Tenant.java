package io.openassist.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;

/**
 * An organisation onboarded for a test through the operator endpoint, with its first admin and a
 * second user (a member), each with an API key.
 */
public record Tenant(
    String organizationId,
    String adminId,
    String adminKey,
    String memberId,
    String memberKey,
    String memberKeyId) {

  /** The operator token the test servers are configured with (test-only). */
  public static final String OPERATOR_TOKEN = "it-operator-token-not-a-secret-0001";

  /** Onboards a new organisation on assistant-service and adds a member with a key. */
  public static Tenant onboard(HttpApi anonymous, String name) {
    ApiResponse onboarded =
        anonymous
            .as(OPERATOR_TOKEN)
            .post(
                "/v1/organizations",
                "{\"name\": \"" + name + "\", \"admin\": {\"name\": \"Admin of " + name + "\"}}");
    assertEquals(200, onboarded.status(), onboarded::toString);
    JsonObject body = onboarded.json();
    String adminKey = body.getJsonObject("api_key").getString("key");
    HttpApi admin = anonymous.as(adminKey);

    ApiResponse member = admin.post("/v1/users", "{\"name\": \"Member of " + name + "\"}");
    assertEquals(200, member.status(), member::toString);
    String memberId = member.json().getString("id");
    ApiResponse key =
        admin.post("/v1/api_keys", "{\"name\": \"member key\", \"user_id\": \"" + memberId + "\"}");
    assertEquals(200, key.status(), key::toString);
    return new Tenant(
        body.getJsonObject("organization").getString("id"),
        body.getJsonObject("admin").getString("id"),
        adminKey,
        memberId,
        key.json().getString("key"),
        key.json().getString("id"));
  }

  /** Creates an assistant on assistant-service with this admin key and body; answers its id. */
  public static String createAssistant(HttpApi assistantService, String adminKey, String body) {
    ApiResponse created = assistantService.as(adminKey).post("/v1/assistants", body);
    assertEquals(200, created.status(), created::toString);
    return created.json().getString("id");
  }

  /** Grants the user this permission on the assistant, as the organisation's admin. */
  public void grant(
      HttpApi assistantService, String assistantId, String userId, String permission) {
    ApiResponse granted =
        assistantService
            .as(adminKey)
            .post(
                "/v1/assistants/" + assistantId + "/permissions",
                "{\"user_id\": \"" + userId + "\", \"permission\": \"" + permission + "\"}");
    assertEquals(200, granted.status(), granted::toString);
  }

  /** Empties every table of the assistant schema, so that a test class starts from nothing. */
  public static void resetAssistantSchema() {
    TestDatabase.execute(
        "TRUNCATE assistant.assistant_permission, assistant.assistant, assistant.api_key,"
            + " assistant.app_user, assistant.organization CASCADE");
  }
}
