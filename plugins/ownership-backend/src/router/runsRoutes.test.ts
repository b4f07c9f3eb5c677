import { createServiceFactory } from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { AuditRun } from '@ownership-portal/plugin-ownership-common';
import request from 'supertest';
import { startOwnershipBackend } from '../__testUtils__/backend';
import { exampleCatalog } from '../__testUtils__/entities';

jest.setTimeout(30_000);

/** Polls `GET /runs/{id}` until the run has finished. */
async function finished(
  server: Parameters<typeof request>[0],
  id: number,
): Promise<AuditRun> {
  for (let attempt = 0; attempt < 400; attempt++) {
    const res = await request(server).get(`/api/ownership/runs/${id}`);
    if (res.body.status !== 'running') {
      return res.body;
    }
    await new Promise(resolve => setTimeout(resolve, 25));
  }
  throw new Error(`Audit run ${id} did not finish`);
}

describe('POST /runs', () => {
  it('fails a run at its deadline when the catalog never answers, and accepts the next one', async () => {
    const catalog = catalogServiceMock({ entities: exampleCatalog() });
    const stream = catalog.streamEntities.bind(catalog);
    let answering = false;
    catalog.streamEntities = (req, options) =>
      (async function* pages() {
        if (!answering) {
          await new Promise<never>(() => {});
        }
        yield* stream(req, options);
      })();
    const { server } = await startOwnershipBackend({
      catalog: createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        factory: () => catalog,
      }),
      config: { runs: { deadline: '1s', catalogPageTimeout: '1m' } },
    });

    const stuck = await request(server).post('/api/ownership/runs');
    expect(stuck.status).toBe(202);
    const conflict = await request(server).post('/api/ownership/runs');
    expect(conflict.status).toBe(409);
    expect(conflict.body).toMatchObject({
      error: {
        name: 'ConflictError',
        message: `Audit run ${stuck.body.id} is already in progress (started ${stuck.body.startedAt})`,
      },
      response: { statusCode: 409 },
    });
    const latest = await request(server).get('/api/ownership/runs/latest');
    expect(latest.body).toMatchObject({ id: stuck.body.id, status: 'running' });

    const started = Date.now();
    expect(await finished(server, stuck.body.id)).toMatchObject({
      status: 'failed',
      error: 'Deadline: the run did not finish within 1 s',
    });
    expect(Date.now() - started).toBeLessThan(10_000);

    answering = true;
    const next = await request(server).post('/api/ownership/runs');
    expect(next.status).toBe(202);
    expect(await finished(server, next.body.id)).toMatchObject({
      status: 'succeeded',
      total: 10,
    });
  });
});
