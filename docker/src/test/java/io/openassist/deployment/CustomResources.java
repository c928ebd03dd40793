package io.openassist.deployment;

import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.List;
import java.util.Map;

/**
 * The custom resources the manifests use, as records of the fields their operators document (any
 * other field fails to bind): the Open Liberty Operator's {@code OpenLibertyApplication}
 * (apps.openliberty.io/v1), CloudNativePG's {@code Cluster} (postgresql.cnpg.io/v1) and kustomize's
 * {@code Kustomization}. Nested Kubernetes types are fabric8's.
 */
final class CustomResources {

  private CustomResources() {}

  record OpenLibertyApplication(
      String apiVersion, String kind, ObjectMeta metadata, OpenLibertyApplicationSpec spec) {}

  record OpenLibertyApplicationSpec(
      String applicationImage,
      String applicationName,
      String applicationVersion,
      String pullPolicy,
      Integer replicas,
      Autoscaling autoscaling,
      ResourceRequirements resources,
      Boolean manageTLS,
      OlService service,
      Boolean expose,
      OlRoute route,
      OlServiceAccount serviceAccount,
      Boolean disableServiceLinks,
      List<EnvFromSource> envFrom,
      List<EnvVar> env,
      List<Volume> volumes,
      List<VolumeMount> volumeMounts,
      SecurityContext securityContext,
      OlProbes probes) {}

  record Autoscaling(
      Integer minReplicas, Integer maxReplicas, Integer targetCPUUtilizationPercentage) {}

  record OlService(String type, Integer port, Integer targetPort, String portName) {}

  record OlRoute(
      String host,
      String path,
      String termination,
      String insecureEdgeTerminationPolicy,
      Map<String, String> annotations) {}

  record OlServiceAccount(String name, Boolean mountToken) {}

  record OlProbes(Probe startup, Probe readiness, Probe liveness) {}

  record Cluster(String apiVersion, String kind, ObjectMeta metadata, ClusterSpec spec) {}

  record ClusterSpec(
      Integer instances,
      String imageName,
      Storage storage,
      Bootstrap bootstrap,
      Managed managed,
      PostgresConfiguration postgresql,
      ResourceRequirements resources) {}

  record Storage(String size, String storageClass) {}

  record Bootstrap(InitDb initdb) {}

  record InitDb(
      String database,
      String owner,
      LocalObjectReference secret,
      List<String> postInitApplicationSQL) {}

  record LocalObjectReference(String name) {}

  record Managed(List<RoleConfiguration> roles) {}

  record RoleConfiguration(
      String name,
      String ensure,
      String comment,
      Boolean login,
      Boolean superuser,
      Boolean createdb,
      Boolean createrole,
      Boolean inherit,
      Integer connectionLimit,
      List<String> inRoles,
      LocalObjectReference passwordSecret) {}

  record PostgresConfiguration(Map<String, String> parameters) {}

  record Kustomization(String apiVersion, String kind, List<String> resources) {}
}
