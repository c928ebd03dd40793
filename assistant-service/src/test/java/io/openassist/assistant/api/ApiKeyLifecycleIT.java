package io.openassist.assistant.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openassist.common.security.ApiKeyFormat;
import io.openassist.testing.ApiResponse;
import io.openassist.testing.HttpApi;
import io.openassist.testing.Tenant;
import io.openassist.testing.TestDatabase;
import io.openassist.testing.TestTokens;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** API keys from creation to revocation, checked against the rows in PostgreSQL. */
class ApiKeyLifecycleIT {

  private final HttpApi anonymous = new HttpApi();
  private Tenant tenant;
  private HttpApi admin;
  private HttpApi member;

  @BeforeEach
  void oneOrganisation() {
    Tenant.resetAssistantSchema();
    tenant = Tenant.onboard(anonymous, "Keys");
    admin = anonymous.as(tenant.adminKey());
    member = anonymous.as(tenant.memberKey());
  }

  @Test
  void showsTheKeyOnceAndStoresOnlyItsHash() throws NoSuchAlgorithmException {
    ApiResponse created = member.post("/v1/api_keys", "{\"name\": \"ci\"}");
    assertEquals(200, created.status(), created::toString);
    JsonObject body = created.json();
    String key = body.getString("key");
    String id = body.getString("id");
    assertTrue(key.matches("sk_live_[0-9A-Za-z]{38}"), key);
    assertEquals("api_key", body.getString("object"));
    assertEquals(tenant.memberId(), body.getString("user_id"));
    assertTrue(key.startsWith(body.getString("prefix")));

    String sha256 =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    assertEquals(
        sha256, TestDatabase.value("SELECT secret_hash FROM assistant.api_key WHERE id = ?", id));
    String row =
        (String)
            TestDatabase.value(
                "SELECT row_to_json(k)::text FROM assistant.api_key k WHERE id = ?", id);
    assertFalse(row.contains(key), "the key itself is not stored");
    assertFalse(row.contains(key.substring(20)), "nor its secret part");

    ApiResponse read = member.get("/v1/api_keys/" + id);
    assertEquals(200, read.status(), read::toString);
    assertFalse(read.json().containsKey("key"), "the key is shown only at creation");
    ApiResponse listed = member.get("/v1/api_keys");
    assertFalse(listed.body().contains(key));
    listed
        .json()
        .getJsonArray("data")
        .getValuesAs(JsonObject.class)
        .forEach(k -> assertFalse(k.containsKey("key")));
  }

  @Test
  void authenticatesAndRecordsItsLastUse() {
    JsonObject created = member.post("/v1/api_keys", "{\"name\": \"ci\"}").json();
    String id = created.getString("id");
    assertTrue(created.isNull("last_used_at"));
    assertNull(TestDatabase.value("SELECT last_used_at FROM assistant.api_key WHERE id = ?", id));

    ApiResponse me = anonymous.as(created.getString("key")).get("/v1/me");
    assertEquals(200, me.status(), me::toString);
    assertEquals(tenant.memberId(), me.json().getString("user_id"));
    assertEquals(tenant.organizationId(), me.json().getString("organization_id"));
    assertEquals("member", me.json().getString("role"));
    assertEquals("api_key", me.json().getString("auth_method"));

    assertNotNull(
        TestDatabase.value("SELECT last_used_at FROM assistant.api_key WHERE id = ?", id));
    assertFalse(member.get("/v1/api_keys/" + id).json().isNull("last_used_at"));
  }

  @Test
  void revocationTakesEffectOnTheNextRequest() {
    JsonObject created = member.post("/v1/api_keys", "{\"name\": \"ci\"}").json();
    HttpApi withKey = anonymous.as(created.getString("key"));
    assertEquals(200, withKey.get("/v1/me").status());

    ApiResponse revoked = member.delete("/v1/api_keys/" + created.getString("id"));
    assertEquals(200, revoked.status(), revoked::toString);
    assertFalse(revoked.json().isNull("revoked_at"));
    assertNotNull(
        TestDatabase.value(
            "SELECT revoked_at FROM assistant.api_key WHERE id = ?", created.getString("id")));

    assertEquals(401, withKey.get("/v1/me").status());
    assertEquals(200, member.get("/v1/me").status(), "the user's other keys still work");
  }

