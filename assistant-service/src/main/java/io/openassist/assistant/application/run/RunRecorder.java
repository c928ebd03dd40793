package io.openassist.assistant.application.run;

import io.openassist.assistant.domain.run.RunRecord;
import io.openassist.assistant.infrastructure.JpaRunRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Writes the record of a run in a transaction of its own, so that it is committed whatever the
 * run's outcome, and no database connection is held while the vendor answers.
 */
@ApplicationScoped
public class RunRecorder {

  @Inject JpaRunRepository runs;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void record(RunRecord run) {
    runs.add(run);
  }
}
