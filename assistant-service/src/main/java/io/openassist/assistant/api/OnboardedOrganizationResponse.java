package io.openassist.assistant.api;

import io.openassist.assistant.application.OnboardingService.Onboarded;
import io.openassist.assistant.domain.Organization;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** The answer to onboarding: the organisation, its admin, and the admin's key (shown once). */
@JsonbPropertyOrder({"organization", "admin", "apiKey"})
public record OnboardedOrganizationResponse(
    OrganizationResponse organization, UserResponse admin, ApiKeyResponse apiKey) {

  /** An organisation on the wire. */
  @JsonbPropertyOrder({"id", "object", "name", "externalId", "createdAt"})
  public record OrganizationResponse(
      String id, String object, String name, String externalId, long createdAt) {

    static OrganizationResponse from(Organization o) {
      return new OrganizationResponse(
          o.id(), "organization", o.name(), o.externalId(), o.createdAt().getEpochSecond());
    }
  }

  static OnboardedOrganizationResponse from(Onboarded onboarded) {
    return new OnboardedOrganizationResponse(
        OrganizationResponse.from(onboarded.organization()),
        UserResponse.from(onboarded.admin()),
        ApiKeyResponse.issued(onboarded.key()));
  }
}
