package io.openassist.deployment;

import static io.openassist.deployment.Manifests.ROOT;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/operations.md} cannot drift from the code: every configuration key the code reads
 * (MicroProfile Config injection points, key constants, the {@code ${key:default}} expressions of
 * the services' {@code microprofile-config.properties}, the per-provider keys, and the Liberty
 * variables of the server configuration) is in the guide under its environment variable, on a table
 * row that gives the code's default; and every {@code OPENASSIST_*} variable the guide names is one
 * the code reads.
 */
class OperationsGuideTest {

  private static final Pattern CONFIG_PROPERTY =
      Pattern.compile(
          "@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"(?:\\s*,\\s*defaultValue\\s*=\\s*\"([^\"]*)\")?");
  private static final Pattern KEY_LITERAL =
      Pattern.compile("\"((?:openassist|mp\\.jwt)\\.[a-z0-9.-]*[a-z0-9])\"");
  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([a-z0-9.-]+):([^}]*)}");
  private static final Pattern PROVIDER_KEY =
      Pattern.compile("keys\\.(?:required|optional|duration|integer|name)\\(\"([a-z-]+)\"");
  private static final Pattern VARIABLE =
      Pattern.compile("<variable\\s+name=\"([a-z0-9.]+)\"\\s+defaultValue=\"([^\"]*)\"");
  private static final Pattern GUIDE_VARIABLE = Pattern.compile("`(OPENASSIST_[A-Z0-9_]+)`");

  /** Key → its default as the code writes it (null: none). */
  private static final Map<String, String> KEYS = new LinkedHashMap<>();

  private static final Set<String> PROVIDER_SETTINGS = new TreeSet<>();
  private static String guide;

  @BeforeAll
  static void read() throws IOException {
    guide = Files.readString(ROOT.resolve("docs/operations.md"));
    for (Path source : files("src/main/java", ".java")) {
      String java = Files.readString(source);
      Matcher m = CONFIG_PROPERTY.matcher(java);
      while (m.find()) {
        KEYS.merge(m.group(1), m.group(2) == null ? "" : m.group(2), (a, b) -> a.isEmpty() ? b : a);
      }
      Matcher literal = KEY_LITERAL.matcher(java);
      while (literal.find()) {
        // Metric names (counterBuilder("openassist.upstream.calls")) are not configuration.
        String before = java.substring(Math.max(0, literal.start() - 40), literal.start());
        if (!before.contains("Builder(")) {
          KEYS.putIfAbsent(literal.group(1), "");
        }
      }
      if (source.getFileName().toString().equals("ProviderConfiguration.java")) {
        Matcher p = PROVIDER_KEY.matcher(java);
        while (p.find()) {
          PROVIDER_SETTINGS.add(p.group(1));
        }
      }
    }
    for (Path properties : files("src/main/resources", "microprofile-config.properties")) {
      Matcher m = EXPRESSION.matcher(Files.readString(properties));
      while (m.find()) {
        KEYS.merge(m.group(1), m.group(2), (a, b) -> a.isEmpty() ? b : a);
      }
    }
    for (Path xml : files("src/main/liberty/config", ".xml")) {
      Matcher m = VARIABLE.matcher(Files.readString(xml));
      while (m.find()) {
        // A default that is another variable (${db.user}) is explained in words, not quoted.
        KEYS.putIfAbsent(m.group(1), m.group(2).contains("${") ? "" : m.group(2));
      }
    }
  }

  private static List<Path> files(String under, String suffix) {
    List<Path> found = new ArrayList<>();
    for (String module :
        List.of(
            "common",
            "db",
            "assistant-client",
            "assistant-service",
            "conversation-service",
            "file-service")) {
      Path dir = ROOT.resolve(module).resolve(under);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.filter(f -> f.getFileName().toString().endsWith(suffix)).forEach(found::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return found;
  }

  static String environmentForm(String key) {
    return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
  }

  private static Optional<String> row(String variable) {
    return guide
        .lines()
        .filter(l -> l.startsWith("|") && l.contains("`" + variable + "`"))
        .findFirst();
  }

  @Test
  void theScanFindsTheKeysItShould() {
    // A guard on the scan itself: if these go missing, the patterns no longer match the code.
    for (String key :
        List.of(
            "openassist.files.chunk-size",
            "openassist.services.assistant-url",
            "openassist.providers",
            "openassist.run.max-request-bytes",
            "openassist.shutdown.grace",
            "db.host",
            "mp.jwt.verify.issuer")) {
      assertTrue(KEYS.containsKey(key), key);
    }
    assertTrue(PROVIDER_SETTINGS.contains("api-key"));
  }

  @Test
  void everyKeyIsInTheGuideWithItsDefault() {
    List<String> missing = new ArrayList<>();
    List<String> wrongDefault = new ArrayList<>();
    KEYS.forEach(
        (key, defaultValue) -> {
          String variable = environmentForm(key);
          Optional<String> row = row(variable);
          if (row.isEmpty()) {
            missing.add(variable + " (" + key + ")");
          } else if (!defaultValue.isEmpty() && !row.get().contains("`" + defaultValue + "`")) {
            wrongDefault.add(variable + " should say `" + defaultValue + "`");
          }
        });
    assertTrue(missing.isEmpty(), () -> "docs/operations.md lacks rows for " + missing);
    assertTrue(wrongDefault.isEmpty(), () -> "docs/operations.md defaults: " + wrongDefault);
  }

  @Test
  void everyProviderSettingIsInTheGuide() {
    for (String setting : PROVIDER_SETTINGS) {
      String variable = "OPENASSIST_PROVIDER_<NAME>_" + environmentForm(setting);
      assertTrue(guide.contains("`" + variable + "`"), variable);
    }
  }

  @Test
  void theGuideNamesNoVariableTheCodeDoesNotRead() {
    Set<String> known = new TreeSet<>();
    KEYS.keySet().forEach(k -> known.add(environmentForm(k)));
    Matcher m = GUIDE_VARIABLE.matcher(guide);
    List<String> unknown = new ArrayList<>();
    while (m.find()) {
      if (!known.contains(m.group(1))) {
        unknown.add(m.group(1));
      }
    }
    assertTrue(unknown.isEmpty(), () -> "docs/operations.md names unknown variables " + unknown);
  }
}
