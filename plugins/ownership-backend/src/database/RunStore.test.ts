import { TestDatabases } from '@backstage/backend-test-utils';
import { applyMigrations, rollbackMigrations } from './migrations';
import { DatabaseRunStore } from './RunStore';

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

describe.each(databases.eachSupportedId())('DatabaseRunStore on %s', id => {
  async function setup(now = () => new Date('2026-11-28T10:00:00.000Z')) {
    const client = await databases.init(id);
    await applyMigrations({ getClient: async () => client }, client);
    return { client, store: DatabaseRunStore.create({ client, now }) };
  }

  it('records a run from start through progress to success', async () => {
    const { store } = await setup();

    const started = await store.startRun({
      trigger: 'manual',
      triggeredBy: 'user:default/alice',
    });
    expect(started).toEqual({
      id: expect.any(Number),
      status: 'running',
      trigger: 'manual',
      triggeredBy: 'user:default/alice',
      startedAt: '2026-11-28T10:00:00.000Z',
      processed: 0,
    });

    await store.updateProgress(started.id, 40, 83);
    expect(await store.getLatestRun()).toMatchObject({
      processed: 40,
      total: 83,
    });

    const finished = await store.finishRun(started.id);
    expect(finished).toMatchObject({
      status: 'succeeded',
      finishedAt: '2026-11-28T10:00:00.000Z',
      processed: 40,
      total: 83,
    });
    expect(finished.error).toBeUndefined();
  });

  it('keeps the error of a failed run', async () => {
    const { store } = await setup();
    const run = await store.startRun({ trigger: 'schedule' });

    const failed = await store.finishRun(run.id, {
      error: 'catalog unavailable: 503',
    });

    expect(failed).toMatchObject({
      status: 'failed',
      error: 'catalog unavailable: 503',
    });
    expect(failed.triggeredBy).toBeUndefined();
  });

  it('refuses to finish a run twice, leaving the first outcome intact', async () => {
    const { store } = await setup();
    const run = await store.startRun({ trigger: 'schedule' });
    await store.finishRun(run.id);

    await expect(store.finishRun(run.id, { error: 'late' })).rejects.toThrow(
      `Audit run ${run.id} is not running, so it cannot be finished`,
    );
    expect(await store.getLatestRun()).toMatchObject({ status: 'succeeded' });
  });

  it('returns the latest run, or nothing before the first', async () => {
    let clock = Date.parse('2026-11-28T10:00:00.000Z');
    const { store } = await setup(() => new Date((clock += 60_000)));

    expect(await store.getLatestRun()).toBeUndefined();
    await store.startRun({ trigger: 'schedule' });
    const second = await store.startRun({ trigger: 'manual' });

    expect(await store.getLatestRun()).toMatchObject({ id: second.id });
  });

  it('migrates down and up again cleanly', async () => {
    const { client } = await setup();

    await rollbackMigrations(client);
    expect(await client.schema.hasTable('ownership_runs')).toBe(false);
    await applyMigrations({ getClient: async () => client }, client);
    expect(await client.schema.hasTable('ownership_runs')).toBe(true);
  });
});
