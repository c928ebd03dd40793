package io.openassist.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP client for the service under test, speaking to it as a portal would. */
public final class HttpApi {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;
  private final String authorization;

  /** An anonymous client of the service under test. */
  public HttpApi() {
    this(ServiceUnderTest.baseUrl(), null);
  }

  /** An anonymous client of the service at this base URL. */
  public HttpApi(String baseUrl) {
    this(baseUrl, null);
  }

  private HttpApi(String baseUrl, String authorization) {
    this.baseUrl = baseUrl;
    this.authorization = authorization;
  }

  /** The same client presenting {@code Authorization: Bearer <credential>}. */
  public HttpApi as(String credential) {
    return new HttpApi(baseUrl, "Bearer " + credential);
  }

  /** The same client presenting this exact {@code Authorization} header (or none, for null). */
  public HttpApi withAuthorization(String header) {
    return new HttpApi(baseUrl, header);
  }

  public ApiResponse get(String path) {
    return send("GET", path, null, null);
  }

  public ApiResponse post(String path, String json) {
    return send("POST", path, json, "application/json");
  }

  public ApiResponse patch(String path, String json) {
    return send("PATCH", path, json, "application/json");
  }

  public ApiResponse delete(String path) {
    return send("DELETE", path, null, null);
  }

  /** Any method, body and content type, for the requests a well-behaved client would not send. */
  public ApiResponse send(String method, String path, String body, String contentType) {
    return exchange(
        method,
        path,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body),
        contentType);
  }

  /** A JSON body given as raw bytes, which need not be UTF-8. */
  public ApiResponse sendBytes(String method, String path, byte[] body) {
    return exchange(method, path, HttpRequest.BodyPublishers.ofByteArray(body), "application/json");
  }

  private ApiResponse exchange(
      String method, String path, HttpRequest.BodyPublisher body, String contentType) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(TIMEOUT)
            .header("Accept", "application/json, application/problem+json");
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    request.method(method, body);
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new ApiResponse(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(method + " " + path + " interrupted", e);
    }
  }
}
