package io.openassist.file.api;

import io.openassist.common.paging.ListResponse;
import io.openassist.common.paging.PageQuery;
import io.openassist.common.web.BodyLimit;
import io.openassist.common.web.RequestBodies;
import io.openassist.file.application.FileSearch;
import io.openassist.file.application.KnowledgeFiles;
import io.openassist.file.domain.KnowledgeFile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /v1/assistants/{assistant_id}/files}: an assistant's knowledge files in the native style
 * (problem+json errors, cursor pagination, snake_case): list, upload, read, replace, delete,
 * download ({@code /content}, with ranges) and search ({@code /search}).
 */
@ApplicationScoped
@Path("v1/assistants/{assistant_id}/files")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Files")
public class FilesResource {

  @Inject KnowledgeFiles files;
  @Inject Validator validator;
  @Inject FileSearch search;
  @Inject Uploads uploads;
  @Inject FileDownloads downloads;

  @GET
  @Operation(summary = "List the assistant's files (VIEW), oldest or newest first")
  public ListResponse<FileResponse> list(
      @PathParam("assistant_id") String assistantId, @BeanParam PageQuery page) {
    return ListResponse.of(
        files.list(assistantId, page.toPageRequest()).map(FileResponse::from), FileResponse::id);
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @BodyLimit(
      configKey = Uploads.MAX_FILE_BYTES,
      defaultBytes = Uploads.DEFAULT_MAX_FILE_BYTES,
      allowanceBytes = Uploads.FRAMING_ALLOWANCE)
  @Operation(summary = "Upload a file (EDIT): multipart/form-data, the file as part 'file'")
  public Response upload(
      @PathParam("assistant_id") String assistantId,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @Context UriInfo uri,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.MULTIPART_FORM_DATA,
                      schema = @Schema(implementation = UploadForm.class)))
          InputStream body) {
    KnowledgeFile file = files.upload(assistantId, uploads.of(contentType, body)).file();
    return Response.created(uri.getAbsolutePathBuilder().path(file.id()).build())
        .entity(FileResponse.from(file))
        .build();
  }

  @GET
  @Path("{file_id}")
  @Operation(summary = "A file's metadata (VIEW), with its processing status and derivations")
  public FileResponse get(
      @PathParam("assistant_id") String assistantId, @PathParam("file_id") String fileId) {
    return FileResponse.from(files.get(assistantId, fileId));
  }

  @PUT
  @Path("{file_id}")
  @Consumes(MediaType.WILDCARD)
  @BodyLimit(
      configKey = Uploads.MAX_FILE_BYTES,
      defaultBytes = Uploads.DEFAULT_MAX_FILE_BYTES,
      allowanceBytes = Uploads.FRAMING_ALLOWANCE)
  @Operation(
      summary =
          "Replace a file (EDIT): the new file is uploaded (a new id), then the old one deleted")
  public FileResponse.Replaced replace(
      @PathParam("assistant_id") String assistantId,
      @PathParam("file_id") String fileId,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.MULTIPART_FORM_DATA,
                      schema = @Schema(implementation = UploadForm.class)))
          InputStream body) {
    KnowledgeFiles.Uploaded replaced =
        files.replace(assistantId, fileId, uploads.of(contentType, body));
    return new FileResponse.Replaced(
        "file.replaced", replaced.replacedId(), FileResponse.from(replaced.file()));
  }

  @DELETE
  @Path("{file_id}")
  @Operation(summary = "Delete a file (EDIT): its bytes, metadata, text and chunks")
  public FileResponse.Deleted delete(
      @PathParam("assistant_id") String assistantId, @PathParam("file_id") String fileId) {
    return new FileResponse.Deleted(files.delete(assistantId, fileId).id(), "file.deleted", true);
  }

  @GET
  @Path("{file_id}/content")
  @Produces(MediaType.WILDCARD)
  @Operation(summary = "Download a file's bytes (VIEW): ETag is its checksum; Range requests")
  public Response content(
      @PathParam("assistant_id") String assistantId,
      @PathParam("file_id") String fileId,
      @HeaderParam("Range") String range,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    return downloads.answer(assistantId, fileId, range, ifNoneMatch);
  }

  @POST
  @Path("search")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Search the assistant's processed files (VIEW): ranked passages")
  public ListResponse<SearchHitResponse> search(
      @PathParam("assistant_id") String assistantId, SearchRequest request) {
    SearchRequest body = RequestBodies.valid(validator, request);
    List<SearchHitResponse> hits =
        search.search(assistantId, body.query(), body.limitOrDefault()).stream()
            .map(SearchHitResponse::from)
            .toList();
    return new ListResponse<>("list", hits, null, null, false);
  }
}
