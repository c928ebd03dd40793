package io.openassist.assistant.infrastructure;

import io.openassist.assistant.domain.run.RunRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The records of runs, in PostgreSQL. Every read is scoped to one organisation. */
@ApplicationScoped
public class JpaRunRepository {

  @PersistenceContext(unitName = "assistants")
  EntityManager em;

  public void add(RunRecord run) {
    em.persist(run);
  }
}
