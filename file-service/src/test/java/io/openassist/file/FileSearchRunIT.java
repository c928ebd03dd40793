package io.openassist.file;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.openassist.file.FileFixture.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.openassist.testing.ApiResponse;
import io.openassist.testing.AssistantServiceCompanion;
import io.openassist.testing.VendorStub;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A run of an assistant with the file_search tool, on the real assistant-service: the passages of
 * its files that match the question reach the model with the instructions, and the run's citations
 * name the file, the passage and its position (readable strings as meinGPT has them, and structured
 * ones).
 */
@ExtendWith(AssistantServiceCompanion.class)
class FileSearchRunIT {

  private FileFixture fx;
  private WireMockServer vendor;

  @BeforeEach
  void anAssistantWithKnowledge() throws Exception {
    FileFixture.resetSchemas();
    fx = new FileFixture("Knowledge");
    vendor = VendorStub.fresh();
    vendor.stubFor(
        post(urlEqualTo("/openai/v1/chat/completions"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(VendorStub.openAiAnswer("Thirty days [1]."))));
  }

  @Test
  void theBestPassagesReachTheModelAndAreCited() throws Exception {
    String handbook =
        fx.uploaded(
                fx.editable,
                "handbook.docx",
                FileProcessingIT.docx(
                    List.of(
                        "Employees receive thirty days of paid vacation every year.",
                        "The canteen opens at noon.")))
            .getString("id");
    String other =
        fx.uploaded(fx.editable, "travel.txt", utf8("Travel must be booked through the portal."))
            .getString("id");
    fx.processed(fx.editable, handbook);
    fx.processed(fx.editable, other);

    ApiResponse run =
        fx.assistantService
            .as(fx.tenant.memberKey())
            .post(
                "/v1/assistants/" + fx.editable + "/run",
                "{\"messages\": [{\"role\": \"user\", \"content\": \"How many vacation days do I get?\"}]}");
    assertEquals(200, run.status(), run::toString);
    JsonObject body = run.json();
    assertEquals(1, body.getJsonArray("file_citations").size(), body::toString);
    JsonObject cited = body.getJsonArray("file_citations").getJsonObject(0);
    assertEquals(handbook, cited.getString("file_id"));
    assertEquals("handbook.docx", cited.getString("file_name"));
    assertEquals(0, cited.getInt("position"));
    assertTrue(cited.getString("text").contains("thirty days"));
    String readable = body.getJsonArray("citations").getString(0);
    assertTrue(readable.startsWith("handbook.docx, passage 1: "), readable);

    // What the model was sent: the instructions, then the passage, numbered.
    String sent =
        vendor
            .findAll(postRequestedFor(urlEqualTo("/openai/v1/chat/completions")))
            .get(0)
            .getBodyAsString();
    JsonObject system =
        Json.createReader(new StringReader(sent))
            .readObject()
            .getJsonArray("messages")
            .getJsonObject(0);
    assertEquals("system", system.getString("role"));
    String instructions = system.getString("content");
    assertTrue(instructions.startsWith("Answer from the files."), instructions);
    assertTrue(
        instructions.contains("[1] handbook.docx, passage 1:\nEmployees receive thirty days"),
        instructions);
    assertTrue(
        !instructions.contains("Travel must be booked"), "only matching passages: " + instructions);

    // On meinGPT's run path, the citations are the readable strings.
    ApiResponse meinGpt =
        fx.assistantService
            .as(fx.tenant.memberKey())
            .post(
                "/api/assistants/v1/" + fx.editable + "/run",
                "{\"messages\": [{\"role\": \"user\", \"content\": \"vacation days\"}]}");
    assertEquals(200, meinGpt.status(), meinGpt::toString);
    assertTrue(meinGpt.json().getJsonArray("citations").getString(0).startsWith("handbook.docx"));
  }

  @Test
  void aRunFindsOnlyWhatTheCallerMaySee() throws Exception {
    // The member's files are on the assistant it may edit; the run of the other assistant (also
    // with file_search) finds none of them.
    String handbook =
        fx.uploaded(fx.editable, "handbook.txt", utf8("Thirty days of vacation.")).getString("id");
    fx.processed(fx.editable, handbook);
    ApiResponse run =
        fx.assistantService
            .as(fx.tenant.memberKey())
            .post(
                "/v1/assistants/" + fx.viewable + "/run",
                "{\"messages\": [{\"role\": \"user\", \"content\": \"vacation\"}]}");
    assertEquals(200, run.status(), run::toString);
    assertEquals(0, run.json().getJsonArray("file_citations").size());
    assertEquals(0, run.json().getJsonArray("citations").size());
  }
}
