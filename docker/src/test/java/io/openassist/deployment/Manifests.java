package io.openassist.deployment;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.openshift.api.model.Route;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the YAML under {@code docker/} into typed objects: the Kubernetes and OpenShift API types
 * of fabric8's kubernetes-model, and for the custom resources ({@link CustomResources}) records of
 * the fields their operators document. Unknown fields are refused: fabric8's types keep them in
 * {@code additionalProperties} (checked to be empty, everywhere in the object), the records fail to
 * bind.
 */
final class Manifests {

  static final Path ROOT = Path.of(System.getProperty("repository.root", "..")).toAbsolutePath();
  static final Path DOCKER = ROOT.resolve("docker");
  static final Path OPENSHIFT = DOCKER.resolve("openshift");
  static final List<String> SERVICES =
      List.of("assistant-service", "conversation-service", "file-service");

  static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private static final Map<String, Class<?>> TYPES =
      Map.ofEntries(
          Map.entry("v1/ConfigMap", ConfigMap.class),
          Map.entry("v1/Secret", Secret.class),
          Map.entry("v1/Service", Service.class),
          Map.entry("v1/PersistentVolumeClaim", PersistentVolumeClaim.class),
          Map.entry("apps/v1/Deployment", Deployment.class),
          Map.entry("batch/v1/Job", Job.class),
          Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
          Map.entry("route.openshift.io/v1/Route", Route.class),
          Map.entry(
              "apps.openliberty.io/v1/OpenLibertyApplication",
              CustomResources.OpenLibertyApplication.class),
          Map.entry("postgresql.cnpg.io/v1/Cluster", CustomResources.Cluster.class),
          Map.entry(
              "kustomize.config.k8s.io/v1beta1/Kustomization",
              CustomResources.Kustomization.class));

  /** One document of one file, bound to its type. */
  record Document(Path file, String kind, Object object) {}

  private Manifests() {}

  static List<Path> yamlFiles(Path under) {
    try (Stream<Path> files = Files.walk(under)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every document under {@code docker/openshift}, typed; any unknown kind or field fails. */
  static List<Document> all() {
    List<Document> documents = new ArrayList<>();
    for (Path file : yamlFiles(OPENSHIFT)) {
      documents.addAll(read(file));
    }
    return documents;
  }

  static List<Document> read(Path file) {
    List<Document> documents = new ArrayList<>();
    try (MappingIterator<JsonNode> nodes =
        YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
      while (nodes.hasNext()) {
        JsonNode node = nodes.next();
        if (node == null || node.isNull() || node.isEmpty()) {
          continue;
        }
        String type = node.path("apiVersion").asText() + "/" + node.path("kind").asText();
        Class<?> javaType = TYPES.get(type);
        if (javaType == null) {
          throw new AssertionError(file + ": no known API type " + type);
        }
        Object object;
        try {
          object = YAML.treeToValue(node, javaType);
        } catch (IOException e) {
          throw new AssertionError(file + ": " + type + " does not bind: " + e.getMessage(), e);
        }
        List<String> unknown = new ArrayList<>();
        unknownFields(object, type, unknown, 0);
        if (!unknown.isEmpty()) {
          throw new AssertionError(file + ": unknown fields " + unknown);
        }
        documents.add(new Document(file, node.path("kind").asText(), object));
      }
    } catch (IOException e) {
      throw new AssertionError(file + " is not YAML: " + e.getMessage(), e);
    }
    return documents;
  }

  /** Walks fabric8 model objects: every {@code additionalProperties} must be empty. */
  private static void unknownFields(Object value, String path, List<String> unknown, int depth) {
    if (value == null || depth > 40) {
      return;
    }
    if (value instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        unknownFields(item, path + "[" + i++ + "]", unknown, depth + 1);
      }
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> unknownFields(v, path + "." + k, unknown, depth + 1));
      return;
    }
    String pkg = value.getClass().getPackageName();
    if (!pkg.startsWith("io.fabric8") && !pkg.startsWith("io.openassist")) {
      return;
    }
    for (Method getter : value.getClass().getMethods()) {
      if (getter.getParameterCount() != 0
          || Modifier.isStatic(getter.getModifiers())
          || getter.getDeclaringClass() == Object.class
          || getter.getReturnType().isPrimitive()
          || getter.getReturnType().isEnum()
          || getter.getReturnType() == String.class
          || getter.getReturnType() == Class.class) {
        continue;
      }
      boolean recordAccessor =
          value.getClass().isRecord()
              && Stream.of(value.getClass().getRecordComponents())
                  .anyMatch(c -> c.getName().equals(getter.getName()));
      if (!getter.getName().startsWith("get") && !recordAccessor) {
        continue;
      }
      Object child;
      try {
        child = getter.invoke(value);
      } catch (ReflectiveOperationException e) {
        continue;
      }
      if (getter.getName().equals("getAdditionalProperties")) {
        if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
          unknown.add(path + ": " + extra.keySet());
        }
        continue;
      }
      unknownFields(child, path + "." + getter.getName(), unknown, depth + 1);
    }
  }

  @SuppressWarnings("unchecked")
  static <T> List<T> ofType(List<Document> documents, Class<T> type) {
    return documents.stream()
        .map(Document::object)
        .filter(type::isInstance)
        .map(o -> (T) o)
        .toList();
  }
}
