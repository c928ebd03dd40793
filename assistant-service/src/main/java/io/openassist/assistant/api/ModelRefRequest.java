package io.openassist.assistant.api;

import io.openassist.assistant.domain.ModelRef;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A model as {@code default_model} and {@code available_models} name it: {@code {id, provider}}.
 */
public record ModelRefRequest(
    @NotBlank(message = "is required, at most " + ModelRef.MAX_ID + " characters")
        @Size(max = ModelRef.MAX_ID, message = "is required, at most {max} characters")
        String id,
    @NotBlank(message = "is required, at most " + ModelRef.MAX_PROVIDER + " characters")
        @Size(max = ModelRef.MAX_PROVIDER, message = "is required, at most {max} characters")
        String provider) {

  ModelRef toModelRef() {
    return new ModelRef(provider, id);
  }
}
