import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { ResolvedService } from '@ownership-portal/plugin-ownership-common';
import {
  RemoteHttpError,
  ResilienceError,
  type TechDebtSource,
} from '@ownership-portal/plugin-ownership-node';
import { pathToFileURL } from 'node:url';
import { resolveCatalog } from '../__testUtils__/resolved';
import type { AdrFirstSeenStore } from './adr/firstSeen';
import { DocsResolver } from './DocsResolver';
import { DocumentReaderService } from './reader';
import { memoryCache } from '../__testUtils__/cache';
import { tempFolder, writeFiles } from './reader/__testUtils__/fakes';
import type {
  DocumentReader,
  DocumentResult,
  FolderResult,
} from '@ownership-portal/plugin-ownership-rules';

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

  describe('when a source cannot be read just now', () => {
    const FOLDER = 'https://github.com/acme/payments/tree/main/docs/adr';
    const REGISTER = 'https://github.com/acme/payments/blob/main/debt.yaml';
    const remote = (annotations: Record<string, string>): ResolvedService => ({
      ...base,
      links: [],
      teamLinks: [],
      annotations,
    });

    /** A reader whose answers the test sets; resolve passes URLs through. */
    function scriptedReader(answers: {
      file?: DocumentResult;
      folder?: FolderResult;
    }): DocumentReader {
      return {
        resolve: target => ({ url: target }),
        readFile: async url =>
          answers.file ?? { status: 'unreachable', url, reason: 'none' },
        readFolder: async url =>
          answers.folder ?? { status: 'unreachable', url, reason: 'none' },
      };
    }

    function resolverWith(
      reader: DocumentReader,
      options: {
        sources?: TechDebtSource[];
        firstSeen?: AdrFirstSeenStore;
      } = {},
    ) {
      return DocsResolver.create({
        reader,
        sources: options.sources ?? [],
        cache: memoryCache(),
        firstSeen: options.firstSeen,
        logger: mockServices.logger.mock(),
        runbookMaxAgeDays: 180,
        debtMaxAgeDays: 90,
      });
    }

    it('says an ADR folder never read is unknown, with no problem to report', async () => {
      const docs = await resolverWith(
        scriptedReader({
          folder: { status: 'unknown', url: FOLDER, reason: '503 from github' },
        }),
      ).resolve(remote({ 'backstage.io/adr-location': FOLDER }), now);
      expect(docs.adrs).toBeUndefined();
      expect(docs.adrProblems).toBeUndefined();
      expect(docs.adrRead).toEqual({
        status: 'unknown',
        reason: '503 from github',
      });
    });

    it('serves a stale ADR folder with its reason and when it was read', async () => {
      const stale = { reason: 'timed out', readAt: '2026-11-20T00:00:00.000Z' };
      const docs = await resolverWith(
        scriptedReader({
          folder: {
            status: 'ok',
            url: FOLDER,
            skipped: [],
            files: [
              {
                url: `${FOLDER}/0001-a.md`,
                text: '# A\n\nStatus: accepted\n',
              },
            ],
            stale,
          },
        }),
      ).resolve(remote({ 'backstage.io/adr-location': FOLDER }), now);
      expect(docs.adrs?.map(a => a.title)).toEqual(['A']);
      expect(docs.adrRead).toEqual({ status: 'stale', ...stale });
    });

    it('dates proposals by the record, else by when the portal first saw them proposed', async () => {
      const seenAt = new Date('2026-09-01T10:00:00Z');
      const observe = jest.fn(
        async (options: { proposed: string[] }) =>
          new Map(options.proposed.map(url => [url, seenAt])),
      );
      const docs = await resolverWith(
        scriptedReader({
          folder: {
            status: 'ok',
            url: FOLDER,
            skipped: [],
            files: [
              {
                url: `${FOLDER}/0001-dated.md`,
                text: '# Dated\n\nDate: 2026-10-01\n\n## Status\n\nProposed\n',
              },
              {
                url: `${FOLDER}/0002-undated.md`,
                text: '# Undated\n\n## Status\n\nProposed\n',
                lastModified: new Date('2026-11-27T00:00:00Z'),
              },
              {
                url: `${FOLDER}/0003-done.md`,
                text: '# Done\n\n## Status\n\nAccepted\n',
              },
            ],
          },
        }),
        { firstSeen: { observe } },
      ).resolve(remote({ 'backstage.io/adr-location': FOLDER }), now);
      expect(observe).toHaveBeenCalledWith({
        proposed: [`${FOLDER}/0002-undated.md`],
        notProposed: [`${FOLDER}/0003-done.md`],
        now,
      });
      expect(docs.adrs?.map(a => [a.file, a.date, a.proposedSince])).toEqual([
        [
          '0001-dated.md',
          '2026-10-01',
          { date: '2026-10-01', source: 'record' },
        ],
        [
          '0002-undated.md',
          undefined,
          { date: '2026-09-01', source: 'first-seen' },
        ],
        ['0003-done.md', undefined, undefined],
      ]);
    });

    it('marks a register never read as unknown, and a stale one as stale, never as invalid', async () => {
      const unknown = await resolverWith(
        scriptedReader({
          file: { status: 'unknown', url: REGISTER, reason: '429 from github' },
        }),
      ).resolve(remote({ 'ownership-portal/tech-debt': REGISTER }), now);
      expect(unknown.techDebt).toMatchObject({
        items: [],
        problems: [],
        reads: [
          { source: 'register', status: 'unknown', reason: '429 from github' },
        ],
      });

      const stale = { reason: 'reset', readAt: '2026-11-27T00:00:00.000Z' };
      const served = await resolverWith(
        scriptedReader({
          file: {
            status: 'ok',
            url: REGISTER,
            text: 'items:\n  - id: D-1\n    title: Old driver\n    impact: high\n    effort: 2\n    created: 2026-01-01\n    status: open\n',
            stale,
          },
        }),
      ).resolve(remote({ 'ownership-portal/tech-debt': REGISTER }), now);
      expect(served.techDebt).toMatchObject({
        items: [expect.objectContaining({ id: 'D-1', source: 'register' })],
        problems: [],
        reads: [{ source: 'register', status: 'stale', ...stale }],
      });
    });

    it("keeps a debt source's last good items, marked stale, while it fails for a passing reason", async () => {
      let failure: Error | undefined;
      const source: TechDebtSource = {
        id: 'github',
        appliesTo: () => true,
        read: async () => {
          if (failure) {
            throw failure;
          }
          return [
            {
              id: '#7',
              title: 'Flaky retries',
              impact: 'high',
              created: '2026-10-01',
              status: 'open',
            },
          ];
        },
      };
      const resolver = resolverWith(scriptedReader({}), {
        sources: [source],
      });
      const entity = remote({});
      const first = await resolver.resolve(entity, now);
      expect(first.techDebt?.items).toHaveLength(1);
      expect(first.techDebt?.reads).toBeUndefined();

      failure = new RemoteHttpError(
        429,
        'GitHub rate limit reached',
        3_600_000,
      );
      const stale = await resolver.resolve(entity, now);
      expect(stale.techDebt).toMatchObject({
        items: [expect.objectContaining({ id: '#7', source: 'github' })],
        problems: [],
        reads: [
          {
            source: 'github',
            status: 'stale',
            reason: 'GitHub rate limit reached',
            readAt: expect.any(String),
          },
        ],
      });

      failure = new ResilienceError('open', 'GitHub is failing');
      const other = remote({ 'github.com/project-slug': 'acme/other' });
      expect(
        (
          await resolver.resolve(
            { ...other, entityRef: 'component:default/other' },
            now,
          )
        ).techDebt,
      ).toMatchObject({
        items: [],
        problems: [],
        reads: [
          { source: 'github', status: 'unknown', reason: 'GitHub is failing' },
        ],
      });

      // A definite answer is a problem, not a stale read.
      failure = new RemoteHttpError(
        404,
        'GitHub repository acme/payments was not found',
      );
      expect((await resolver.resolve(entity, now)).techDebt).toMatchObject({
        items: [],
        problems: [
          {
            source: 'github',
            message: 'GitHub repository acme/payments was not found',
          },
        ],
      });
    });
  });

  it('has no debt and no ADRs for an entity that names none', async () => {
    const { resolver, service } = await setup();
    expect(await resolver.resolve(service('payments', {}), now)).toEqual({
      runbooks: [],
    });
  });
});
