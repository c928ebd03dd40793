package io.openassist.assistant.api;

import io.openassist.assistant.application.OnboardingService;
import io.openassist.common.security.AuthenticationFilter;
import io.openassist.common.security.Public;
import io.openassist.common.web.RequestBodies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /v1/organizations}: the operator onboards an organisation (the first one of a fresh
 * deployment, and every one after), authenticated by the operator token from configuration ({@code
 * OPENASSIST_OPERATOR_TOKEN}) rather than by a user's credential. Without that configuration the
 * path does not exist.
 */
@ApplicationScoped
@Path("v1/organizations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Organisations")
public class OrganizationsResource {

  @Inject OnboardingService onboarding;
  @Inject Validator validator;

  @POST
  @Public
  @Operation(summary = "Onboard an organisation with its first admin and API key (operator token)")
  public OnboardedOrganizationResponse onboard(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      OnboardOrganizationRequest request) {
    if (!onboarding.onboardingEnabled()) {
      throw new NotFoundException();
    }
    String token = AuthenticationFilter.bearerCredential(authorization);
    onboarding.requireOperator(token);
    RequestBodies.valid(validator, request).checkAdminNamed();
    var admin = request.admin();
    return OnboardedOrganizationResponse.from(
        onboarding.onboard(
            request.name(),
            request.externalId(),
            admin.name(),
            admin.email(),
            admin.externalSubject(),
            request.apiKeyName()));
  }
}
