package io.openassist.file.application;

import io.openassist.common.error.ForbiddenException;
import io.openassist.common.error.ResourceNotFoundException;
import io.openassist.common.security.AssistantAccessChecker;
import io.openassist.common.security.Caller;
import io.openassist.common.security.CallerContext;
import io.openassist.common.security.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Who may do what with an assistant's files, as the seed puts it: list, read and search need VIEW
 * on the assistant, upload, replace and delete need EDIT; an assistant the caller cannot see
 * (missing, another organisation's, no grant) is a 404 like a missing one. The organisation must
 * have the files API enabled ({@link FileSettingsService}), else a 403 that says so.
 */
@ApplicationScoped
public class FileAccess {

  @Inject CallerContext callers;
  @Inject AssistantAccessChecker assistants;
  @Inject FileSettingsService settings;

  public Caller require(String assistantId, Permission needed) {
    Caller caller = callers.caller();
    settings.requireEnabled(caller.organizationId());
    Permission held =
        assistants
            .permission(assistantId)
            .orElseThrow(() -> new ResourceNotFoundException("assistant"));
    if (!held.includes(needed)) {
      throw new ForbiddenException(
          "This needs " + needed + " permission on the assistant; you hold " + held);
    }
    return caller;
  }
}
