package io.openassist.assistant;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.openassist.common.security.ApiKeyFormat;
import io.openassist.testing.ApiResponse;
import io.openassist.testing.HttpApi;
import io.openassist.testing.Tenant;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The broken-object-level-authorisation matrix: every operation the service publishes in its
 * OpenAPI document is called without credentials, with an unknown key, on another organisation's
 * objects, on missing objects, by a member lacking the permission it needs, and by a caller who has
 * it. An operation that is not classified below fails the build: a new endpoint cannot ship without
 * its authorisation being tested here.
 */
class BolaMatrixIT {

  /** What an operation needs of the caller. */
  enum Need {
    /** Any authenticated user of the organisation. */
    ANY,
    VIEW,
    EDIT,
    OWNER,
    /** An admin of the organisation. */
    ADMIN,
    /** The user the object belongs to (or an admin). */
    SELF,
    /** The operator token, not a user's credential. */
    OPERATOR
  }

  private static final String COMPAT_PREFIX = "/api/";

  /** Runs reach the default provider's stub, which answers every run of the matrix. */
  @org.junit.jupiter.api.BeforeEach
  void vendorAnswersEveryRun() {
    io.openassist.testing.VendorStub.fresh()
        .stubFor(
            com.github.tomakehurst.wiremock.client.WireMock.post(
                    com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(
                        "/openai/v1/chat/completions"))
                .willReturn(
                    com.github.tomakehurst.wiremock.client.WireMock.okJson(
                        io.openassist.testing.VendorStub.openAiAnswer("ok"))));
  }

  private static final Map<String, Need> NEEDS =
      Map.ofEntries(
          Map.entry("GET /v1/assistants", Need.ANY),
          Map.entry("POST /v1/assistants", Need.ANY),
          Map.entry("GET /v1/assistants/{assistant_id}", Need.VIEW),
          Map.entry("POST /v1/assistants/{assistant_id}", Need.EDIT),
          Map.entry("DELETE /v1/assistants/{assistant_id}", Need.OWNER),
          Map.entry("GET /v1/assistants/{assistant_id}/access", Need.VIEW),
          Map.entry("GET /v1/assistants/{assistant_id}/permissions", Need.OWNER),
          Map.entry("POST /v1/assistants/{assistant_id}/permissions", Need.OWNER),
          Map.entry("DELETE /v1/assistants/{assistant_id}/permissions/{permission_id}", Need.OWNER),
          Map.entry("GET /v1/me", Need.ANY),
          Map.entry("GET /v1/users", Need.ANY),
          Map.entry("POST /v1/users", Need.ADMIN),
          Map.entry("GET /v1/users/{user_id}", Need.ANY),
          Map.entry("GET /v1/api_keys", Need.ANY),
          Map.entry("POST /v1/api_keys", Need.ANY),
          Map.entry("GET /v1/api_keys/{api_key_id}", Need.SELF),
          Map.entry("DELETE /v1/api_keys/{api_key_id}", Need.SELF),
          Map.entry("POST /v1/organizations", Need.OPERATOR),
          Map.entry("POST /v1/assistants/{assistant_id}/run", Need.VIEW),
          Map.entry("GET /v1/providers", Need.ADMIN),
          Map.entry("GET /v1/runs", Need.ANY),
          Map.entry("GET /v1/usage", Need.ADMIN));

  /** A valid body for every operation that takes one. */
  private static final Map<String, String> BODIES =
      Map.of(
          "POST /v1/assistants", "{\"model\": \"m\"}",
          "POST /v1/assistants/{assistant_id}", "{\"name\": \"renamed\"}",
          "POST /v1/assistants/{assistant_id}/permissions",
              "{\"group\": \"matrix\", \"permission\": \"VIEW\"}",
          "POST /v1/users", "{\"name\": \"new user\"}",
          "POST /v1/api_keys", "{\"name\": \"new key\"}",
          "POST /v1/organizations", "{\"name\": \"Matrix org\", \"admin\": {\"name\": \"a\"}}",
          "POST /v1/assistants/{assistant_id}/run",
              "{\"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}");

  private static final Map<String, String> MISSING =
      Map.of(
          "assistant_id", "asst_missing00000000000000000",
          "permission_id", "perm_missing00000000000000000",
          "user_id", "user_missing00000000000000000",
          "api_key_id", "key_missing000000000000000000");

