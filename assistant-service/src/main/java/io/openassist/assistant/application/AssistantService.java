package io.openassist.assistant.application;

import io.openassist.assistant.domain.Assistant;
import io.openassist.assistant.domain.AssistantDefinition;
import io.openassist.assistant.infrastructure.JpaAssistantRepository;
import io.openassist.common.error.ResourceNotFoundException;
import io.openassist.common.id.IdGenerator;
import io.openassist.common.paging.Page;
import io.openassist.common.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * The assistant use cases: create, read, list, modify, delete. Each runs in one transaction; an
 * answered write is committed to PostgreSQL before the response leaves.
 */
@ApplicationScoped
@Transactional
public class AssistantService {

  static final String ID_PREFIX = "asst";

  private final JpaAssistantRepository assistants;
  private final Clock clock;

  @Inject
  public AssistantService(JpaAssistantRepository assistants) {
    this(assistants, Clock.systemUTC());
  }

  AssistantService(JpaAssistantRepository assistants, Clock clock) {
    this.assistants = assistants;
    this.clock = clock;
  }

  /** For the CDI proxy only. */
  protected AssistantService() {
    this.assistants = null;
    this.clock = null;
  }

  public Assistant create(AssistantDefinition definition) {
    Assistant assistant =
        Assistant.create(IdGenerator.newId(ID_PREFIX), definition, clock.instant());
    assistants.add(assistant);
    return assistant;
  }

  public Assistant get(String id) {
    return assistants.find(id).orElseThrow(() -> notFound(id));
  }

  public Page<Assistant> list(PageRequest page) {
    return assistants.page(page);
  }

  public Assistant modify(String id, AssistantDefinition changes) {
    Assistant assistant = get(id);
    assistant.modify(changes, clock.instant());
    assistants.flush();
    return assistant;
  }

  public void delete(String id) {
    assistants.remove(get(id));
  }

  private static ResourceNotFoundException notFound(String id) {
    return new ResourceNotFoundException("assistant", id);
  }
}
