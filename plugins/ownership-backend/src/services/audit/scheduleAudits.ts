import type {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { type AuditRunner, RunInProgressError } from './AuditRunner';

const EMPTY_RETRY_MS = 60_000;
const EMPTY_RETRIES = 10;

/**
 * Schedules audit runs; with `scope: 'global'` one replica runs each. A
 * scheduled run that finds nothing in scope usually ran before the catalog
 * had ingested anything (a new installation): it is tried again every
 * minute, a few times, rather than leaving the portal empty until the next
 * scheduled run.
 */
export async function scheduleAudits(deps: {
  scheduler: SchedulerService;
  schedule: SchedulerServiceTaskScheduleDefinition;
  runner: AuditRunner;
  logger: LoggerService;
  emptyRetryMs?: number;
}) {
  const { scheduler, schedule, runner, logger } = deps;
  const retryMs = deps.emptyRetryMs ?? EMPTY_RETRY_MS;

  // The scheduler aborts `signal` when the task's timeout passes or the
  // backend stops; the run then fails rather than running on unsupervised.
  const runOnce = async (retriesLeft: number, signal?: AbortSignal) => {
    try {
      const run = await runner.runToCompletion(
        { trigger: 'schedule' },
        { signal },
      );
      if (run.status === 'succeeded' && run.total === 0 && retriesLeft > 0) {
        logger.info(
          `Audit run ${
            run.id
          } found no entities in scope; the catalog may still be ingesting, so the audit runs again in ${
            retryMs / 1000
          } s`,
        );
        setTimeout(() => runOnce(retriesLeft - 1), retryMs).unref();
      }
    } catch (error) {
      if (error instanceof RunInProgressError) {
        logger.info(`Skipping the scheduled audit: ${error.message}`);
        return;
      }
      logger.error(`Scheduled audit could not start: ${error}`);
    }
  };

  await scheduler.scheduleTask({
    id: 'ownership-audit',
    ...schedule,
    fn: signal => runOnce(EMPTY_RETRIES, signal),
  });
}