  private static final Pattern PARAMETER = Pattern.compile("\\{([a-z_]+)}");
  private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

  private final HttpApi anonymous = new HttpApi();

  /** The objects of one organisation that an operation's path parameters can name. */
  private record Objects(Tenant tenant, Map<String, String> ids) {}

  @BeforeAll
  static void startEmpty() {
    Tenant.resetAssistantSchema();
  }

  @Test
  void everyPublishedOperationIsClassified() {
    Set<String> published = publishedOperations();
    assertFalse(published.isEmpty());
    for (String operation : published) {
      assertTrue(
          NEEDS.containsKey(operation),
          operation + " is not in the BOLA matrix: classify what it needs of the caller");
      if (operation.startsWith("POST")
          || operation.startsWith("PUT")
          || operation.startsWith("PATCH")) {
        assertTrue(BODIES.containsKey(operation), operation + " needs a body in the BOLA matrix");
      }
    }
    assertEquals(new TreeSet<>(NEEDS.keySet()), published, "the matrix lists a stale operation");
  }

  @Test
  void everyOperationEnforcesAuthenticationOrganisationAndPermission() {
    List<Executable> checks = new ArrayList<>();
    for (String operation : publishedOperations()) {
      if (NEEDS.containsKey(operation)) {
        checks.add(() -> check(operation, NEEDS.get(operation)));
      }
    }
    assertAll(checks);
  }

  private void check(String operation, Need need) {
    String method = operation.substring(0, operation.indexOf(' '));
    String template = operation.substring(operation.indexOf(' ') + 1);
    String body = BODIES.get(operation);
    Objects own = objectsOf("Own " + operation);
    Objects foreign = objectsOf("Foreign " + operation);
    String ownPath = fill(template, own.ids(), operation);

    ApiResponse noCredentials = call(anonymous, method, ownPath, body);
    assertProblem(operation + " without credentials", noCredentials, 401, "unauthenticated");
    ApiResponse unknownKey =
        call(anonymous.as(ApiKeyFormat.generate("live")), method, ownPath, body);
    assertSameProblem(operation + " with an unknown key", noCredentials, unknownKey, 401);

    HttpApi admin = anonymous.as(own.tenant().adminKey());
    HttpApi member = anonymous.as(own.tenant().memberKey());

    if (need == Need.OPERATOR) {
      assertProblem(
          operation + " with a user's key",
          call(admin, method, ownPath, body),
          401,
          "unauthenticated");
      assertSuccess(operation, call(anonymous.as(Tenant.OPERATOR_TOKEN), method, ownPath, body));
      return;
    }

    if (PARAMETER.matcher(template).find()) {
      ApiResponse missing = call(admin, method, fill(template, MISSING, operation), body);
      assertProblem(operation + " on a missing object", missing, 404, "not_found");
      ApiResponse foreignObject =
          call(admin, method, fill(template, foreign.ids(), operation), body);
      assertSameProblem(
          operation + " on another organisation's object", missing, foreignObject, 404);
    }

    switch (need) {
      case ANY -> assertSuccess(operation + " by a member", call(member, method, ownPath, body));
      case ADMIN ->
          assertProblem(
              operation + " by a member", call(member, method, ownPath, body), 403, "forbidden");
      case SELF -> {
        String adminsKey = ownPath.replace(own.ids().get("api_key_id"), adminKeyId(own));
        ApiResponse othersKey = call(member, method, adminsKey, body);
        ApiResponse missing = call(member, method, fill(template, MISSING, operation), body);
        assertSameProblem(operation + " on another user's key", missing, othersKey, 404);
        assertSuccess(operation + " on the member's own key", call(member, method, ownPath, body));
      }
      case VIEW, EDIT, OWNER -> {
        ApiResponse missing = call(member, method, fill(template, MISSING, operation), body);
        ApiResponse withoutGrant = call(member, method, ownPath, body);
        assertSameProblem(operation + " by a member without a grant", missing, withoutGrant, 404);
        for (String held : List.of("VIEW", "EDIT")) {
          grant(admin, own.ids().get("assistant_id"), own.tenant().memberId(), held);
          ApiResponse asHolder = call(member, method, ownPath, body);
          if (need.ordinal() <= Need.valueOf(held).ordinal()) {
            assertSuccess(operation + " by a member holding " + held, asHolder);
          } else {
            assertProblem(operation + " by a member holding " + held, asHolder, 403, "forbidden");
          }
        }
      }
      default -> fail("unhandled need " + need);
    }
    Objects fresh = objectsOf("Fresh " + operation);
    HttpApi freshAdmin = anonymous.as(fresh.tenant().adminKey());
    assertSuccess(
        operation + " by an admin of the organisation",
        call(freshAdmin, method, fill(template, fresh.ids(), operation), body));
  }

