import { mockServices } from '@backstage/backend-test-utils';
import type { SchedulerServiceTaskInvocationDefinition } from '@backstage/backend-plugin-api';
import type { AuditRun } from '@ownership-portal/plugin-ownership-common';
import { DEFAULT_SCHEDULE } from '../../config/schedule';
import { type AuditRunner, RunInProgressError } from './AuditRunner';
import { scheduleAudits } from './scheduleAudits';

function run(total: number): AuditRun {
  return {
    id: 1,
    status: 'succeeded',
    trigger: 'schedule',
    startedAt: '',
    processed: total,
    total,
  };
}

async function schedule(results: Array<AuditRun | Error>) {
  const scheduler = mockServices.scheduler.mock();
  const runToCompletion = jest.fn(async (..._args: unknown[]) => {
    const next = results.shift()!;
    if (next instanceof Error) throw next;
    return next;
  });
  const logger = mockServices.logger.mock();
  await scheduleAudits({
    scheduler,
    schedule: DEFAULT_SCHEDULE,
    runner: { runToCompletion } as unknown as AuditRunner,
    logger,
    emptyRetryMs: 10,
  });
  const task = scheduler.scheduleTask.mock
    .calls[0][0] as SchedulerServiceTaskInvocationDefinition & {
    scope?: string;
  };
  return { task, runToCompletion, logger };
}

describe('scheduleAudits', () => {
  it('schedules a global task every 30 minutes', async () => {
    const { task } = await schedule([]);
    expect(task).toMatchObject({
      id: 'ownership-audit',
      scope: 'global',
      frequency: { minutes: 30 },
    });
  });

  it('tries again soon when the catalog was still empty', async () => {
    const { task, runToCompletion } = await schedule([run(0), run(0), run(12)]);
    await task.fn(new AbortController().signal);
    // Retries come 10 ms apart; allow for a busy machine.
    for (let i = 0; i < 100 && runToCompletion.mock.calls.length < 3; i++) {
      await new Promise(resolve => setTimeout(resolve, 50));
    }
    await new Promise(resolve => setTimeout(resolve, 100));
    expect(runToCompletion).toHaveBeenCalledTimes(3);
  });

  it("hands the scheduler's abort signal to the run", async () => {
    const { task, runToCompletion } = await schedule([run(12)]);
    const controller = new AbortController();
    await task.fn(controller.signal);
    expect(runToCompletion).toHaveBeenCalledWith(
      { trigger: 'schedule' },
      { signal: controller.signal },
    );
  });

  it('skips quietly while another run is going', async () => {
    const { task, logger } = await schedule([
      new RunInProgressError(undefined),
    ]);
    await task.fn(new AbortController().signal);
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringContaining('Skipping the scheduled audit'),
    );
  });
});
