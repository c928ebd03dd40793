package io.openassist.file.api;

import io.openassist.common.web.RequestBodies;
import io.openassist.file.application.FileSettingsService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /v1/organizations/{organization_id}/file-settings}: whether the organisation may use the
 * files API (the seed's premium feature). Members read it; admins switch it.
 */
@ApplicationScoped
@Path("v1/organizations/{organization_id}/file-settings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Files")
public class FileSettingsResource {

  @Inject FileSettingsService settings;
  @Inject Validator validator;

  public record FileSettingsPatch(@NotNull(message = "is required") Boolean filesEnabled) {}

  @JsonbPropertyOrder({"object", "organizationId", "filesEnabled"})
  public record FileSettingsResponse(String object, String organizationId, boolean filesEnabled) {
    static FileSettingsResponse from(FileSettingsService.Setting s) {
      return new FileSettingsResponse("file_settings", s.organizationId(), s.filesEnabled());
    }
  }

  @GET
  @Operation(summary = "Whether the organisation may use the files API")
  public FileSettingsResponse get(@PathParam("organization_id") String organizationId) {
    return FileSettingsResponse.from(settings.get(organizationId));
  }

  @PATCH
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Switch the files API on or off for the organisation (admins)")
  public FileSettingsResponse change(
      @PathParam("organization_id") String organizationId, FileSettingsPatch patch) {
    FileSettingsPatch body = RequestBodies.valid(validator, patch);
    return FileSettingsResponse.from(settings.change(organizationId, body.filesEnabled()));
  }
}