  @Test
  void expiryTakesEffectAtOnce() {
    long inAnHour = System.currentTimeMillis() / 1000 + 3600;
    JsonObject created =
        member
            .post("/v1/api_keys", "{\"name\": \"short\", \"expires_at\": " + inAnHour + "}")
            .json();
    assertEquals(inAnHour, created.getJsonNumber("expires_at").longValue());
    HttpApi withKey = anonymous.as(created.getString("key"));
    assertEquals(200, withKey.get("/v1/me").status());

    TestDatabase.execute(
        "UPDATE assistant.api_key SET expires_at = now() - interval '1 second' WHERE id = ?",
        created.getString("id"));
    assertEquals(401, withKey.get("/v1/me").status());
  }

  @Test
  void aUserMayHoldSeveralKeysAtOnce() {
    String first = member.post("/v1/api_keys", "{\"name\": \"old\"}").json().getString("key");
    String second = member.post("/v1/api_keys", "{\"name\": \"new\"}").json().getString("key");
    assertEquals(200, anonymous.as(first).get("/v1/me").status());
    assertEquals(200, anonymous.as(second).get("/v1/me").status());
    assertEquals(3, member.get("/v1/api_keys").json().getJsonArray("data").size());
  }

  @Test
  void membersManageOnlyTheirOwnKeysAndAdminsEveryones() {
    String adminKeyId =
        admin
            .get("/v1/api_keys?user_id=" + tenant.adminId())
            .json()
            .getJsonArray("data")
            .getJsonObject(0)
            .getString("id");
    assertEquals(403, member.get("/v1/api_keys?user_id=" + tenant.adminId()).status());
    assertEquals(404, member.get("/v1/api_keys/" + adminKeyId).status());
    assertEquals(404, member.delete("/v1/api_keys/" + adminKeyId).status());
    assertEquals(
        403,
        member
            .post("/v1/api_keys", "{\"name\": \"x\", \"user_id\": \"" + tenant.adminId() + "\"}")
            .status());
    assertNull(
        TestDatabase.value("SELECT revoked_at FROM assistant.api_key WHERE id = ?", adminKeyId));

    assertEquals(2, admin.get("/v1/api_keys").json().getJsonArray("data").size());
    assertEquals(200, admin.delete("/v1/api_keys/" + tenant.memberKeyId()).status());
    assertEquals(401, member.get("/v1/me").status());
  }

  @Test
  void everyBadCredentialIsTheSame401() {
    String revoked = member.post("/v1/api_keys", "{\"name\": \"r\"}").json().getString("key");
    String revokedId =
        member.get("/v1/api_keys").json().getJsonArray("data").getJsonObject(0).getString("id");
    member.delete("/v1/api_keys/" + revokedId);
    ApiResponse none = anonymous.get("/v1/me");
    assertEquals(401, none.status());
    assertEquals("Bearer realm=\"openassist\"", none.header("WWW-Authenticate"));
    JsonObject expected = none.problemWithoutRequestId();
    assertEquals("unauthenticated", expected.getString("code"));
    assertEquals("Invalid credentials", expected.getString("detail"));
    List<HttpApi> callers =
        List.of(
            anonymous.withAuthorization("Bearer"),
            anonymous.withAuthorization("Basic dXNlcjpwYXNz"),
            anonymous.withAuthorization(tenant.memberKey()),
            anonymous.as("sk_live_tooShort"),
            anonymous.as(ApiKeyFormat.generate("live")),
            anonymous.as(tenant.memberKey().substring(0, 30) + "AAAAAAAAAAAAAA"),
            anonymous.as(revoked),
            anonymous.as("eyJhbGciOiJSUzI1NiJ9.e30.c2ln"),
            anonymous.as(
                TestTokens.unsigned(
                    TestTokens.claims("x", tenant.organizationId(), List.of()).build())));
    for (HttpApi caller : callers) {
      ApiResponse response = caller.get("/v1/me");
      assertEquals(401, response.status(), response::toString);
      assertEquals(expected, response.problemWithoutRequestId());
    }
  }

  @Test
  void rejectsBadInputAndStoresNoKey() {
    long before = TestDatabase.count("SELECT count(*) FROM assistant.api_key");
    assertEquals(400, member.post("/v1/api_keys", "{}").status());
    assertEquals(400, member.post("/v1/api_keys", "{\"name\": \"\"}").status());
    assertEquals(
        400, member.post("/v1/api_keys", "{\"name\": \"x\", \"expires_at\": 1000}").status());
    ApiResponse wrongType =
        member.post("/v1/api_keys", "{\"name\": \"x\", \"expires_at\": \"soon\"}");
    assertEquals(400, wrongType.status());
    assertEquals("malformed_json", wrongType.json().getString("code"));
    assertEquals(
        404,
        admin.post("/v1/api_keys", "{\"name\": \"x\", \"user_id\": \"user_nobody\"}").status());
    assertEquals(before, TestDatabase.count("SELECT count(*) FROM assistant.api_key"));
  }
}
