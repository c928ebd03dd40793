package io.openassist.file.application;

import io.openassist.common.error.ForbiddenException;
import io.openassist.common.error.ResourceNotFoundException;
import io.openassist.common.security.Caller;
import io.openassist.common.security.CallerContext;
import io.openassist.file.domain.FileSettings;
import io.openassist.file.infrastructure.JpaFileRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether an organisation may use the files API. The default for every organisation is {@code
 * openassist.files.enabled-by-default} ({@code OPENASSIST_FILES_ENABLED_BY_DEFAULT}, true); an
 * organisation's admins switch it for their own organisation.
 */
@ApplicationScoped
public class FileSettingsService {

  @Inject CallerContext callers;
  @Inject JpaFileRepository files;

  @Inject
  @ConfigProperty(name = "openassist.files.enabled-by-default", defaultValue = "true")
  boolean enabledByDefault;

  Clock clock = Clock.systemUTC();

  /** The setting as it applies to the organisation. */
  public record Setting(String organizationId, boolean filesEnabled) {}

  @Transactional
  public Setting get(String organizationId) {
    Caller caller = own(organizationId);
    return new Setting(caller.organizationId(), enabled(caller.organizationId()));
  }

  @Transactional
  public Setting change(String organizationId, boolean enabled) {
    Caller caller = own(organizationId);
    callers.requireAdmin("switch the files API on or off");
    files
        .settings(caller.organizationId())
        .ifPresentOrElse(
            s -> s.change(enabled, caller.userId(), clock.instant()),
            () ->
                files.addSettings(
                    FileSettings.of(
                        caller.organizationId(), enabled, caller.userId(), clock.instant())));
    return new Setting(caller.organizationId(), enabled);
  }

  void requireEnabled(String organizationId) {
    if (!enabled(organizationId)) {
      throw new ForbiddenException(
          "The files API is not enabled for your organisation; an organisation admin can enable"
              + " it (PATCH /v1/organizations/{id}/file-settings)");
    }
  }

  private boolean enabled(String organizationId) {
    return files.settings(organizationId).map(FileSettings::filesEnabled).orElse(enabledByDefault);
  }

  /** Another organisation's settings are a 404, like one that does not exist. */
  private Caller own(String organizationId) {
    Caller caller = callers.caller();
    if (!caller.organizationId().equals(organizationId)) {
      throw new ResourceNotFoundException("organization");
    }
    return caller;
  }
}
