import { mockCredentials } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  type AuditRun,
  type FindingRecord,
  type Page,
  RULE_IDS,
  type Severity,
} from '@ownership-portal/plugin-ownership-common';
import type {
  PageRequest,
  ResultStore,
  RunStore,
  ServiceFilter,
  TeamResult,
} from '../database/types';
import type { ListParams } from '../services/query/ServiceQueries';
import type { CampaignService } from '../services/campaigns/CampaignService';
import type { LookupService } from '../services/lookup/LookupService';
import type { CatalogVisibility } from '../services/query/CatalogVisibility';
import { Selection } from '../services/query/Selection';
import { ServiceQueries } from '../services/query/ServiceQueries';
import { registerOwnershipActions } from '.';

const RUN = { runId: 42, generatedAt: '2025-06-01T06:00:00.000Z' };

function record(
  name: string,
  ruleId: string,
  severity: Severity = 'error',
  /** `null` for an entity without an owner. */
  ownerRef: string | null = 'group:default/payments-team',
): FindingRecord {
  const entityRef = `component:default/${name}`;
  return {
    entityRef,
    kind: 'Component',
    title: name,
    lifecycle: 'production',
    ...(ownerRef && { ownerRef }),
    ruleId,
    severity,
    message: `${entityRef}: ${ruleId}`,
    remediation: `Fix ${ruleId} in catalog-info.yaml`,
  };
}

function register(services: unknown) {
  const actionsRegistry = actionsRegistryServiceMock();
  registerOwnershipActions({
    actionsRegistry,
    services: services as ServiceQueries,
    lookup: {} as unknown as LookupService,
    visibility: {} as unknown as CatalogVisibility,
    campaigns: {} as unknown as CampaignService,
  });
  const credentials = mockCredentials.user('user:default/dave');
  const list = async (input: Record<string, any> = {}) => {
    const { output } = await actionsRegistry.invoke({
      id: 'test:list-ownership-findings',
      input,
      credentials,
    });
    return output as Record<string, any>;
  };
  return { actionsRegistry, credentials, list };
}

