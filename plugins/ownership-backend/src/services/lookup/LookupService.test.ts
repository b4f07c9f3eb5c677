import { mockServices } from '@backstage/backend-test-utils';
import type { AuditRun } from '@ownership-portal/plugin-ownership-common';
import type { EntityResult, ResultStore, RunStore } from '../../database/types';
import { LookupService } from './LookupService';
import { entityResult } from './__testUtils__/entityResult';

function run(id: number): AuditRun {
  return {
    id,
    status: 'succeeded',
    trigger: 'schedule',
    startedAt: '2026-11-28T10:00:00.000Z',
    finishedAt: '2026-11-28T10:05:00.000Z',
    processed: 1,
  };
}

/** Stores serving the latest run and its entities, settable by the test. */
function setup() {
  const state = {
    latest: undefined as AuditRun | undefined,
    entities: new Map<number, EntityResult[]>(),
    failStream: false,
    /** While set, streams wait for it: a rebuild in progress. */
    gate: undefined as Promise<void> | undefined,
  };
  const runs = {
    getLatestSucceededRun: jest.fn(async () => state.latest),
  };
  const results = {
    streamEntities: jest.fn(async function* stream(runId: number) {
      await state.gate;
      if (state.failStream) {
        throw new Error('database gone');
      }
      yield state.entities.get(runId) ?? [];
    }),
  };
  const clock = { now: 1_000_000 };
  const logger = mockServices.logger.mock();
  const service = LookupService.create({
    runs: runs as unknown as RunStore,
    results: results as unknown as ResultStore,
    logger,
    refreshIntervalMs: 5000,
    now: () => clock.now,
  });
  const publish = (id: number, names: string[]) => {
    state.latest = run(id);
    state.entities.set(
      id,
      names.map(name => entityResult(name)),
    );
  };
  return { state, runs, results, clock, logger, service, publish };
}

/** Lets background checks and rebuilds run to completion. */
async function settle() {
  for (let i = 0; i < 10; i++) {
    await new Promise(resolve => setImmediate(resolve));
  }
}

const names = (response: { items: { entityRef: string }[] }) =>
  response.items.map(m => m.entityRef.replace('component:default/', ''));

describe('LookupService', () => {
  it('answers without items or run before any run exists', async () => {
    const { service, results } = setup();

    await expect(service.search('checkout', 10)).resolves.toEqual({
      query: 'checkout',
      items: [],
    });
    expect(results.streamEntities).not.toHaveBeenCalled();
  });

  it('builds the index on the first request and answers from it', async () => {
    const { service, publish, results } = setup();
    publish(3, ['checkout', 'payments']);

    const response = await service.search('checkout', 10);

    expect(response.runId).toBe(3);
    expect(names(response)).toEqual(['checkout']);
    expect(results.streamEntities).toHaveBeenCalledTimes(1);
  });

  it('lets concurrent first requests share one build', async () => {
    const { service, publish, results } = setup();
    publish(3, ['checkout']);

    const responses = await Promise.all([
      service.search('checkout', 10),
      service.search('checkout', 10),
    ]);

    expect(responses.map(names)).toEqual([['checkout'], ['checkout']]);
    expect(results.streamEntities).toHaveBeenCalledTimes(1);
  });

  it('does not check for newer runs before the interval', async () => {
    const { service, publish, runs, clock } = setup();
    publish(3, ['checkout']);
    await service.search('checkout', 10);

    publish(4, ['checkout', 'checkout-api']);
    clock.now += 4999;
    const response = await service.search('checkout', 10);
    await settle();

    expect(response.runId).toBe(3);
    expect(runs.getLatestSucceededRun).toHaveBeenCalledTimes(1);
    expect((await service.search('checkout', 10)).runId).toBe(3);
  });

  it('picks up a newer run in the background after the interval', async () => {
    const { service, publish, state, clock } = setup();
    publish(3, ['checkout']);
    await service.search('checkout', 10);

    publish(4, ['checkout', 'checkout-api']);
    let open = () => {};
    state.gate = new Promise(resolve => {
      open = resolve;
    });
    clock.now += 5000;

    // Answered from the old index while the rebuild waits for the store.
    const during = await service.search('checkout', 10);
    expect(during.runId).toBe(3);
    expect(names(during)).toEqual(['checkout']);

    open();
    await settle();
    const after = await service.search('checkout', 10);
    expect(after.runId).toBe(4);
    expect(names(after)).toEqual(['checkout', 'checkout-api']);
  });

  it('keeps the old index when a rebuild fails', async () => {
    const { service, publish, state, clock, logger } = setup();
    publish(3, ['checkout']);
    await service.search('checkout', 10);

    publish(4, ['checkout-api']);
    state.failStream = true;
    clock.now += 5000;
    await service.search('checkout', 10);
    await settle();

    const response = await service.search('checkout', 10);
    expect(response.runId).toBe(3);
    expect(names(response)).toEqual(['checkout']);
    expect(logger.error).toHaveBeenCalledWith(
      'Failed to rebuild the lookup index; still serving run 3',
      new Error('database gone'),
    );

    state.failStream = false;
    clock.now += 5000;
    await service.search('checkout', 10);
    await settle();
    expect((await service.search('checkout', 10)).runId).toBe(4);
  });

  it('fails requests while the first build fails', async () => {
    const { service, publish, state } = setup();
    publish(3, ['checkout']);
    state.failStream = true;

    await expect(service.search('checkout', 10)).rejects.toThrow(
      'database gone',
    );
  });

  it('rebuilds at once on refresh, regardless of the interval', async () => {
    const { service, publish, runs } = setup();
    publish(3, ['checkout']);
    await service.search('checkout', 10);

    publish(4, ['checkout', 'checkout-api']);
    await service.refresh();

    const response = await service.search('checkout', 10);
    expect(response.runId).toBe(4);
    expect(names(response)).toEqual(['checkout', 'checkout-api']);
    expect(runs.getLatestSucceededRun).toHaveBeenCalledTimes(2);
  });

  it('checks again on refresh when a check is already under way', async () => {
    const { service, publish, runs, clock } = setup();
    publish(3, ['checkout']);
    await service.search('checkout', 10);

    // A background check that read run 3 as the latest is still streaming.
    let release = () => {};
    let reading = () => {};
    const read = new Promise<void>(resolve => {
      reading = resolve;
    });
    runs.getLatestSucceededRun.mockImplementationOnce(async () => {
      reading();
      await new Promise<void>(resolve => {
        release = resolve;
      });
      return run(3);
    });
    clock.now += 5000;
    await service.search('checkout', 10);
    await read;

    publish(4, ['checkout-api']);
    const refreshed = service.refresh();
    release();
    await refreshed;

    expect((await service.search('checkout-api', 10)).runId).toBe(4);
    expect(runs.getLatestSucceededRun).toHaveBeenCalledTimes(3);
  });
});
