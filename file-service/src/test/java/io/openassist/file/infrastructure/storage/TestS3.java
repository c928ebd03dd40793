package io.openassist.file.infrastructure.storage;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-compatible server for the tests: S3Proxy over a temporary directory, with AWS
 * signatures checked, and a client of it made the way the service makes its own.
 */
public final class TestS3 implements AutoCloseable {

  private final S3Proxy proxy;
  private final S3Client client;

  private TestS3(S3Proxy proxy, S3Client client) {
    this.proxy = proxy;
    this.client = client;
  }

  /** Starts S3Proxy on {@code port} (0: any free port) with one access key, and a bucket. */
  public static TestS3 start(int port, String accessKey, String secretKey, String bucket)
      throws Exception {
    Path dir = Files.createTempDirectory("s3proxy");
    Properties properties = new Properties();
    properties.setProperty("jclouds.filesystem.basedir", dir.toString());
    BlobStoreContext context =
        ContextBuilder.newBuilder("filesystem")
            .credentials("identity", "credential")
            .overrides(properties)
            .build(BlobStoreContext.class);
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(context.getBlobStore())
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
            .endpoint(URI.create("http://127.0.0.1:" + port))
            .build();
    proxy.start();
    try {
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (!proxy.getState().equals("STARTED") && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      S3Client client =
          StorageConfiguration.s3Client(
              Optional.of(URI.create("http://127.0.0.1:" + proxy.getPort())),
              "us-east-1",
              Optional.of(accessKey),
              Optional.of(secretKey),
              true);
      client.createBucket(b -> b.bucket(bucket));
      return new TestS3(proxy, client);
    } catch (Exception | Error e) {
      proxy.stop();
      throw e;
    }
  }

  public S3Client client() {
    return client;
  }

  @Override
  public void close() throws Exception {
    client.close();
    proxy.stop();
  }
}
