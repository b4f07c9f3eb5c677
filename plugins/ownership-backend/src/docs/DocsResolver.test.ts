import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { ResolvedService } from '@ownership-portal/plugin-ownership-common';
import type { TechDebtSource } from '@ownership-portal/plugin-ownership-node';
import { pathToFileURL } from 'node:url';
import { resolveCatalog } from '../__testUtils__/resolved';
import { DocsResolver } from './DocsResolver';
import { DocumentReaderService } from './reader';
import {
  memoryCache,
  tempFolder,
  writeFiles,
} from './reader/__testUtils__/fakes';

const now = new Date('2026-11-28T12:00:00Z');
const base = resolveCatalog().get('component:default/payments-api')!;

async function setup(sources: TechDebtSource[] = []) {
  const outside = await tempFolder('ownership-outside-');
  const root = await tempFolder();
  await writeFiles(outside, {
    'secret.md': '---\nlast_reviewed: 2026-11-01\n---\n# Secret\n',
  });
  await writeFiles(root, {
    'payments/catalog-info.yaml': 'kind: Component',
    'payments/docs/runbooks/restart.md':
      '---\nlast_reviewed: 2026-11-01\n---\n# Restart\n',
    'payments/docs/adrs/0001-use-postgres.md':
      '---\nstatus: proposed\ndate: 2026-05-01\n---\n# Use PostgreSQL\n',
    'payments/docs/debt.yaml':
      'items:\n  - id: D-1\n    title: Old driver\n    impact: high\n    effort: 2\n    created: 2026-01-01\n    status: open\n',
    'broken/catalog-info.yaml': 'kind: Component',
    'broken/debt.yaml': 'items:\n  - id: X\n    impact: huge\n',
  });
  const reader = DocumentReaderService.create({
    config: new ConfigReader({ ownership: { docs: { localRoots: [root] } } }),
    urlReader: mockServices.urlReader.mock(),
    cache: memoryCache(),
  });
  const resolver = DocsResolver.create({
    reader,
    sources,
    logger: mockServices.logger.mock(),
    runbookMaxAgeDays: 180,
    debtMaxAgeDays: 90,
  });
  const service = (
    dir: string,
    annotations: Record<string, string>,
  ): ResolvedService => ({
    ...base,
    links: [],
    teamLinks: [],
    annotations: {
      'backstage.io/managed-by-location': `file:${root}/${dir}/catalog-info.yaml`,
      ...annotations,
    },
  });
  return { resolver, service, root, outside };
}

describe('DocsResolver', () => {
  it("reads an entity's runbooks, ADRs and debt register relative to its source", async () => {
    const { resolver, service } = await setup();
    const docs = await resolver.resolve(
      service('payments', {
        'ownership-portal/runbooks': 'docs/runbooks',
        'backstage.io/adr-location': 'docs/adrs',
        'ownership-portal/tech-debt': './docs/debt.yaml',
      }),
      now,
    );
    expect(docs.runbooks).toEqual([
      expect.objectContaining({
        title: 'Restart',
        freshness: 'fresh',
        status: 'ok',
        source: 'annotation',
      }),
    ]);
    expect(docs.adrs).toEqual([
      expect.objectContaining({
        title: 'Use PostgreSQL',
        status: 'proposed',
        date: '2026-05-01',
      }),
    ]);
    expect(docs.techDebt).toMatchObject({
      openCount: 1,
      overdueCount: 1,
      effortDays: 2,
      items: [expect.objectContaining({ id: 'D-1', source: 'register' })],
      problems: [],
    });
  });

  it('refuses locations outside the roots, `..` escapes included, and reports them', async () => {
    const { resolver, service, outside } = await setup();
    const escape = await resolver.resolve(
      service('payments', {
        'ownership-portal/runbooks': '../../../../../../../../etc/hostname',
      }),
      now,
    );
    expect(escape.runbooks[0]).toMatchObject({
      status: 'unreachable',
      reason: expect.stringContaining('outside ownership.docs.localRoots'),
    });
    const absolute = await resolver.resolve(
      service('payments', {
        'ownership-portal/runbooks': pathToFileURL(
          `${outside}/secret.md`,
        ).toString(),
      }),
      now,
    );
    expect(absolute.runbooks[0]).toMatchObject({
      status: 'unreachable',
      freshness: 'unknown',
      reason: expect.stringContaining('outside ownership.docs.localRoots'),
    });
  });

  it('records an invalid register as problems, and a failing debt source without failing', async () => {
    const failing: TechDebtSource = {
      id: 'github',
      appliesTo: () => true,
      read: async () => {
        throw new Error('GitHub is failing; calls are paused');
      },
    };
    const { resolver, service } = await setup([failing]);
    const docs = await resolver.resolve(
      service('broken', { 'ownership-portal/tech-debt': 'debt.yaml' }),
      now,
    );
    expect(docs.techDebt!.items).toEqual([]);
    expect(docs.techDebt!.problems).toEqual(
      expect.arrayContaining([
        {
          source: 'register',
          message: expect.stringMatching(/items\[0\]\.impact \(line \d+\)/),
        },
        { source: 'github', message: 'GitHub is failing; calls are paused' },
      ]),
    );
  });

  it('has no debt and no ADRs for an entity that names none', async () => {
    const { resolver, service } = await setup();
    expect(await resolver.resolve(service('payments', {}), now)).toEqual({
      runbooks: [],
    });
  });
});
