package io.openassist.deployment;

import static io.openassist.deployment.Manifests.SERVICES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.openshift.api.model.Route;
import io.openassist.deployment.CustomResources.Kustomization;
import io.openassist.deployment.CustomResources.OpenLibertyApplication;
import io.openassist.deployment.Manifests.Document;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenShift manifests under {@code docker/openshift}: every document is a known API type with
 * no unknown field ({@link Manifests}), and each service has, with and without the operator, its
 * three MicroProfile Health probes, resource requests and limits sized above the heap, a non-root
 * restricted security context, secrets only by reference, a Service, a Route and an autoscaler.
 */
class OpenShiftManifestsTest {

  private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|TOKEN|SECRET|API_KEY).*");
  private static List<Document> documents;

  @BeforeAll
  static void read() {
    documents = Manifests.all();
  }

  @Test
  void everyManifestIsAKnownTypeWithoutUnknownFields() {
    assertTrue(documents.size() >= 20, () -> "only " + documents.size() + " documents");
  }

  @Test
  void unknownFieldsAreRefused() throws IOException {
    Path bad = Files.createTempFile("bad", ".yaml");
    Files.writeString(
        bad,
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: x
        spec:
          template:
            spec:
              containers:
                - name: x
                  image: x
                  readinessprobe: {}
        """);
    AssertionError refused =
        org.junit.jupiter.api.Assertions.assertThrows(
            AssertionError.class, () -> Manifests.read(bad));
    assertTrue(refused.getMessage().contains("readinessprobe"), refused::getMessage);
    Files.writeString(
        bad,
        """
        apiVersion: apps.openliberty.io/v1
        kind: OpenLibertyApplication
        metadata:
          name: x
        spec:
          applicationImage: x
          probe: {}
        """);
    org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> Manifests.read(bad));
    Files.delete(bad);
  }

  @Test
  void eachServiceHasADeploymentWithProbesLimitsAndARestrictedSecurityContext() {
    List<Deployment> deployments = Manifests.ofType(documents, Deployment.class);
    for (String service : SERVICES) {
      Deployment deployment = named(deployments, service);
      var pod = deployment.getSpec().getTemplate().getSpec();
      // Above Liberty's 30 s quiesce plus the streams' grace (docs/operations.md, section 9).
      assertTrue(pod.getTerminationGracePeriodSeconds() >= 45, service);
      Container container = pod.getContainers().get(0);
      assertEquals(service, container.getName());
      assertProbes(
          service,
          container.getStartupProbe(),
          container.getReadinessProbe(),
          container.getLivenessProbe());
      assertResources(service, container.getResources());
      assertRestricted(service, container.getSecurityContext());
      assertSecretsByReference(service, container.getEnv());
      assertEquals(9080, container.getPorts().get(0).getContainerPort(), service);
    }
  }

  @Test
  void eachServiceHasAServiceARouteAndAnAutoscaler() {
    for (String service : SERVICES) {
      Service s = named(Manifests.ofType(documents, Service.class), service);
      assertEquals(service, s.getSpec().getSelector().get("app.kubernetes.io/name"));
      Route route = named(Manifests.ofType(documents, Route.class), service);
      assertEquals(service, route.getSpec().getTo().getName());
      assertEquals("edge", route.getSpec().getTls().getTermination());
      HorizontalPodAutoscaler hpa =
          named(Manifests.ofType(documents, HorizontalPodAutoscaler.class), service);
      assertEquals("Deployment", hpa.getSpec().getScaleTargetRef().getKind());
      assertEquals(service, hpa.getSpec().getScaleTargetRef().getName());
      assertTrue(hpa.getSpec().getMinReplicas() >= 2, service);
      assertTrue(hpa.getSpec().getMaxReplicas() > hpa.getSpec().getMinReplicas(), service);
    }
  }

  @Test
  void eachServiceHasAnOpenLibertyApplicationWithTheSameGuarantees() {
    List<OpenLibertyApplication> applications =
        Manifests.ofType(documents, OpenLibertyApplication.class);
    for (String service : SERVICES) {
      OpenLibertyApplication app =
          applications.stream()
              .filter(a -> a.metadata().getName().equals(service))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no OpenLibertyApplication " + service));
      var spec = app.spec();
      assertTrue(spec.applicationImage().contains(service), service);
      assertProbes(
          service, spec.probes().startup(), spec.probes().readiness(), spec.probes().liveness());
      assertResources(service, spec.resources());
      assertRestricted(service, spec.securityContext());
      assertSecretsByReference(service, spec.env());
      assertEquals(9080, spec.service().port(), service);
      // Its pods keep Kubernetes' 30 s: the streams' grace must end well before.
      String grace =
          spec.env().stream()
              .filter(e -> e.getName().equals("OPENASSIST_SHUTDOWN_GRACE"))
              .map(EnvVar::getValue)
              .findFirst()
              .orElseThrow(
                  () -> new AssertionError(service + " sets no OPENASSIST_SHUTDOWN_GRACE"));
      assertTrue(java.time.Duration.parse(grace).getSeconds() <= 20, service + ": " + grace);
      assertNotNull(spec.autoscaling(), service);
      assertTrue(spec.autoscaling().minReplicas() >= 2, service);
    }
  }

  @Test
  void fileBytesLiveOnAVolumeClaim() {
    var container =
        named(Manifests.ofType(documents, Deployment.class), "file-service")
            .getSpec()
            .getTemplate()
            .getSpec();
    String claim =
        container.getVolumes().stream()
            .filter(v -> v.getPersistentVolumeClaim() != null)
            .map(v -> v.getPersistentVolumeClaim().getClaimName())
            .findFirst()
            .orElseThrow();
    assertTrue(
        Manifests.ofType(documents, io.fabric8.kubernetes.api.model.PersistentVolumeClaim.class)
            .stream()
            .anyMatch(p -> p.getMetadata().getName().equals(claim)));
    String directory =
        container.getContainers().get(0).getEnv().stream()
            .filter(e -> e.getName().equals("OPENASSIST_FILES_DIRECTORY"))
            .map(EnvVar::getValue)
            .findFirst()
            .orElseThrow();
    assertTrue(
        container.getContainers().get(0).getVolumeMounts().stream()
            .anyMatch(m -> m.getMountPath().equals(directory)));
  }

  @Test
  void theMigrationJobRunsEachServiceOnceInMigrateOnlyMode() {
    Job job =
        Manifests.ofType(documents, Job.class).stream()
            .findFirst()
            .orElseThrow(() -> new AssertionError("no migration Job"));
    List<Container> containers = job.getSpec().getTemplate().getSpec().getContainers();
    assertEquals(
        Set.copyOf(SERVICES),
        containers.stream().map(Container::getName).collect(Collectors.toSet()));
    assertEquals("Never", job.getSpec().getTemplate().getSpec().getRestartPolicy());
    for (Container c : containers) {
      assertTrue(
          c.getEnv().stream()
              .anyMatch(
                  e ->
                      e.getName().equals("OPENASSIST_DB_MIGRATE_ONLY")
                          && "true".equals(e.getValue())),
          c.getName());
      assertRestricted(c.getName(), c.getSecurityContext());
      assertSecretsByReference(c.getName(), c.getEnv());
    }
  }

  @Test
  void everyKustomizationNamesFilesThatExist() {
    for (Path file : Manifests.yamlFiles(Manifests.OPENSHIFT)) {
      if (!file.getFileName().toString().equals("kustomization.yaml")) {
        continue;
      }
      Kustomization k = (Kustomization) Manifests.read(file).get(0).object();
      assertFalse(k.resources().isEmpty(), file::toString);
      for (String resource : k.resources()) {
        assertTrue(Files.exists(file.getParent().resolve(resource)), file + " names " + resource);
      }
    }
  }

  /** The three MicroProfile Health endpoints, over HTTP on the service port. */
  private static void assertProbes(String service, Probe startup, Probe readiness, Probe liveness) {
    assertNotNull(startup, service + " startup probe");
    assertNotNull(readiness, service + " readiness probe");
    assertNotNull(liveness, service + " liveness probe");
    assertEquals("/health/started", startup.getHttpGet().getPath(), service);
    assertEquals("/health/ready", readiness.getHttpGet().getPath(), service);
    assertEquals("/health/live", liveness.getHttpGet().getPath(), service);
    // Start-up includes the migration: at least 120 s before liveness may restart the pod.
    assertTrue(
        startup.getPeriodSeconds() * startup.getFailureThreshold() >= 120,
        service + " startup probe allows too little time");
  }

  /**
   * Requests and limits for memory and CPU; the memory limit leaves room above the heap the image
   * runs with (docker/jvm.options: -Xmx) for metaspace, threads and native buffers.
   */
  private static void assertResources(String service, ResourceRequirements resources) {
    assertNotNull(resources, service + " resources");
    for (String kind : List.of("memory", "cpu")) {
      assertNotNull(resources.getRequests().get(kind), service + " requests " + kind);
      assertNotNull(resources.getLimits().get(kind), service + " limits " + kind);
    }
    long limit = bytes(resources.getLimits().get("memory"));
    long request = bytes(resources.getRequests().get("memory"));
    long heap = imageHeapBytes();
    assertTrue(limit >= heap * 3 / 2 + 64L * 1024 * 1024, service + ": memory limit under heap");
    assertTrue(request <= limit, service);
    assertTrue(request >= heap, service + ": memory request under the heap");
  }

  private static long bytes(Quantity quantity) {
    return Quantity.getAmountInBytes(quantity).longValueExact();
  }

  static long imageHeapBytes() {
    try {
      Matcher m =
          Pattern.compile("(?m)^-Xmx(\\d+)m$")
              .matcher(Files.readString(Manifests.DOCKER.resolve("jvm.options")));
      assertTrue(m.find(), "docker/jvm.options sets no -Xmx");
      return Long.parseLong(m.group(1)) * 1024 * 1024;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** OpenShift's restricted profile: non-root, no escalation, no capabilities, seccomp. */
  private static void assertRestricted(String service, SecurityContext context) {
    assertNotNull(context, service + " securityContext");
    assertEquals(Boolean.TRUE, context.getRunAsNonRoot(), service);
    assertEquals(Boolean.FALSE, context.getAllowPrivilegeEscalation(), service);
    assertTrue(context.getCapabilities().getDrop().contains("ALL"), service);
    assertNotEquals(Long.valueOf(0), context.getRunAsUser(), service);
    assertNotEquals(Boolean.TRUE, context.getPrivileged(), service);
    assertEquals("RuntimeDefault", context.getSeccompProfile().getType(), service);
  }

  /** A password, token or key is never written into a manifest's env: it comes from a Secret. */
  private static void assertSecretsByReference(String service, List<EnvVar> env) {
    for (EnvVar var : env == null ? List.<EnvVar>of() : env) {
      if (SECRET_NAME.matcher(var.getName()).matches()) {
        assertTrue(
            var.getValue() == null
                && var.getValueFrom() != null
                && var.getValueFrom().getSecretKeyRef() != null,
            service + ": " + var.getName() + " must come from a Secret");
      }
    }
  }

  private static <T extends io.fabric8.kubernetes.api.model.HasMetadata> T named(
      List<T> objects, String name) {
    return objects.stream()
        .filter(o -> o.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " among " + objects));
  }
}
