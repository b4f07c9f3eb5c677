import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import { parseAllDocuments } from 'yaml';
import { startOwnershipBackend } from '../../__testUtils__/backend';

jest.setTimeout(120_000);

const EXAMPLES = path.resolve(__dirname, '../../../../../examples');

/**
 * The example organisation as the catalog reads it from `examples/all.yaml`:
 * every target's entities, annotated with the file they come from.
 */
async function exampleOrganisation(): Promise<Entity[]> {
  const parse = async (file: string) =>
    parseAllDocuments(await fs.readFile(file, 'utf8'))
      .map(doc => doc.toJS() as Entity | null)
      .filter((e): e is Entity => !!e);
  const [location] = await parse(path.join(EXAMPLES, 'all.yaml'));
  const entities: Entity[] = [];
  for (const target of location.spec!.targets as string[]) {
    const file = path.resolve(EXAMPLES, target);
    for (const entity of await parse(file)) {
      entity.metadata.annotations = {
        ...entity.metadata.annotations,
        'backstage.io/managed-by-location': `file:${file}`,
      };
      entities.push(entity);
    }
  }
  return entities;
}

describe("the example organisation's audit", () => {
  let server: Awaited<ReturnType<typeof startOwnershipBackend>>['server'];

  beforeAll(async () => {
    const backend = await startOwnershipBackend({
      entities: await exampleOrganisation(),
      config: {
        scope: {
          kinds: ['Component', 'System', 'API', 'Resource'],
          operationalTypes: ['service', 'website'],
        },
        docs: { localRoots: [EXAMPLES] },
      },
    });
    server = backend.server;
    const run = await backend.audit();
    if (run.status !== 'succeeded') {
      throw new Error(`The audit run ${run.status}: ${run.error}`);
    }
  });

  const get = (url: string) => request(server).get(`/api/ownership${url}`);

  it('raises owner.codeowners-mismatch on exactly one entity', async () => {
    const res = await get(
      '/findings?ruleId=owner.codeowners-mismatch&limit=100',
    );
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({
        entityRef: 'component:default/driver-dispatch-service',
        severity: 'warning',
        message:
          'component:default/driver-dispatch-service: CODEOWNERS (CODEOWNERS) names @acme-logistics/mobile (group:default/mobile), but the catalog owner is group:default/routing',
      }),
    ]);
  });

  it('raises slo.missing on exactly its two examples, tier-1 production services without an SLO', async () => {
    const res = await get('/findings?ruleId=slo.missing&limit=100');
    expect(res.status).toBe(200);
    expect(
      res.body.items.map((f: { entityRef: string }) => f.entityRef).sort(),
    ).toEqual([
      'component:default/payment-webhooks-receiver',
      'component:default/pricing-service',
    ]);
  });

  it('shows a match, a mismatch and an unknown team', async () => {
    const [match, mismatch, unknown] = await Promise.all(
      ['geocoding-service', 'driver-dispatch-service', 'acme-auth-client'].map(
        name => get(`/services/component/default/${name}`),
      ),
    );
    expect(match.body.codeowners).toMatchObject({
      path: '.github/CODEOWNERS',
      defaultOwners: ['@acme-logistics/routing-team'],
      mapped: [
        {
          owner: '@acme-logistics/routing-team',
          entityRef: 'group:default/routing',
        },
      ],
      unknownOwners: [],
    });
    expect(mismatch.body.codeowners).toMatchObject({
      path: 'CODEOWNERS',
      defaultOwners: ['@acme-logistics/mobile'],
    });
    expect(unknown.body.codeowners).toMatchObject({
      path: 'docs/CODEOWNERS',
      mapped: [],
      unknownOwners: ['@acme-logistics/auth-guild'],
    });
    // Moved into repositories of their own, they still find their runbooks.
    for (const res of [match, mismatch]) {
      expect(res.body.runbooks).not.toEqual([]);
      expect(
        res.body.findings.map((f: { ruleId: string }) => f.ruleId),
      ).not.toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^runbook\.(missing|unreachable)$/),
        ]),
      );
    }
    // The other services' folder has no CODEOWNERS file.
    const other = await get('/services/component/default/route-planner');
    expect(other.body.codeowners).toBeUndefined();
  });
});