  /** A new organisation with an assistant, a grant on it, a member and the member's key. */
  private Objects objectsOf(String name) {
    Tenant tenant = Tenant.onboard(anonymous, name.replaceAll("[^A-Za-z0-9 ]", " "));
    HttpApi admin = anonymous.as(tenant.adminKey());
    ApiResponse assistant = admin.post("/v1/assistants", "{\"model\": \"m\"}");
    assertSuccess("creating a fixture assistant", assistant);
    String assistantId = assistant.json().getString("id");
    ApiResponse permission =
        admin.post(
            "/v1/assistants/" + assistantId + "/permissions",
            "{\"group\": \"fixture\", \"permission\": \"VIEW\"}");
    assertSuccess("creating a fixture permission", permission);
    return new Objects(
        tenant,
        Map.of(
            "assistant_id", assistantId,
            "permission_id", permission.json().getString("id"),
            "user_id", tenant.memberId(),
            "api_key_id", tenant.memberKeyId()));
  }

  private String adminKeyId(Objects objects) {
    ApiResponse keys =
        anonymous
            .as(objects.tenant().adminKey())
            .get("/v1/api_keys?user_id=" + objects.tenant().adminId());
    return keys.json().getJsonArray("data").getJsonObject(0).getString("id");
  }

  private void grant(HttpApi admin, String assistantId, String userId, String permission) {
    assertSuccess(
        "granting " + permission,
        admin.post(
            "/v1/assistants/" + assistantId + "/permissions",
            "{\"user_id\": \"" + userId + "\", \"permission\": \"" + permission + "\"}"));
  }

  private Set<String> publishedOperations() {
    ApiResponse document = anonymous.get("/openapi?format=JSON");
    assertEquals(200, document.status(), document::toString);
    Set<String> operations = new TreeSet<>();
    JsonObject paths = document.json().getJsonObject("paths");
    for (String path : paths.keySet()) {
      if (path.startsWith(COMPAT_PREFIX)) {
        // The vendor-compatible paths answer in their vendor's error dialect (meinGPT: 403 for an
        // assistant that is not available); MeinGptRunIT holds them to it.
        continue;
      }
      JsonObject item = paths.getJsonObject(path);
      for (String method : METHODS) {
        if (item.containsKey(method)) {
          operations.add(method.toUpperCase() + " " + path);
        }
      }
    }
    return operations;
  }

  private static String fill(String template, Map<String, String> ids, String operation) {
    Matcher m = PARAMETER.matcher(template);
    StringBuilder path = new StringBuilder();
    while (m.find()) {
      String id = ids.get(m.group(1));
      if (id == null) {
        fail(operation + ": the BOLA matrix has no fixture for {" + m.group(1) + "}");
      }
      m.appendReplacement(path, id);
    }
    m.appendTail(path);
    return path.toString();
  }

  private static ApiResponse call(HttpApi api, String method, String path, String body) {
    return api.send(method, path, body, body == null ? null : "application/json");
  }

  private static void assertSuccess(String what, ApiResponse response) {
    assertTrue(response.status() >= 200 && response.status() < 300, () -> what + ": " + response);
  }

  private static void assertProblem(String what, ApiResponse response, int status, String code) {
    assertEquals(status, response.status(), () -> what + ": " + response);
    assertTrue(response.contentType().startsWith("application/problem+json"), what);
    assertEquals(code, response.json().getString("code"), () -> what + ": " + response);
  }

  /** The two answers are the same problem, byte for byte apart from the request id. */
  private static void assertSameProblem(
      String what, ApiResponse expected, ApiResponse actual, int status) {
    assertEquals(status, actual.status(), () -> what + ": " + actual);
    assertEquals(expected.problemWithoutRequestId(), actual.problemWithoutRequestId(), what);
  }
}
