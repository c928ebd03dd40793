package io.openassist.assistant.run;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.openassist.common.web.json.Jsonp;
import io.openassist.testing.ApiResponse;
import io.openassist.testing.HttpApi;
import io.openassist.testing.ServiceUnderTest;
import io.openassist.testing.Tenant;
import io.openassist.testing.TestDatabase;
import io.openassist.testing.VendorStub;
import jakarta.json.JsonArray;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs sent as multipart/form-data (meinGPT's alternative): messages as a JSON string, text files
 * as context with their names, other files refused, the same input checks as the JSON body.
 */
class RunWithFilesIT {

  private static final String OPENAI = "/openai/v1/chat/completions";
  private static final String BOUNDARY = "----openassist-test-boundary";
  private static final String CHAT = "[{\"role\": \"user\", \"content\": \"Summarise the file.\"}]";

  private WireMockServer vendor;
  private Tenant tenant;
  private String assistantId;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void freshTenantAndVendor() {
    vendor = VendorStub.fresh();
    vendor.stubFor(
        post(urlEqualTo(OPENAI)).willReturn(okJson(VendorStub.openAiAnswer("Summary."))));
    tenant = Tenant.onboard(new HttpApi(), "Files " + System.nanoTime());
    ApiResponse created =
        new HttpApi().as(tenant.adminKey()).post("/v1/assistants", "{\"model\": \"gpt-4o\"}");
    assertEquals(200, created.status(), created::toString);
    assistantId = created.json().getString("id");
  }

  /** A multipart body: each part is {name, filename or null, content type or null, bytes}. */
  private static byte[] multipart(Object[]... parts) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Object[] part : parts) {
      StringBuilder head = new StringBuilder("--" + BOUNDARY + "\r\n");
      head.append("Content-Disposition: form-data; name=\"").append(part[0]).append('"');
      if (part[1] != null) {
        head.append("; filename=\"").append(part[1]).append('"');
      }
      head.append("\r\n");
      if (part[2] != null) {
        head.append("Content-Type: ").append(part[2]).append("\r\n");
      }
      head.append("\r\n");
      body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
      body.writeBytes(
          part[3] instanceof byte[] b ? b : ((String) part[3]).getBytes(StandardCharsets.UTF_8));
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }

  private ApiResponse send(String path, byte[] body) throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create(ServiceUnderTest.baseUrl() + path))
                .header("Authorization", "Bearer " + tenant.adminKey())
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return new ApiResponse(response.statusCode(), response.headers(), response.body());
  }

  private String run() {
    return "/v1/assistants/" + assistantId + "/run";
  }

  private long runs() {
    return TestDatabase.count(
        "SELECT count(*) FROM assistant.run WHERE assistant_id = ?", assistantId);
  }

  @Test
  void textFilesGoToTheModelAsContextWithTheirNames() throws Exception {
    ApiResponse run =
        send(
            run(),
            multipart(
                new Object[] {"messages", null, null, CHAT},
                new Object[] {
                  "files", "notes.md", "text/markdown", "# Notes\nPluto is a dwarf planet."
                },
                new Object[] {
                  "files", "data.csv", "application/octet-stream", "planet,moons\nMars,2\n"
                }));
    assertEquals(200, run.status(), run::toString);
    assertEquals("Summary.", run.json().getString("text"));

    JsonArray sent =
        Jsonp.reader(
                new StringReader(
                    vendor.findAll(postRequestedFor(urlEqualTo(OPENAI))).get(0).getBodyAsString()))
            .readObject()
            .getJsonArray("messages");
    assertEquals(3, sent.size(), sent::toString);
    assertEquals(
        "Attached file \"notes.md\":\n\n# Notes\nPluto is a dwarf planet.",
        sent.getJsonObject(0).getString("content"));
    assertTrue(sent.getJsonObject(1).getString("content").startsWith("Attached file \"data.csv\""));
    assertEquals(
        "Summarise the file.",
        sent.getJsonObject(2).getString("content"),
        "the question stays last");
    assertEquals(1L, runs());
  }

  @Test
  void otherFileTypesAreRefusedWith415AndNothingRuns() throws Exception {
    ApiResponse pdf =
        send(
            run(),
            multipart(
                new Object[] {"messages", null, null, CHAT},
                new Object[] {
                  "files", "report.pdf", "application/pdf", new byte[] {'%', 'P', 'D', 'F', 0, 1, 2}
                }));
    assertEquals(415, pdf.status(), pdf::toString);
    assertEquals("unsupported_file_type", pdf.json().getString("code"));
    assertEquals("files[0]", pdf.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    ApiResponse binaryPosingAsText =
        send(
            run(),
            multipart(
                new Object[] {"messages", null, null, CHAT},
                new Object[] {
                  "files", "x.txt", "text/plain", new byte[] {(byte) 0xff, (byte) 0xfe, 0}
                }));
    assertEquals(415, binaryPosingAsText.status(), binaryPosingAsText::toString);
    assertEquals(0, vendor.getAllServeEvents().size());
    assertEquals(0L, runs());
  }

  @Test
  void theFieldsPassTheSameChecksAsTheJsonBody() throws Exception {
    String[][] cases = {
      {null, "messages"},
      {"[{\"role\": \"wizard\", \"content\": \"Hi\"}]", "messages[0].role"},
      {"[{\"role\": \"user\", \"content\": \"nul \\u0000 here\"}]", "messages[0].content"},
      {"{\"role\": \"user\"}", "messages"},
      {"[{\"role\": \"user\", \"content\": ", "messages"},
    };
    for (String[] c : cases) {
      byte[] body =
          c[0] == null
              ? multipart(new Object[] {"model", null, null, "gpt-4o"})
              : multipart(new Object[] {"messages", null, null, c[0]});
      ApiResponse refused = send(run(), body);
      assertEquals(400, refused.status(), () -> c[0] + " -> " + refused);
      assertTrue(refused.contentType().startsWith("application/problem+json"), refused::toString);
      assertTrue(
          refused.body().contains("\"" + c[1] + "\""),
          () -> c[0] + " should name " + c[1] + ": " + refused);
    }
    ApiResponse unknownPart =
        send(
            run(),
            multipart(
                new Object[] {"messages", null, null, CHAT},
                new Object[] {"extra", null, null, "x"}));
    assertEquals(400, unknownPart.status(), unknownPart::toString);
    ApiResponse nulInModel =
        send(
            run(),
            multipart(
                new Object[] {"messages", null, null, CHAT},
                new Object[] {"model", null, null, "gpt\u0000"}));
    assertEquals(400, nulInModel.status(), nulInModel::toString);
    assertEquals(0, vendor.getAllServeEvents().size());
    assertEquals(0L, runs());
  }

  @Test
  void aRequestOverTheLimitIsA413() throws Exception {
    byte[] big = new byte[21 * 1024 * 1024];
    java.util.Arrays.fill(big, (byte) 'a');
    ApiResponse tooBig =
        send(
            run(),
            multipart(
                new Object[] {"messages", null, null, CHAT},
                new Object[] {"files", "big.txt", "text/plain", big}));
    assertEquals(413, tooBig.status(), tooBig::toString);
    assertEquals("payload_too_large", tooBig.json().getString("code"));
    assertEquals(0L, runs());
  }

  @Test
  void meinGptTakesTheSameMultipartRunAndAnswersItsErrorShape() throws Exception {
    String path = "/api/assistants/v1/" + assistantId + "/run";
    ApiResponse run =
        send(
            path,
            multipart(
                new Object[] {"messages", null, null, CHAT},
                new Object[] {"files", "a.txt", "text/plain", "hello"}));
    assertEquals(200, run.status(), run::toString);
    assertEquals("Summary.", run.json().getString("text"));
    ApiResponse refused = send(path, multipart(new Object[] {"messages", null, null, "[]"}));
    assertEquals(400, refused.status(), refused::toString);
    assertEquals("error", refused.json().getString("status"));
  }
}
