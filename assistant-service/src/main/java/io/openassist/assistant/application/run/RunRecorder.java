package io.openassist.assistant.application.run;

import io.openassist.assistant.domain.run.RunFilter;
import io.openassist.assistant.domain.run.RunRecord;
import io.openassist.assistant.domain.run.UsageTotal;
import io.openassist.assistant.infrastructure.JdbcRunLedger;
import io.openassist.assistant.infrastructure.JpaRunRepository;
import io.openassist.common.paging.Page;
import io.openassist.common.paging.PageRequest;
import io.openassist.common.security.Caller;
import io.openassist.common.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The records of runs: each written in a transaction of its own, so that it is committed whatever
 * the run's outcome and no database connection is held while the vendor answers; and listed for
 * accounting and audit.
 */
@ApplicationScoped
public class RunRecorder {

  @Inject JpaRunRepository runs;
  @Inject JdbcRunLedger ledger;

  @Inject CallerContext callers;

  /**
   * Appends the record at once, outside any transaction: it is committed whatever the run's caller
   * does next.
   */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public void record(RunRecord run) {
    ledger.append(run);
  }

  /**
   * The run records the caller may see: admins every run of the organisation, others their own (a
   * member who filters by another user sees nothing).
   */
  @Transactional
  public Page<RunRecord> list(RunFilter filter, PageRequest page) {
    Caller caller = callers.caller();
    RunFilter scoped = filter;
    if (!caller.admin()) {
      if (filter.userId() != null && !filter.userId().equals(caller.userId())) {
        return new Page<>(List.of(), false);
      }
      scoped = new RunFilter(filter.assistantId(), caller.userId(), filter.from(), filter.to());
    }
    return runs.page(caller.organizationId(), scoped, page);
  }

  /** Runs and tokens of the organisation (admins only), in all or per group. */
  @Transactional
  public List<UsageTotal> usage(RunFilter filter, UsageTotal.GroupBy groupBy) {
    Caller caller = callers.requireAdmin("see the organisation's usage");
    return runs.usage(caller.organizationId(), filter, groupBy);
  }
}