describe('list-ownership-findings', () => {
  describe('with fake queries', () => {
    function setup(pages: Page<FindingRecord>[]) {
      const findings = jest.fn(
        async (_params: ListParams, _credentials: BackstageCredentials) => {
          const page = pages.shift();
          if (!page) {
            throw new Error('no more pages');
          }
          return page;
        },
      );
      return { findings, ...register({ findings }) };
    }

    it('is described as a read-only, idempotent action', async () => {
      const { actionsRegistry } = setup([]);

      const { actions } = await actionsRegistry.list();
      const action = actions.find(a => a.name === 'list-ownership-findings')!;

      expect(action.attributes).toEqual({
        readOnly: true,
        idempotent: true,
        destructive: false,
      });
      expect(action.schema.input).toMatchObject({
        properties: {
          team: { type: 'string' },
          ruleId: { type: 'array' },
          severity: {
            type: 'array',
            items: { enum: ['error', 'warning', 'info'] },
          },
          limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
        },
      });
    });

    it('passes the filters through and returns the findings', async () => {
      const items = [
        record('payments-api', 'owner.empty-team'),
        record('payments-worker', 'runbook.missing', 'warning'),
      ];
      const { findings, credentials, list } = setup([
        { items, totalItems: 2, ...RUN },
      ]);

      const output = await list({
        team: 'payments-team',
        ruleId: ['owner.empty-team', 'runbook.missing'],
        severity: ['error', 'warning'],
      });

      expect(findings).toHaveBeenCalledTimes(1);
      expect(findings).toHaveBeenCalledWith(
        {
          team: 'payments-team',
          ruleId: ['owner.empty-team', 'runbook.missing'],
          severity: ['error', 'warning'],
          kind: [],
          lifecycle: [],
          q: undefined,
          limit: 50,
        },
        credentials,
      );
      expect(output).toEqual({
        items: [
          {
            entityRef: 'component:default/payments-api',
            title: 'payments-api',
            ownerRef: 'group:default/payments-team',
            ruleId: 'owner.empty-team',
            severity: 'error',
            message: 'component:default/payments-api: owner.empty-team',
            remediation: 'Fix owner.empty-team in catalog-info.yaml',
          },
          {
            entityRef: 'component:default/payments-worker',
            title: 'payments-worker',
            ownerRef: 'group:default/payments-team',
            ruleId: 'runbook.missing',
            severity: 'warning',
            message: 'component:default/payments-worker: runbook.missing',
            remediation: 'Fix runbook.missing in catalog-info.yaml',
          },
        ],
        totalItems: 2,
        truncated: false,
        ...RUN,
      });
    });

    it('defaults to no filters and a limit of 50', async () => {
      const { findings, list } = setup([{ items: [], totalItems: 0, ...RUN }]);

      const output = await list();

      expect(findings.mock.calls[0][0]).toEqual({
        ruleId: [],
        severity: [],
        kind: [],
        lifecycle: [],
        limit: 50,
      });
      expect(output).toEqual({
        items: [],
        totalItems: 0,
        truncated: false,
        ...RUN,
      });
    });

    it('says when more findings match than the limit', async () => {
      const { findings, list } = setup([
        {
          items: [record('a', 'owner.missing'), record('b', 'owner.missing')],
          totalItems: 9,
          nextCursor: 'c1',
          ...RUN,
        },
      ]);

      const output = await list({ limit: 2 });

      expect(findings).toHaveBeenCalledTimes(1);
      expect(findings.mock.calls[0][0].limit).toBe(2);
      expect(output.items).toHaveLength(2);
      expect(output).toMatchObject({ totalItems: 9, truncated: true });
    });

    it('fills the gaps hidden entities leave from the next pages', async () => {
      const { findings, list } = setup([
        {
          items: [record('a', 'owner.missing')],
          totalItems: 5,
          nextCursor: 'c1',
          ...RUN,
        },
        {
          items: [record('c', 'owner.missing')],
          totalItems: 5,
          nextCursor: 'c2',
          ...RUN,
        },
        {
          items: [record('e', 'owner.missing')],
          totalItems: 5,
          ...RUN,
        },
      ]);

      const output = await list({ limit: 3 });

      expect(findings.mock.calls.map(c => [c[0].limit, c[0].cursor])).toEqual([
        [3, undefined],
        [2, 'c1'],
        [1, 'c2'],
      ]);
      expect(output.items.map((i: FindingRecord) => i.entityRef)).toEqual([
        'component:default/a',
        'component:default/c',
        'component:default/e',
      ]);
      expect(output).toMatchObject({ totalItems: 5, truncated: false });
    });

    it('reads at most five pages for a caller who can see little', async () => {
      const empty = (cursor: string) => ({
        items: [],
        totalItems: 1000,
        nextCursor: cursor,
        ...RUN,
      });
      const { findings, list } = setup([
        empty('c1'),
        empty('c2'),
        empty('c3'),
        empty('c4'),
        empty('c5'),
        empty('c6'),
      ]);

      const output = await list({ limit: 10 });

      expect(findings).toHaveBeenCalledTimes(5);
      expect(output).toMatchObject({
        items: [],
        totalItems: 1000,
        truncated: true,
      });
    });

    it('rejects limits and severities out of range', async () => {
      const { findings, list } = setup([]);

      for (const input of [
        { limit: 0 },
        { limit: 201 },
        { limit: 2.5 },
        { severity: ['fatal'] },
        { team: '' },
      ]) {
        await expect(list(input)).rejects.toMatchObject({ name: 'InputError' });
      }
      expect(findings).not.toHaveBeenCalled();
    });
  });

  describe('with the real queries', () => {
    const run: AuditRun = {
      id: 42,
      status: 'succeeded',
      trigger: 'schedule',
      startedAt: '2025-06-01T05:55:00.000Z',
      finishedAt: RUN.generatedAt,
      processed: 4,
      total: 4,
    };
    const stored = [
      record('payments-api', 'owner.empty-team'),
      record('payments-secret', 'owner.empty-team'),
      record('payments-worker', 'runbook.missing', 'warning'),
      record('search', 'owner.missing', 'error', null),
      record(
        'search-worker',
        'owner.unresolved',
        'error',
        'group:default/serch',
      ),
    ];
    const teams = new Map<string, Partial<TeamResult>>([
      [
        'group:default/payments-team',
        {
          entityRef: 'group:default/payments-team',
          subGroups: ['group:default/payments-oncall'],
        },
      ],
    ]);

    function setup() {
      const runs = {
        getLatestSucceededRun: async () => run,
        getRun: async (id: number) => (id === run.id ? run : undefined),
      };
      const select = (filter: ServiceFilter) =>
        stored.filter(
          f =>
            (!filter.entityRefs || filter.entityRefs.includes(f.entityRef)) &&
            (!filter.ownerRefs ||
              filter.ownerRefs.includes(f.ownerRef ?? '')) &&
            (!filter.ruleIds || filter.ruleIds.includes(f.ruleId)) &&
            (!filter.severities || filter.severities.includes(f.severity)),
        );
      const results = {
        getTeam: async (_runId: number, ref: string) => teams.get(ref),
        countFindingsByEntity: jest.fn(
          async (_runId: number, filter: ServiceFilter) => {
            const counts = new Map<string, number>();
            for (const f of select(filter)) {
              counts.set(f.entityRef, (counts.get(f.entityRef) ?? 0) + 1);
            }
            return [...counts].map(([entityRef, count]) => ({
              entityRef,
              count,
            }));
          },
        ),
        listFindings: jest.fn(
          async (_runId: number, filter: ServiceFilter, page: PageRequest) => {
            const selected = select(filter);
            return {
              items: selected.slice(page.offset, page.offset + page.limit),
              totalItems: selected.length,
            };
          },
        ),
      };
      const hidden = new Set([
        'component:default/payments-secret',
        'group:default/hidden-team',
      ]);
      const visibility = {
        readable: async (refs: string[]) =>
          new Set(refs.filter(ref => !hidden.has(ref))),
        canRead: async (ref: string) => !hidden.has(ref),
      };
      const selection = Selection.create({
        runs: runs as unknown as RunStore,
        results: results as unknown as ResultStore,
        ruleIds: () => [...RULE_IDS],
        kinds: ['Component'],
        visibility: visibility as unknown as CatalogVisibility,
      });
      const services = ServiceQueries.create({
        results: results as unknown as ResultStore,
        selection,
        visibility: visibility as unknown as CatalogVisibility,
      });
      return { results, ...register(services) };
    }

    it('filters by team, sub-groups included, and leaves out hidden entities', async () => {
      const { results, list } = setup();

      const output = await list({ team: 'payments-team', limit: 2 });

      expect(results.countFindingsByEntity.mock.calls[0][1]).toEqual({
        ownerRefs: [
          'group:default/payments-team',
          'group:default/payments-oncall',
        ],
      });
      expect(output).toEqual({
        items: [
          expect.objectContaining({
            entityRef: 'component:default/payments-api',
          }),
          expect.objectContaining({
            entityRef: 'component:default/payments-worker',
            severity: 'warning',
          }),
        ],
        totalItems: 2,
        truncated: false,
        ...RUN,
      });
      expect(JSON.stringify(output)).not.toContain('payments-secret');
    });

    it('lists findings without an owner without ownerRef', async () => {
      const { list } = setup();

      const output = await list({ ruleId: ['owner.missing'] });

      expect(output.items).toEqual([
        {
          entityRef: 'component:default/search',
          title: 'search',
          ruleId: 'owner.missing',
          severity: 'error',
          message: 'component:default/search: owner.missing',
          remediation: 'Fix owner.missing in catalog-info.yaml',
        },
      ]);
    });

    it('gives the same errors as the REST API for unknown teams and rules', async () => {
      const { list } = setup();

      await expect(list({ team: 'nobody' })).rejects.toMatchObject({
        name: 'InputError',
        message:
          'Invalid query parameter team: group:default/nobody is not a Group in audit run 42',
      });
      // A team the caller may not read is answered as if it did not exist.
      teams.set('group:default/hidden-team', {
        entityRef: 'group:default/hidden-team',
        subGroups: [],
      });
      await expect(list({ team: 'hidden-team' })).rejects.toMatchObject({
        name: 'InputError',
        message:
          'Invalid query parameter team: group:default/hidden-team is not a Group in audit run 42',
      });
      await expect(
        list({ ruleId: ['owner.missing', 'owner.typo'] }),
      ).rejects.toMatchObject({
        name: 'InputError',
        message:
          'Invalid query parameter ruleId: unknown rule "owner.typo"; see GET /api/ownership/rules',
      });
      await expect(list({ team: 'user:' })).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringContaining(
          'Invalid query parameter team: "user:" is not an entity ref',
        ),
      });
    });
  });
});
