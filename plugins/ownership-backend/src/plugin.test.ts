import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createBackendModule } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  type OwnershipRule,
  ownershipRulesExtensionPoint,
} from '@ownership-portal/plugin-ownership-node';
import request from 'supertest';
import { ownershipPlugin } from './plugin';

function component(name: string, lifecycle?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name },
    spec: { type: 'service', owner: 'team-a', ...(lifecycle && { lifecycle }) },
  };
}

const entities: Entity[] = [
  component('a', 'production'),
  component('b', 'production'),
  component('c', 'experimental'),
  component('d'),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'sys' },
    spec: { owner: 'team-a' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'team-a' },
    spec: { type: 'team', children: [] },
  },
];

const rule: OwnershipRule = {
  id: 'custom.described',
  defaultSeverity: 'info',
  description: 'Entities have a description.',
  remediation: 'Add metadata.description.',
  evaluate: () => [],
};

function rulesModule(moduleId: string, ...rules: OwnershipRule[]) {
  return createBackendModule({
    pluginId: 'ownership',
    moduleId,
    register(env) {
      env.registerInit({
        deps: { ext: ownershipRulesExtensionPoint },
        async init({ ext }) {
          ext.addRules(...rules);
        },
      });
    },
  });
}

jest.setTimeout(30_000);

describe('ownership backend plugin', () => {
  it('counts the audited entities by kind and lifecycle', async () => {
    const { server } = await startTestBackend({
      features: [ownershipPlugin, catalogServiceMock.factory({ entities })],
    });

    const res = await request(server).get('/api/ownership/overview');

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      scopeKinds: ['Component', 'System', 'API', 'Resource'],
      kinds: [
        { kind: 'Component', count: 4 },
        { kind: 'System', count: 1 },
        { kind: 'API', count: 0 },
        { kind: 'Resource', count: 0 },
      ],
      total: 5,
      lifecycles: { production: 2, experimental: 1, unknown: 2 },
      generatedAt: expect.any(String),
    });
  });

  it('reads the catalog in pages, projected to the fields it needs', async () => {
    const catalog = catalogServiceMock.mock({
      streamEntities: jest.fn(async function* stream() {
        yield [component('x', 'production')];
        yield [component('y', 'production')];
      }),
    });
    const { server } = await startTestBackend({
      features: [ownershipPlugin, catalog.factory],
    });

    const res = await request(server).get('/api/ownership/overview');

    expect(res.body.total).toBe(2);
    expect(catalog.streamEntities).toHaveBeenCalledWith(
      {
        filter: { kind: ['Component', 'System', 'API', 'Resource'] },
        fields: ['kind', 'spec.lifecycle'],
        pageSize: 500,
      },
      { credentials: mockCredentials.user() },
    );
  });

  it('honours ownership.scope.kinds', async () => {
    const { server } = await startTestBackend({
      features: [
        ownershipPlugin,
        catalogServiceMock.factory({ entities }),
        mockServices.rootConfig.factory({
          data: { ownership: { scope: { kinds: ['System'] } } },
        }),
      ],
    });

    const res = await request(server).get('/api/ownership/overview');

    expect(res.body.kinds).toEqual([{ kind: 'System', count: 1 }]);
    expect(res.body.total).toBe(1);
  });

  it('refuses requests without Backstage credentials', async () => {
    const { server } = await startTestBackend({
      features: [ownershipPlugin, catalogServiceMock.factory({ entities })],
    });

    for (const path of [
      '/api/ownership/overview',
      '/api/ownership/rules',
      '/api/ownership/runs/latest',
    ]) {
      const res = await request(server)
        .get(path)
        .set('authorization', mockCredentials.none.header());
      expect(res.status).toBe(401);
    }
  });

  it('serves service callers too', async () => {
    const { server } = await startTestBackend({
      features: [ownershipPlugin, catalogServiceMock.factory({ entities })],
    });

    const res = await request(server)
      .get('/api/ownership/overview')
      .set('authorization', mockCredentials.service.header());

    expect(res.status).toBe(200);
  });

  it('has no latest run before the first audit run', async () => {
    const { server } = await startTestBackend({
      features: [ownershipPlugin, catalogServiceMock.factory({ entities })],
    });

    const res = await request(server).get('/api/ownership/runs/latest');

    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe(
      'No ownership audit run has been started yet',
    );
  });

  it('lists rules that backend modules register', async () => {
    const { server } = await startTestBackend({
      features: [
        ownershipPlugin,
        catalogServiceMock.factory({ entities }),
        rulesModule('custom-rules', rule),
      ],
    });

    const res = await request(server).get('/api/ownership/rules');

    expect(res.status).toBe(200);
    expect(res.body.items.map((r: { id: string }) => r.id)).toEqual([
      'adr.missing',
      'adr.stale-proposal',
      'custom.described',
      'oncall.annotation-invalid',
      'oncall.gap',
      'oncall.missing',
      'owner.codeowners-mismatch',
      'owner.disputed',
      'owner.empty-team',
      'owner.individual',
      'owner.missing',
      'owner.unresolved',
      'runbook.missing',
      'runbook.stale',
      'runbook.unreachable',
      'slo.missing',
      'techdebt.overdue',
      'techdebt.register-invalid',
      'techdebt.untriaged',
    ]);
    expect(res.body.items[2]).toEqual({
      id: 'custom.described',
      defaultSeverity: 'info',
      description: 'Entities have a description.',
      remediation: 'Add metadata.description.',
      enabled: true,
      severity: 'info',
      operational: false,
      lifecycles: {},
      options: {},
    });
  });

  it('fails to start when two modules register the same rule id', async () => {
    await expect(
      startTestBackend({
        features: [
          ownershipPlugin,
          catalogServiceMock.factory({ entities }),
          rulesModule('first', rule),
          rulesModule('second', rule),
        ],
      }),
    ).rejects.toThrow(/"custom.described" is registered twice/);
  });

  it('fails to start with an empty scope list, naming the key', async () => {
    await expect(
      startTestBackend({
        features: [
          ownershipPlugin,
          catalogServiceMock.factory({ entities }),
          mockServices.rootConfig.factory({
            data: { ownership: { scope: { kinds: [] } } },
          }),
        ],
      }),
    ).rejects.toThrow(/ownership\.scope\.kinds/);
  });
});
