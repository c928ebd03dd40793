package io.openassist.assistant.api.run;

import io.openassist.assistant.domain.run.ModelProvider;
import io.openassist.assistant.domain.run.ModelProviders;
import io.openassist.assistant.domain.run.ProviderStatus;
import io.openassist.common.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /v1/providers} (admins): the configured upstream providers with their vendor API, the
 * models each may serve and its health; never a key, base URL credentials or headers.
 */
@ApplicationScoped
@Path("v1/providers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Runs")
public class ProvidersResource {

  @Inject ModelProviders providers;
  @Inject CallerContext callers;

  /** One provider on the wire. */
  @JsonbPropertyOrder({"id", "object", "type", "models", "health", "isDefault"})
  public record ProviderResponse(
      String id,
      String object,
      String type,
      List<String> models,
      String health,
      boolean isDefault) {}

  /** The listing: every provider, in configuration order (there are few; no pagination). */
  @JsonbPropertyOrder({"object", "data"})
  public record ProvidersResponse(String object, List<ProviderResponse> data) {}

  @GET
  @Operation(summary = "List the upstream providers (admins)")
  public ProvidersResponse list() {
    callers.requireAdmin("list the upstream providers");
    String defaultProvider = providers.defaultProvider().orElse(null);
    return new ProvidersResponse(
        "list",
        providers.all().stream()
            .map(ModelProvider::status)
            .map(s -> response(s, s.name().equals(defaultProvider)))
            .toList());
  }

  private static ProviderResponse response(ProviderStatus s, boolean isDefault) {
    return new ProviderResponse(s.name(), "provider", s.type(), s.models(), s.health(), isDefault);
  }
}
