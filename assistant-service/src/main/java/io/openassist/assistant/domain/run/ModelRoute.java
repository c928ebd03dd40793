package io.openassist.assistant.domain.run;

import io.openassist.assistant.domain.Assistant;
import io.openassist.assistant.domain.ModelRef;
import io.openassist.common.error.InvalidRequestException;
import io.openassist.common.error.Problem.FieldError;
import java.util.List;
import java.util.Optional;

/**
 * Which provider runs which model for one run, and the rules for choosing: the run's {@code model}
 * if it gives one, else the assistant's {@code default_model}, else its {@code model}. A model
 * written {@code provider/model} names its provider (when the part before the slash is a configured
 * provider; otherwise the whole string is a model id, as {@code meta-llama/Llama-3.1-8B} is); a
 * bare model is served by the provider {@code available_models} gives it, else by the default
 * provider. When the assistant lists {@code available_models}, the model must be one of them; the
 * provider must be allowed to serve it.
 */
public record ModelRoute(ModelProvider provider, String model) {

  public static ModelRoute choose(String requested, Assistant assistant, ModelProviders providers) {
    String field = requested != null ? "model" : null;
    ModelRef ref;
    if (requested != null) {
      ref = parse(requested, assistant.availableModels(), providers, field);
    } else if (assistant.defaultModel() != null) {
      ref = assistant.defaultModel();
    } else {
      ref = parse(assistant.model(), assistant.availableModels(), providers, null);
    }
    List<ModelRef> available = assistant.availableModels();
    if (!available.isEmpty() && !available.contains(ref)) {
      throw invalid(
          "model_not_available",
          field,
          "Model '" + ref.key() + "' is not one of this assistant's available_models");
    }
    Optional<ModelProvider> provider = providers.find(ref.provider());
    if (provider.isEmpty()) {
      throw invalid(
          "unknown_provider",
          field,
          "No provider '" + ref.provider() + "' is configured for model '" + ref.id() + "'");
    }
    if (!provider.get().serves(ref.id())) {
      throw invalid(
          "model_not_allowed",
          field,
          "Provider '" + ref.provider() + "' is not configured to serve model '" + ref.id() + "'");
    }
    return new ModelRoute(provider.get(), ref.id());
  }

  private static ModelRef parse(
      String model, List<ModelRef> available, ModelProviders providers, String field) {
    int slash = model.indexOf('/');
    if (slash > 0 && slash < model.length() - 1) {
      String provider = model.substring(0, slash);
      if (providers.find(provider).isPresent()) {
        return new ModelRef(provider, model.substring(slash + 1));
      }
    }
    List<ModelRef> named = available.stream().filter(ref -> ref.id().equals(model)).toList();
    if (named.size() == 1) {
      return named.get(0);
    }
    String provider =
        providers
            .defaultProvider()
            .orElseThrow(
                () ->
                    invalid(
                        "unknown_provider",
                        field,
                        "Model '"
                            + model
                            + "' names no provider and no default provider is configured;"
                            + " write it as provider/model"));
    return new ModelRef(provider, model);
  }

  private static InvalidRequestException invalid(String code, String field, String detail) {
    return field == null
        ? new InvalidRequestException(code, detail)
        : new InvalidRequestException(code, detail, List.of(new FieldError(field, detail)));
  }
}
