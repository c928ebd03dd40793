package io.openassist.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openassist.testing.ServiceReadinessContract;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FileServiceReadinessIT extends ServiceReadinessContract {

  @Override
  protected String schema() {
    return "file";
  }

  @Test
  void documentsUploadsAsAMultipartFormWithOneFilePart() {
    JsonObject document = api.send("GET", "/openapi?format=JSON", null, null).json();
    JsonObject paths = document.getJsonObject("paths");
    Map<String, String> uploads =
        Map.of(
            "/v1/assistants/{assistant_id}/files", "post",
            "/v1/assistants/{assistant_id}/files/{file_id}", "put",
            "/api/assistant-files/v1/assistants/{assistantId}/files", "post",
            "/api/assistant-files/v1/assistants/{assistantId}/files/{documentId}", "put");
    uploads.forEach(
        (path, method) -> {
          JsonObject body =
              paths.getJsonObject(path).getJsonObject(method).getJsonObject("requestBody");
          assertTrue(body.getBoolean("required"), path);
          JsonObject content = body.getJsonObject("content");
          assertEquals(Set.of("multipart/form-data"), content.keySet(), path);
          assertEquals(
              "#/components/schemas/FileUpload",
              content
                  .getJsonObject("multipart/form-data")
                  .getJsonObject("schema")
                  .getString("$ref"),
              path);
        });
    JsonObject form =
        document.getJsonObject("components").getJsonObject("schemas").getJsonObject("FileUpload");
    assertEquals(List.of("file"), form.getJsonArray("required").getValuesAs(JsonString::getString));
    JsonObject file = form.getJsonObject("properties").getJsonObject("file");
    assertEquals("string", file.getString("type"));
    assertEquals("binary", file.getString("format"));
  }
}
