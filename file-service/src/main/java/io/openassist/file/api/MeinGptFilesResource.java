package io.openassist.file.api;

import io.openassist.common.error.compat.MeinGptApi;
import io.openassist.common.web.BodyLimit;
import io.openassist.file.application.KnowledgeFiles;
import io.openassist.file.domain.KnowledgeFile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * meinGPT's Assistant Files API, exactly as its documentation shows it: {@code
 * /api/assistant-files/v1/assistants/{assistantId}/files[/{documentId}]}, camelCase members, ISO
 * 8601 times, and errors as {@code {"status": "error", "message"}} (403 for an assistant the caller
 * cannot see). The same use cases as the native {@link FilesResource}.
 */
@ApplicationScoped
@Path("api/assistant-files/v1/assistants/{assistantId}/files")
@Produces(MediaType.APPLICATION_JSON)
@MeinGptApi
@Tag(name = "meinGPT Assistant Files")
public class MeinGptFilesResource {

  @Inject KnowledgeFiles files;
  @Inject Uploads uploads;

  @JsonbPropertyOrder({
    "id",
    "originalName",
    "mimeType",
    "size",
    "createdAt",
    "updatedAt",
    "checksum"
  })
  public record MeinGptListedFile(
      String id,
      @JsonbProperty("originalName") String originalName,
      @JsonbProperty("mimeType") String mimeType,
      long size,
      @JsonbProperty("createdAt") String createdAt,
      @JsonbProperty("updatedAt") String updatedAt,
      String checksum) {

    static MeinGptListedFile from(KnowledgeFile f) {
      return new MeinGptListedFile(
          f.id(),
          f.originalName(),
          f.mimeType(),
          f.size(),
          iso(f.createdAt()),
          iso(f.updatedAt()),
          f.checksum());
    }
  }

  @JsonbPropertyOrder({"files", "count", "assistantId"})
  public record MeinGptFileList(
      List<MeinGptListedFile> files, int count, @JsonbProperty("assistantId") String assistantId) {}

  @JsonbPropertyOrder({
    "id",
    "originalName",
    "mimeType",
    "size",
    "createdAt",
    "updatedAt",
    "checksum",
    "processingStatus",
    "processingError",
    "derivations",
    "assistantId"
  })
  public record MeinGptFileMetadata(
      String id,
      @JsonbProperty("originalName") String originalName,
      @JsonbProperty("mimeType") String mimeType,
      long size,
      @JsonbProperty("createdAt") String createdAt,
      @JsonbProperty("updatedAt") String updatedAt,
      String checksum,
      @JsonbProperty("processingStatus") String processingStatus,
      @JsonbProperty("processingError") String processingError,
      List<String> derivations,
      @JsonbProperty("assistantId") String assistantId) {}

  @JsonbPropertyOrder({"id", "originalName", "size", "mimeType", "uploadedAt"})
  public record MeinGptUploadedFile(
      String id,
      @JsonbProperty("originalName") String originalName,
      long size,
      @JsonbProperty("mimeType") String mimeType,
      @JsonbProperty("uploadedAt") String uploadedAt) {

    static MeinGptUploadedFile from(KnowledgeFile f) {
      return new MeinGptUploadedFile(
          f.id(), f.originalName(), f.size(), f.mimeType(), iso(f.createdAt()));
    }
  }

  @JsonbPropertyOrder({"success", "assistantId", "file"})
  public record MeinGptUploadAnswer(
      boolean success,
      @JsonbProperty("assistantId") String assistantId,
      MeinGptUploadedFile file) {}

  @JsonbPropertyOrder({"success", "assistantId", "replacedId", "originalId", "file"})
  public record MeinGptReplaceAnswer(
      boolean success,
      @JsonbProperty("assistantId") String assistantId,
      @JsonbProperty("replacedId") String replacedId,
      @JsonbProperty("originalId") String originalId,
      MeinGptUploadedFile file) {}

  @JsonbPropertyOrder({"success", "assistantId", "originalId"})
  public record MeinGptDeleteAnswer(
      boolean success,
      @JsonbProperty("assistantId") String assistantId,
      @JsonbProperty("originalId") String originalId) {}

  @GET
  @Operation(summary = "meinGPT: list the assistant's files with metadata for change detection")
  public MeinGptFileList list(@PathParam("assistantId") String assistantId) {
    List<MeinGptListedFile> listed =
        files.all(assistantId).stream().map(MeinGptListedFile::from).toList();
    return new MeinGptFileList(listed, listed.size(), assistantId);
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @BodyLimit(
      configKey = Uploads.MAX_FILE_BYTES,
      defaultBytes = Uploads.DEFAULT_MAX_FILE_BYTES,
      allowanceBytes = Uploads.FRAMING_ALLOWANCE)
  @Operation(summary = "meinGPT: upload a file (max 150 MB) to the assistant's knowledge base")
  public MeinGptUploadAnswer upload(
      @PathParam("assistantId") String assistantId,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.MULTIPART_FORM_DATA,
                      schema = @Schema(implementation = UploadForm.class)))
          InputStream body) {
    KnowledgeFile file = files.upload(assistantId, uploads.of(contentType, body)).file();
    return new MeinGptUploadAnswer(true, assistantId, MeinGptUploadedFile.from(file));
  }

  @GET
  @Path("{documentId}")
  @Operation(summary = "meinGPT: a file's metadata, with processingStatus and derivations")
  public MeinGptFileMetadata get(
      @PathParam("assistantId") String assistantId, @PathParam("documentId") String documentId) {
    KnowledgeFile f = files.get(assistantId, documentId);
    return new MeinGptFileMetadata(
        f.id(),
        f.originalName(),
        f.mimeType(),
        f.size(),
        iso(f.createdAt()),
        iso(f.updatedAt()),
        f.checksum(),
        f.processingStatus().wire(),
        f.processingError(),
        f.derivations(),
        f.assistantId());
  }

  @PUT
  @Path("{documentId}")
  @Consumes(MediaType.WILDCARD)
  @BodyLimit(
      configKey = Uploads.MAX_FILE_BYTES,
      defaultBytes = Uploads.DEFAULT_MAX_FILE_BYTES,
      allowanceBytes = Uploads.FRAMING_ALLOWANCE)
  @Operation(summary = "meinGPT: replace a file: the new upload gets a new id, the old is deleted")
  public MeinGptReplaceAnswer replace(
      @PathParam("assistantId") String assistantId,
      @PathParam("documentId") String documentId,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.MULTIPART_FORM_DATA,
                      schema = @Schema(implementation = UploadForm.class)))
          InputStream body) {
    KnowledgeFiles.Uploaded replaced =
        files.replace(assistantId, documentId, uploads.of(contentType, body));
    return new MeinGptReplaceAnswer(
        true,
        assistantId,
        replaced.replacedId(),
        documentId,
        MeinGptUploadedFile.from(replaced.file()));
  }

  @DELETE
  @Path("{documentId}")
  @Operation(summary = "meinGPT: delete a file from the assistant's knowledge base")
  public MeinGptDeleteAnswer delete(
      @PathParam("assistantId") String assistantId, @PathParam("documentId") String documentId) {
    return new MeinGptDeleteAnswer(true, assistantId, files.delete(assistantId, documentId).id());
  }

  private static String iso(Instant instant) {
    return instant.toString();
  }
}
