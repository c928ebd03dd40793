package io.openassist.assistant.domain.run;

import java.util.List;
import java.util.Optional;

/** The configured upstream providers, by name. */
public interface ModelProviders {

  Optional<ModelProvider> find(String name);

  /** The provider that serves bare model names, if one is configured. */
  Optional<String> defaultProvider();

  List<ModelProvider> all();
}
