import type {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { type AuditRunner, RunInProgressError } from './AuditRunner';

/** Schedules audit runs; with `scope: 'global'` one replica runs each. */
export async function scheduleAudits(deps: {
  scheduler: SchedulerService;
  schedule: SchedulerServiceTaskScheduleDefinition;
  runner: AuditRunner;
  logger: LoggerService;
}) {
  const { scheduler, schedule, runner, logger } = deps;
  await scheduler.scheduleTask({
    id: 'ownership-audit',
    ...schedule,
    fn: async () => {
      try {
        await runner.runToCompletion({ trigger: 'schedule' });
      } catch (error) {
        if (error instanceof RunInProgressError) {
          logger.info(`Skipping the scheduled audit: ${error.message}`);
          return;
        }
        throw error;
      }
    },
  });
}
