import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { RuleEngine } from '@ownership-portal/plugin-ownership-rules';
import { resolveCatalog } from '../../__testUtils__/resolved';
import { RuleRegistry } from '../RuleRegistry';
import { auditEntities } from './auditEntities';

describe('auditEntities', () => {
  it('lets waiting requests in while it works, even when every answer is at hand', async () => {
    const template = resolveCatalog().get('component:default/payments-api')!;
    const audited: Entity[] = Array.from({ length: 60 }, (_, i) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: `svc-${i}` },
      spec: { owner: 'team-a' },
    }));
    const engine = RuleEngine.create({
      rules: RuleRegistry.create({ rules: [] }),
      config: new ConfigReader({}),
      logger: mockServices.logger.mock(),
    });
    const events: string[] = [];
    // A request that arrives as the audit starts, waiting for its turn.
    setImmediate(() => events.push('request answered'));

    const results = await auditEntities({
      snapshot: { audited, groups: [], users: [], context: [] },
      resolve: entity => {
        // About 1 ms of CPU per entity, like resolving a large organisation.
        const until = performance.now() + 1;
        while (performance.now() < until) {
          // busy
        }
        return {
          ...template,
          entityRef: `component:default/${entity.metadata.name}`,
        };
      },
      subjectOf: service =>
        ({ service: { entityRef: service.entityRef } } as never),
      oncall: async () => undefined,
      engine,
      now: new Date('2026-12-01T00:00:00Z'),
      onProgress: async () => undefined,
    });
    events.push('audit done');

    expect(results).toHaveLength(60);
    expect(events).toEqual(['request answered', 'audit done']);
  });
});
