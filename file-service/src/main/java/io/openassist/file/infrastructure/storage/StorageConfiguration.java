package io.openassist.file.infrastructure.storage;

import io.openassist.file.application.FileStorage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * Chooses the storage from configuration: {@code openassist.files.storage} ({@code
 * OPENASSIST_FILES_STORAGE}) {@code filesystem} (the default; {@code openassist.files.directory})
 * or {@code s3} (an S3-compatible store: {@code openassist.files.s3.bucket}, {@code .endpoint} for
 * anything but AWS, {@code .region}, {@code .access-key}/{@code .secret-key} or the AWS default
 * credential chain, {@code .path-style}, {@code .prefix}).
 */
@ApplicationScoped
public class StorageConfiguration {

  @Inject
  @ConfigProperty(name = "openassist.files.storage", defaultValue = "filesystem")
  String kind;

  @Inject
  @ConfigProperty(name = "openassist.files.directory", defaultValue = "files")
  String directory;

  @Inject
  @ConfigProperty(name = "openassist.files.s3.bucket")
  Optional<String> bucket;

  @Inject
  @ConfigProperty(name = "openassist.files.s3.endpoint")
  Optional<URI> endpoint;

  @Inject
  @ConfigProperty(name = "openassist.files.s3.region", defaultValue = "us-east-1")
  String region;

  @Inject
  @ConfigProperty(name = "openassist.files.s3.access-key")
  Optional<String> accessKey;

  @Inject
  @ConfigProperty(name = "openassist.files.s3.secret-key")
  Optional<String> secretKey;

  @Inject
  @ConfigProperty(name = "openassist.files.s3.path-style", defaultValue = "true")
  boolean pathStyle;

  @Inject
  @ConfigProperty(name = "openassist.files.s3.prefix")
  Optional<String> prefix;

  @Produces
  @ApplicationScoped
  FileStorage storage() {
    switch (kind.trim().toLowerCase(Locale.ROOT)) {
      case "filesystem":
        return new FilesystemStorage(Path.of(directory));
      case "s3":
        return new S3Storage(
            s3(),
            requiredBucket(),
            prefix.filter(p -> !p.isBlank()).map(StorageConfiguration::withSlash).orElse(""));
      default:
        throw new IllegalStateException(
            "openassist.files.storage must be filesystem or s3, not '" + kind + "'");
    }
  }

  private S3Client s3() {
    return s3Client(endpoint, region, accessKey, secretKey, pathStyle);
  }

  /** An S3 client for an S3-compatible store, on the JDK's HTTP client. */
  public static S3Client s3Client(
      Optional<URI> endpoint,
      String region,
      Optional<String> accessKey,
      Optional<String> secretKey,
      boolean pathStyle) {
    AwsCredentialsProvider credentials =
        accessKey.isPresent() && secretKey.isPresent()
            ? StaticCredentialsProvider.create(
                AwsBasicCredentials.create(accessKey.get(), secretKey.get()))
            : DefaultCredentialsProvider.builder().build();
    S3ClientBuilder builder =
        S3Client.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .region(Region.of(region))
            .credentialsProvider(credentials)
            // Only what S3 requires: not every S3-compatible store knows the newer checksums.
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .serviceConfiguration(
                S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build());
    endpoint.ifPresent(builder::endpointOverride);
    return builder.build();
  }

  private String requiredBucket() {
    return bucket
        .filter(b -> !b.isBlank())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "openassist.files.storage=s3 needs openassist.files.s3.bucket"
                        + " (OPENASSIST_FILES_S3_BUCKET)"));
  }

  private static String withSlash(String prefix) {
    return prefix.endsWith("/") ? prefix : prefix + "/";
  }
}
