package io.openassist.deployment;

import static io.openassist.deployment.Manifests.DOCKER;
import static io.openassist.deployment.Manifests.ROOT;
import static io.openassist.deployment.Manifests.SERVICES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The image recipe and the compose stack, checked without a container engine: the Dockerfile's
 * rules (a pinned Open Liberty kernel-slim base, everything owned by 1001:0 and run as 1001,
 * features.sh before the application and configure.sh last, OCI labels, a health check, nothing
 * secret in ENV or ARG, every copied repository file present) and the compose file's wiring
 * (service URLs, database roles, health checks, volumes, the s3 profile).
 */
class ContainerImageTest {

  private static final Pattern SECRET = Pattern.compile("(?i).*(password|secret|token|api_key).*");

  private static List<String> instructions() throws IOException {
    // One instruction per entry: continuation lines joined, comments dropped.
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : Files.readAllLines(DOCKER.resolve("Dockerfile"))) {
      String trimmed = line.strip();
      if (current.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
        continue;
      }
      if (trimmed.endsWith("\\")) {
        current.append(trimmed, 0, trimmed.length() - 1).append(' ');
      } else {
        out.add(current.append(trimmed).toString());
        current.setLength(0);
      }
    }
    return out;
  }

  private static List<String> starting(List<String> instructions, String keyword) {
    return instructions.stream().filter(i -> i.startsWith(keyword + " ")).toList();
  }

  @Test
  void theBaseImageIsAPinnedOpenLibertyKernelSlimImage() throws IOException {
    List<String> all = instructions();
    Matcher base =
        Pattern.compile(
                "ARG LIBERTY_IMAGE=icr\\.io/appcafe/open-liberty:"
                    + "(\\d+\\.\\d+\\.\\d+\\.\\d+)-kernel-slim-java(17|21)-openj9-ubi(-minimal)?")
            .matcher(all.get(0));
    assertTrue(base.matches(), "first instruction: " + all.get(0));
    assertEquals("FROM ${LIBERTY_IMAGE}", starting(all, "FROM").get(0));
    assertEquals(1, starting(all, "FROM").size());
    String parentPom = Files.readString(ROOT.resolve("pom.xml"));
    assertTrue(
        parentPom.contains("<openliberty.version>" + base.group(1) + "</openliberty.version>"),
        "the image's Liberty is the build's (" + base.group(1) + ")");
  }

  @Test
  void everythingIsOwnedByTheLibertyUserAndRunsAsIt() throws IOException {
    List<String> all = instructions();
    for (String copy : starting(all, "COPY")) {
      assertTrue(copy.contains("--chown=1001:0"), copy);
    }
    List<String> users = starting(all, "USER");
    assertEquals("USER 1001", users.get(users.size() - 1));
  }

  @Test
  void theOpenLibertyStepsComeInTheirOrder() throws IOException {
    List<String> all = instructions();
    int features = all.indexOf("RUN features.sh");
    int configure = all.indexOf("RUN configure.sh");
    int war =
        all.stream()
            .filter(i -> i.startsWith("COPY") && i.contains(".war"))
            .findFirst()
            .map(all::indexOf)
            .orElse(-1);
    assertTrue(features > 0 && war > features && configure > war, all::toString);
    assertEquals(
        configure,
        all.stream().filter(i -> i.startsWith("RUN ")).map(all::indexOf).reduce((a, b) -> b).get());
  }

  @Test
  void itCarriesOciLabelsAHealthCheckAndNoSecrets() throws IOException {
    String labels = String.join(" ", starting(instructions(), "LABEL"));
    for (String label :
        List.of("title", "description", "version", "revision", "source", "licenses")) {
      assertTrue(labels.contains("org.opencontainers.image." + label + "="), label);
    }
    assertFalse(starting(instructions(), "HEALTHCHECK").isEmpty());
    for (String i : instructions()) {
      if (i.startsWith("ENV ") || i.startsWith("ARG ")) {
        for (String assignment : i.substring(4).split("\\s+")) {
          String name = assignment.split("=", 2)[0];
          assertFalse(SECRET.matcher(name).matches(), "secret-like " + name + " in " + i);
        }
      }
    }
  }

  @Test
  void everyFileItCopiesFromTheRepositoryExists() throws IOException {
    for (String copy : starting(instructions(), "COPY")) {
      String[] words = copy.split("\\s+");
      for (int i = 1; i < words.length - 1; i++) {
        String source = words[i];
        if (source.startsWith("--") || source.contains("${SERVICE}")) {
          continue;
        }
        assertTrue(Files.exists(ROOT.resolve(source)), copy);
      }
    }
    assertTrue(Files.isExecutable(DOCKER.resolve("healthcheck.sh")));
  }

  @Test
  void theImageHeapIsTheServersHeap() throws IOException {
    Matcher m =
        Pattern.compile("(?m)^-Xmx(\\d+)m$")
            .matcher(Files.readString(ROOT.resolve("common/src/main/liberty/config/jvm.options")));
    assertTrue(m.find());
    assertEquals(Long.parseLong(m.group(1)) * 1024 * 1024, OpenShiftManifestsTest.imageHeapBytes());
  }

  @Test
  void composeWiresTheServicesTogether() throws IOException {
    // SnakeYAML resolves the file's anchors and merge keys (<<), which Jackson's parser keeps.
    Object loaded =
        new org.yaml.snakeyaml.Yaml().load(Files.readString(DOCKER.resolve("compose.yaml")));
    JsonNode compose = Manifests.YAML.valueToTree(loaded);
    JsonNode services = compose.path("services");
    for (String service : SERVICES) {
      JsonNode s = services.path(service);
      assertEquals(service, s.path("build").path("args").path("SERVICE").asText(), service);
      assertEquals("docker/Dockerfile", s.path("build").path("dockerfile").asText(), service);
      assertEquals("9080", s.path("ports").get(0).asText().split(":")[1], service);
      JsonNode env = s.path("environment");
      assertEquals("postgres", env.path("DB_HOST").asText(), service);
      assertEquals("openassist_app", env.path("DB_APP_USER").asText(), service);
      assertTrue(
          s.path("healthcheck").path("test").toString().contains("/opt/openassist/healthcheck.sh"),
          service);
      assertEquals(
          "service_healthy",
          s.path("depends_on").path("postgres").path("condition").asText(),
          service);
    }
    assertEquals(
        "http://assistant-service:9080",
        services
            .path("conversation-service")
            .path("environment")
            .path("OPENASSIST_SERVICES_ASSISTANT_URL")
            .asText());
    assertEquals(
        "http://assistant-service:9080",
        services
            .path("file-service")
            .path("environment")
            .path("OPENASSIST_SERVICES_ASSISTANT_URL")
            .asText());
    assertEquals(
        "http://file-service:9080",
        services
            .path("assistant-service")
            .path("environment")
            .path("OPENASSIST_SERVICES_FILE_URL")
            .asText());
    assertTrue(services.path("file-service").path("volumes").get(0).asText().startsWith("files:"));
    assertEquals("s3", services.path("minio").path("profiles").get(0).asText());
    for (String volume : List.of("postgres-data", "files", "objects")) {
      assertTrue(compose.path("volumes").has(volume), volume);
    }
    String init = services.path("postgres").path("volumes").get(1).asText().split(":")[0];
    Path script = DOCKER.resolve(init);
    assertTrue(Files.isExecutable(script), init);
    String sql = Files.readString(script);
    assertTrue(sql.contains("CREATE ROLE openassist LOGIN"));
    assertTrue(sql.contains("CREATE ROLE openassist_app LOGIN"));
    assertTrue(sql.contains("CREATE DATABASE openassist OWNER openassist"));
  }
}
