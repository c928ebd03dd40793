package io.openassist.assistant.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openassist.testing.ApiResponse;
import io.openassist.testing.HttpApi;
import io.openassist.testing.Tenant;
import io.openassist.testing.TestDatabase;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** VIEW, EDIT and OWNER on assistants, and the wall between organisations. */
class AssistantPermissionsIT {

  private final HttpApi anonymous = new HttpApi();
  private Tenant a;
  private Tenant b;
  private HttpApi adminA;
  private HttpApi memberA;
  private HttpApi adminB;

  @BeforeEach
  void twoOrganisations() {
    Tenant.resetAssistantSchema();
    a = Tenant.onboard(anonymous, "A");
    b = Tenant.onboard(anonymous, "B");
    adminA = anonymous.as(a.adminKey());
    memberA = anonymous.as(a.memberKey());
    adminB = anonymous.as(b.adminKey());
  }

  @Test
  void theCreatorOwnsItsAssistant() {
    String id = create(memberA, "{\"model\": \"m\"}");
    assertEquals(
        "OWNER", memberA.get("/v1/assistants/" + id + "/access").json().getString("permission"));
    assertEquals(
        "OWNER",
        adminA.get("/v1/assistants/" + id + "/access").json().getString("permission"),
        "admins act as owners");
    assertEquals(
        a.memberId(),
        TestDatabase.value("SELECT owner_id FROM assistant.assistant WHERE id = ?", id));
    assertEquals(
        a.organizationId(),
        TestDatabase.value("SELECT organization_id FROM assistant.assistant WHERE id = ?", id));
  }

  @Test
  void withoutAGrantAMemberCannotSeeTheAssistant() {
    String id = create(adminA, "{\"model\": \"m\", \"name\": \"secret\"}");
    assertEquals(404, memberA.get("/v1/assistants/" + id).status());
    assertEquals(404, memberA.post("/v1/assistants/" + id, "{\"name\": \"x\"}").status());
    assertEquals(0, memberA.get("/v1/assistants").json().getJsonArray("data").size());
  }

  @Test
  void viewLetsAMemberSeeButNotChange() {
    String id = create(adminA, "{\"model\": \"m\", \"name\": \"shared\"}");
    grant(id, "{\"user_id\": \"" + a.memberId() + "\", \"permission\": \"VIEW\"}");
    String before = row(id);

    assertEquals(200, memberA.get("/v1/assistants/" + id).status());
    assertTrue(memberA.get("/v1/assistants").body().contains(id));
    ApiResponse modify = memberA.post("/v1/assistants/" + id, "{\"name\": \"changed\"}");
    assertEquals(403, modify.status(), modify::toString);
    assertEquals("forbidden", modify.json().getString("code"));
    assertEquals(403, memberA.delete("/v1/assistants/" + id).status());
    assertEquals(403, memberA.get("/v1/assistants/" + id + "/permissions").status());
    assertEquals(before, row(id));
  }

  @Test
  void editLetsAMemberChangeButNotDeleteOrShare() {
    String id = create(adminA, "{\"model\": \"m\"}");
    grant(id, "{\"user_id\": \"" + a.memberId() + "\", \"permission\": \"EDIT\"}");
    assertEquals(200, memberA.post("/v1/assistants/" + id, "{\"name\": \"edited\"}").status());
    assertEquals(
        "edited", TestDatabase.value("SELECT name FROM assistant.assistant WHERE id = ?", id));
    assertEquals(403, memberA.delete("/v1/assistants/" + id).status());
    assertEquals(
        403,
        memberA
            .post(
                "/v1/assistants/" + id + "/permissions",
                "{\"group\": \"g\", \"permission\": \"VIEW\"}")
            .status());
  }

  @Test
  void ownerLetsAMemberDeleteAndShare() {
    String id = create(adminA, "{\"model\": \"m\"}");
    grant(id, "{\"user_id\": \"" + a.memberId() + "\", \"permission\": \"OWNER\"}");
    assertEquals(
        200,
        memberA
            .post(
                "/v1/assistants/" + id + "/permissions",
                "{\"group\": \"g\", \"permission\": \"VIEW\"}")
            .status());
    assertEquals(
        2, memberA.get("/v1/assistants/" + id + "/permissions").json().getJsonArray("data").size());
    assertEquals(200, memberA.delete("/v1/assistants/" + id).status());
    assertEquals(
        0, TestDatabase.count("SELECT count(*) FROM assistant.assistant WHERE id = ?", id));
    assertEquals(
        0,
        TestDatabase.count(
            "SELECT count(*) FROM assistant.assistant_permission WHERE assistant_id = ?", id));
  }

  @Test
  void grantingAgainChangesTheLevelAndRevokingTakesItAway() {
    String id = create(adminA, "{\"model\": \"m\"}");
    grant(id, "{\"user_id\": \"" + a.memberId() + "\", \"permission\": \"VIEW\"}");
    JsonObject upgraded =
        grant(id, "{\"user_id\": \"" + a.memberId() + "\", \"permission\": \"EDIT\"}");
    assertEquals("EDIT", upgraded.getString("permission"));
    assertEquals(
        1,
        TestDatabase.count(
            "SELECT count(*) FROM assistant.assistant_permission WHERE assistant_id = ?", id));

    ApiResponse revoked =
        adminA.delete("/v1/assistants/" + id + "/permissions/" + upgraded.getString("id"));
    assertEquals(200, revoked.status(), revoked::toString);
    assertTrue(revoked.json().getBoolean("deleted"));
    assertEquals(404, memberA.get("/v1/assistants/" + id).status());
  }

