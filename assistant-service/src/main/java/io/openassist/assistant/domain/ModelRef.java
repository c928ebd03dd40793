package io.openassist.assistant.domain;

import io.openassist.common.web.json.Jsonp;
import jakarta.json.JsonObject;
import java.util.Objects;

/**
 * A model as a provider serves it: {@code openai} / {@code gpt-4o}. The provider says which
 * upstream adapter runs it; the id is what that vendor calls the model.
 */
public record ModelRef(String provider, String id) {

  public static final int MAX_ID = 256;
  public static final int MAX_PROVIDER = 64;

  public ModelRef {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(id, "id");
  }

  /** {@code provider/id}, the form a run names a model in. */
  public String key() {
    return provider + "/" + id;
  }

  /** The stored form, {@code {id, provider}}. */
  public JsonObject toJson() {
    return Jsonp.objectBuilder().add("id", id).add("provider", provider).build();
  }

  public static ModelRef fromJson(JsonObject json) {
    return new ModelRef(json.getString("provider"), json.getString("id"));
  }
}
