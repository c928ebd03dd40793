package io.openassist.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * What every service must do once deployed: migrate its own schema, report ready and live, publish
 * its OpenAPI document, and answer paths it does not have in the common problem shape. Each service
 * runs this contract against its packaged WAR on a real Liberty server and PostgreSQL.
 */
public abstract class ServiceReadinessContract {

  protected final HttpApi api = new HttpApi();

  /** The PostgreSQL schema this service owns. */
  protected abstract String schema();

  @Test
  void reportsReadyOnceItsSchemaIsMigrated() {
    ApiResponse ready = api.get("/health/ready");
    assertEquals(200, ready.status(), ready::toString);
    JsonObject body = ready.json();
    assertEquals("UP", body.getString("status"));
    JsonObject database =
        body.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
            .filter(check -> "database".equals(check.getString("name")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no database check in " + body));
    assertEquals("UP", database.getString("status"));
    assertEquals(schema(), database.getJsonObject("data").getString("schema"));
    assertEquals("current", database.getJsonObject("data").getString("migrations"));

    long applied =
        TestDatabase.count(
            "SELECT count(*) FROM information_schema.tables"
                + " WHERE table_schema = ? AND table_name = 'databasechangelog'",
            schema());
    assertEquals(1, applied, "Liquibase keeps its history inside the service's own schema");
    assertTrue(
        TestDatabase.count("SELECT count(*) FROM " + schema() + ".databasechangelog") > 0,
        "at least one changeset applied");
  }

  @Test
  void reportsLive() {
    ApiResponse live = api.get("/health/live");
    assertEquals(200, live.status(), live::toString);
    assertEquals("UP", live.json().getString("status"));
  }

  @Test
  void declinesHttp2SoThatRequestBodiesStreamAtTheApplicationsPace() throws Exception {
    // Over HTTP/2 Liberty reads request bodies ahead of the application: an h2c upload of
    // 150 MiB filled file-service's heap. The services speak HTTP/1.1 only.
    java.net.http.HttpResponse<String> answer =
        java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_2)
            .build()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(ServiceUnderTest.baseUrl() + "/health/ready"))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(200, answer.statusCode(), answer::body);
    assertEquals(
        java.net.http.HttpClient.Version.HTTP_1_1, answer.version(), "the h2c upgrade is declined");
  }

  @Test
  void publishesItsOpenApiDocument() {
    ApiResponse document = api.send("GET", "/openapi?format=JSON", null, null);
    assertEquals(200, document.status(), document::toString);
    assertTrue(document.json().getString("openapi").startsWith("3."), document::toString);
  }

  @Test
  void namesEveryMemberInItsOpenApiDocumentAsItIsSent() {
    JsonObject document = api.send("GET", "/openapi?format=JSON", null, null).json();
    JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
    assertFalse(schemas.isEmpty(), "the document describes its request and response bodies");
    for (String schema : schemas.keySet()) {
      JsonObject properties = schemas.getJsonObject(schema).getJsonObject("properties");
      // meinGPT's compatibility bodies (schemas named MeinGpt...) use meinGPT's camelCase names.
      String naming = schema.startsWith("MeinGpt") ? "[a-z][a-zA-Z0-9]*" : "[a-z][a-z0-9_]*";
      for (String member : properties == null ? List.<String>of() : properties.keySet()) {
        assertTrue(
            member.matches(naming), () -> schema + "." + member + " is not the name the API sends");
      }
    }
  }

  @Test
  void everyPublishedOperationRequiresCredentials() {
    ApiResponse document = api.send("GET", "/openapi?format=JSON", null, null);
    JsonObject paths = document.json().getJsonObject("paths");
    assertFalse(paths.isEmpty(), "the service publishes its operations");
    for (String path : paths.keySet()) {
      for (String method : paths.getJsonObject(path).keySet()) {
        if (!List.of("get", "post", "put", "patch", "delete").contains(method)) {
          continue;
        }
        String concrete = path.replaceAll("\\{[^}]+}", "x");
        ApiResponse response =
            api.send(method.toUpperCase(Locale.ROOT), concrete, "{}", "application/json");
        assertEquals(401, response.status(), () -> method + " " + path + ": " + response);
        if (path.startsWith("/api/")) {
          // A vendor-compatible path answers in its vendor's dialect: meinGPT's {status, message}.
          assertEquals("error", response.json().getString("status"), response::toString);
        } else {
          assertEquals("unauthenticated", response.json().getString("code"));
        }
      }
    }
  }

  @Test
  void answersAnUnknownPathWithAProblem() {
    ApiResponse missing = api.get("/v1/no-such-thing");
    assertEquals(404, missing.status(), missing::toString);
    assertTrue(missing.contentType().startsWith("application/problem+json"), missing::toString);
    JsonObject problem = missing.json();
    assertEquals(404, problem.getInt("status"));
    assertEquals("not_found", problem.getString("code"));
    assertNotNull(problem.getString("title"));
    assertNotNull(problem.getString("type"));
    assertEquals(missing.header("X-Request-Id"), problem.getString("request_id"));
  }
}
