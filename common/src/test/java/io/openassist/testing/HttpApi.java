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

  public HttpApi() {
    this(ServiceUnderTest.baseUrl());
  }

  public HttpApi(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public ApiResponse get(String path) {
    return send("GET", path, null, null);
  }

  public ApiResponse post(String path, String json) {
    return send("POST", path, json, "application/json");
  }

  public ApiResponse delete(String path) {
    return send("DELETE", path, null, null);
  }

  /** Any method, body and content type, for the requests a well-behaved client would not send. */
  public ApiResponse send(String method, String path, String body, String contentType) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(TIMEOUT)
            .header("Accept", "application/json, application/problem+json");
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
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
