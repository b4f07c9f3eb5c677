import type { Entity } from '@backstage/catalog-model';
import type { ServiceDetails } from '@ownership-portal/plugin-ownership-common';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { startOwnershipBackend } from '../../../__testUtils__/backend';
import { tempFolder, writeFiles } from '../../reader/__testUtils__/fakes';

jest.setTimeout(60_000);

describe('proposedSince through real audits', () => {
  it('dates an undated proposal by the first audit that saw it, and keeps that date across audits and checkouts', async () => {
    const root = await tempFolder();
    await writeFiles(root, {
      'orders/catalog-info.yaml': 'kind: Component\n',
      'orders/docs/adr/0001-use-postgres.md':
        '# 1. Use PostgreSQL\n\nDate: 2026-01-05\n\n## Status\n\nProposed\n',
      'orders/docs/adr/0002-keep-sessions-in-redis.md':
        '# 2. Keep sessions in Redis\n\n## Status\n\nProposed\n',
    });
    const entity: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'orders',
        annotations: {
          'backstage.io/managed-by-location': `file:${root}/orders/catalog-info.yaml`,
          'backstage.io/adr-location': 'docs/adr',
        },
      },
      spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
    };
    const backend = await startOwnershipBackend({
      entities: [entity],
      config: { docs: { localRoots: [root] } },
    });
    const adrsNow = async () => {
      const res = await request(backend.server).get(
        '/api/ownership/services/component/default/orders',
      );
      expect(res.status).toBe(200);
      return (res.body as ServiceDetails).adrs!;
    };

    await backend.audit();
    const first = await adrsNow();
    const today = new Date().toISOString().slice(0, 10);
    expect(first.map(a => [a.file, a.date, a.proposedSince])).toEqual([
      [
        '0001-use-postgres.md',
        '2026-01-05',
        { date: '2026-01-05', source: 'record' },
      ],
      [
        '0002-keep-sessions-in-redis.md',
        undefined,
        { date: today, source: 'first-seen' },
      ],
    ]);

    // A fresh checkout touches every file; the first-seen date stays.
    const later = new Date(Date.now() + 3 * 24 * 3_600_000);
    await fs.utimes(
      path.join(root, 'orders/docs/adr/0002-keep-sessions-in-redis.md'),
      later,
      later,
    );
    await backend.audit();
    const second = await adrsNow();
    expect(second[1]).toMatchObject({
      file: '0002-keep-sessions-in-redis.md',
      proposedSince: { date: today, source: 'first-seen' },
    });
    expect(second[1].date).toBeUndefined();
  });
});
