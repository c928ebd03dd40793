package io.openassist.file;

import static io.openassist.file.FileFixture.meinGpt;
import static io.openassist.file.FileFixture.native_;
import static io.openassist.file.FileFixture.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openassist.file.FileFixture.Part;
import io.openassist.testing.ApiResponse;
import io.openassist.testing.AssistantServiceCompanion;
import io.openassist.testing.HttpApi;
import io.openassist.testing.Tenant;
import io.openassist.testing.TestDatabase;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Another organisation's admin, and a member without a grant, get exactly what they would get for
 * an assistant or file that does not exist — on every operation of both paths — and change nothing.
 */
@ExtendWith(AssistantServiceCompanion.class)
class FileBolaIT {

  private FileFixture a;
  private Tenant b;
  private String fileId;

  @BeforeEach
  void twoOrganisations() {
    FileFixture.resetSchemas();
    a = new FileFixture("Owner org");
    b = Tenant.onboard(a.assistantService, "Other org");
    fileId = a.uploaded(a.editable, "secret.txt", utf8("The secret plan.")).getString("id");
    a.processed(a.editable, fileId);
  }

  /** Every operation on an assistant's files, as one caller would send it. */
  private List<Function<String, ApiResponse>> operations(
      String credential, String base, String file) {
    HttpApi api = new HttpApi().as(credential);
    return List.of(
        x -> api.get(base),
        x -> api.get(base + "/" + file),
        x -> api.get(base + "/" + file + "/content"),
        x -> api.delete(base + "/" + file),
        x ->
            FileFixture.send(
                "POST", base, credential, false, List.of(Part.file("x.txt", utf8("x")))),
        x ->
            FileFixture.send(
                "PUT",
                base + "/" + file,
                credential,
                false,
                List.of(Part.file("x.txt", utf8("x")))),
        x -> api.post(base + "/search", "{\"query\": \"secret\"}"));
  }

  private void assertAllAnswer(
      List<Function<String, ApiResponse>> ops, int status, boolean nativePath) {
    for (Function<String, ApiResponse> op : ops) {
      ApiResponse r = op.apply(null);
      if (nativePath) {
        JsonAssert.problem(r, status);
      } else if (r.status() != 405 && r.status() != 404) {
        JsonAssert.meinGptError(r, status);
      }
    }
  }

  @Test
  void anotherOrganisationSeesNothingAndChangesNothing() {
    String before = TestDatabase.snapshotSchema("file");
    // Native: 404, as for an assistant that does not exist.
    assertAllAnswer(operations(b.adminKey(), native_(a.editable), fileId), 404, true);
    assertAllAnswer(operations(b.adminKey(), native_("asst_missing"), fileId), 404, true);
    // meinGPT: 403 "not available", as for an unknown assistant.
    List<Function<String, ApiResponse>> meinGptOps =
        new java.util.ArrayList<>(
            operations(b.adminKey(), meinGpt(a.editable), fileId).subList(0, 6));
    meinGptOps.remove(2); // meinGPT has no download path
    for (Function<String, ApiResponse> op : meinGptOps) {
      ApiResponse r = op.apply(null);
      JsonAssert.meinGptError(r, 403);
      assertEquals("Assistant not available", r.json().getString("message"));
    }
    JsonAssert.problem(
        new HttpApi()
            .as(b.adminKey())
            .get("/v1/organizations/" + a.tenant.organizationId() + "/file-settings"),
        404);
    JsonAssert.problem(
        new HttpApi()
            .as(b.adminKey())
            .patch(
                "/v1/organizations/" + a.tenant.organizationId() + "/file-settings",
                "{\"files_enabled\": false}"),
        404);
    assertEquals(before, TestDatabase.snapshotSchema("file"));
  }

  @Test
  void aMemberWithoutAGrantSeesNothingAndAFileIsOnlyFoundUnderItsAssistant() {
    String ungranted = a.assistant(a.tenant.adminKey());
    String before = TestDatabase.snapshotSchema("file");
    assertAllAnswer(operations(a.tenant.memberKey(), native_(ungranted), fileId), 404, true);
    // The file exists, but not under the assistant the member may edit's sibling.
    assertAllAnswer(
        operations(a.tenant.memberKey(), native_(a.viewable), fileId).subList(1, 3), 404, true);
    assertEquals(before, TestDatabase.snapshotSchema("file"));
  }

  @Test
  void withoutCredentialsNothingAnswersButA401() {
    for (String path :
        List.of(
            native_(a.editable),
            meinGpt(a.editable),
            native_(a.editable) + "/" + fileId + "/content")) {
      ApiResponse r = new HttpApi().get(path);
      assertEquals(401, r.status(), r::toString);
    }
  }
}