  @Test
  void anotherOrganisationsAssistantIsAnsweredAsAMissingOne() {
    String id = create(adminA, "{\"model\": \"m\", \"name\": \"A's\"}");
    String before = row(id);
    ApiResponse missing = adminB.get("/v1/assistants/asst_doesNotExist000000000000");
    for (ApiResponse foreign :
        new ApiResponse[] {
          adminB.get("/v1/assistants/" + id),
          adminB.post("/v1/assistants/" + id, "{\"name\": \"B's now\"}"),
          adminB.delete("/v1/assistants/" + id),
          adminB.get("/v1/assistants/" + id + "/permissions"),
          adminB.get("/v1/assistants/" + id + "/access")
        }) {
      assertEquals(404, foreign.status(), foreign::toString);
      assertEquals(missing.problemWithoutRequestId(), foreign.problemWithoutRequestId());
    }
    assertFalse(adminB.get("/v1/assistants").body().contains(id));
    assertEquals(before, row(id));
  }

  @Test
  void bodyIdsOfAnotherOrganisationAreRejectedAsMissing() {
    String id = create(adminA, "{\"model\": \"m\"}");
    ApiResponse foreignUser =
        adminA.post(
            "/v1/assistants/" + id + "/permissions",
            "{\"user_id\": \"" + b.memberId() + "\", \"permission\": \"VIEW\"}");
    ApiResponse missingUser =
        adminA.post(
            "/v1/assistants/" + id + "/permissions",
            "{\"user_id\": \"user_doesNotExist\", \"permission\": \"VIEW\"}");
    assertEquals(404, foreignUser.status(), foreignUser::toString);
    assertEquals(missingUser.problemWithoutRequestId(), foreignUser.problemWithoutRequestId());
    ApiResponse foreignKeyOwner =
        adminA.post("/v1/api_keys", "{\"name\": \"k\", \"user_id\": \"" + b.memberId() + "\"}");
    assertEquals(404, foreignKeyOwner.status(), foreignKeyOwner::toString);
    assertEquals(0, TestDatabase.count("SELECT count(*) FROM assistant.assistant_permission"));
  }

  @Test
  void fieldsTheCallerMayNotSetAreRefused() {
    long before = TestDatabase.count("SELECT count(*) FROM assistant.assistant");
    for (String body :
        new String[] {
          "{\"model\": \"m\", \"organization_id\": \"" + b.organizationId() + "\"}",
          "{\"model\": \"m\", \"owner_id\": \"" + b.adminId() + "\"}",
          "{\"model\": \"m\", \"id\": \"asst_mine\"}",
          "{\"model\": \"m\", \"created_at\": 0}"
        }) {
      ApiResponse response = adminA.post("/v1/assistants", body);
      assertEquals(400, response.status(), response::toString);
    }
    assertEquals(before, TestDatabase.count("SELECT count(*) FROM assistant.assistant"));
  }

  @Test
  void slugsAreUniqueWithinAnOrganisationOnly() {
    create(adminA, "{\"model\": \"m\", \"slug\": \"support\"}");
    create(adminB, "{\"model\": \"m\", \"slug\": \"support\"}");
    assertEquals(
        409, adminA.post("/v1/assistants", "{\"model\": \"m\", \"slug\": \"support\"}").status());
  }

  @Test
  void onlyAdminsCreateUsers() {
    ApiResponse byMember = memberA.post("/v1/users", "{\"name\": \"sneaky\"}");
    assertEquals(403, byMember.status(), byMember::toString);
    assertEquals(
        0, TestDatabase.count("SELECT count(*) FROM assistant.app_user WHERE name = 'sneaky'"));
    ApiResponse byAdmin = adminA.post("/v1/users", "{\"name\": \"Bea\", \"role\": \"admin\"}");
    assertEquals(200, byAdmin.status(), byAdmin::toString);
    assertEquals("admin", byAdmin.json().getString("role"));
    assertEquals(400, adminA.post("/v1/users", "{\"name\": \"x\", \"role\": \"root\"}").status());
    assertEquals(3, adminA.get("/v1/users").json().getJsonArray("data").size());
    assertEquals(404, adminB.get("/v1/users/" + a.memberId()).status());
  }

  private String create(HttpApi caller, String body) {
    ApiResponse created = caller.post("/v1/assistants", body);
    assertEquals(200, created.status(), created::toString);
    return created.json().getString("id");
  }

  private JsonObject grant(String assistantId, String body) {
    ApiResponse granted = adminA.post("/v1/assistants/" + assistantId + "/permissions", body);
    assertEquals(200, granted.status(), granted::toString);
    return granted.json();
  }

  private static String row(String id) {
    return String.valueOf(
        TestDatabase.value(
            "SELECT row_to_json(a)::text FROM assistant.assistant a WHERE id = ?", id));
  }
}
