import type { ResolvedService } from '@ownership-portal/plugin-ownership-common';
import { resolveCatalog } from '../../__testUtils__/resolved';
import {
  collectRunbooks,
  type DocumentReader,
  type DocumentResult,
  type FolderResult,
  freshnessOf,
  readRunbook,
} from '@ownership-portal/plugin-ownership-rules';

const now = new Date('2026-11-28T12:00:00Z');
const base = resolveCatalog().get('component:default/payments-api')!;

function fakeReader(
  files: Record<string, DocumentResult>,
  folders: Record<string, FolderResult> = {},
): DocumentReader {
  return {
    resolve: (target, location) =>
      location
        ? {
            url: new URL(target, location.replace(/^file:/, 'file://'))
              .toString()
              .replace('file:///', 'file:/'),
          }
        : {
            error: `${target} is relative, but the entity has no backstage.io/managed-by-location`,
          },
    readFile: async url =>
      files[url] ?? { status: 'unreachable', url, reason: '404 not found' },
    readFolder: async url =>
      folders[url] ?? { status: 'unreachable', url, reason: '404 not found' },
  };
}

function service(overrides: Partial<ResolvedService>): ResolvedService {
  return { ...base, links: [], teamLinks: [], annotations: {}, ...overrides };
}

describe('readRunbook', () => {
  it('takes the review date from front matter, then last-modified, else none', () => {
    expect(
      readRunbook('---\nlast_reviewed: 2026-10-01\n---\n# Restart payments\n'),
    ).toEqual({
      title: 'Restart payments',
      reviewedAt: '2026-10-01T00:00:00.000Z',
      reviewedFrom: 'front-matter',
    });
    expect(
      readRunbook('---\nreviewed: 2026-09-01\ntitle: Failover\n---\n'),
    ).toMatchObject({
      title: 'Failover',
      reviewedFrom: 'front-matter',
    });
    expect(
      readRunbook('# No dates\n', new Date('2026-01-02T00:00:00Z')),
    ).toMatchObject({
      reviewedAt: '2026-01-02T00:00:00.000Z',
      reviewedFrom: 'last-modified',
    });
    expect(readRunbook('# No dates\n')).toEqual({ title: 'No dates' });
  });

  it('reports a review field that is not a date, and malformed front matter', () => {
    expect(readRunbook('---\nlast-reviewed: someday\n---\n# X\n').problem).toBe(
      'front matter last-reviewed "someday" is not a date',
    );
    expect(readRunbook('---\ntitle: [x\n---\n# X\n').problem).toMatch(
      /^front matter line/,
    );
  });

  it('calls a date within the threshold fresh, an older one stale, no date unknown', () => {
    expect(freshnessOf('2026-10-01T00:00:00Z', now, 180)).toBe('fresh');
    expect(freshnessOf('2025-10-01T00:00:00Z', now, 180)).toBe('stale');
    expect(freshnessOf(undefined, now, 180)).toBe('unknown');
  });
});

describe('collectRunbooks', () => {
  const options = (reader: DocumentReader) => ({
    reader,
    now,
    maxAgeDays: 180,
  });

  it('lists service and team runbook links, read or not, without duplicates', async () => {
    const reader = fakeReader({
      'https://wiki.example.com/payments/restart': {
        status: 'ok',
        url: 'https://wiki.example.com/payments/restart',
        text: '---\nlast_reviewed: 2026-11-01\n---\n# Restart\n',
      },
      'https://docs.internal.example/payments': {
        status: 'not-configured',
        url: 'https://docs.internal.example/payments',
        reason: 'no integration for docs.internal.example',
      },
    });
    const runbooks = await collectRunbooks(
      service({
        links: [
          {
            url: 'https://wiki.example.com/payments/restart',
            title: 'Restart',
            type: 'runbook',
          },
          {
            url: 'https://wiki.example.com/payments',
            title: 'Wiki',
            type: 'wiki',
          },
        ],
        teamLinks: [
          {
            url: 'https://docs.internal.example/payments',
            title: 'Team runbook',
            type: 'Runbook',
          },
          { url: 'https://wiki.example.com/payments/restart', type: 'runbook' },
          {
            url: 'https://wiki.example.com/payments/gone',
            title: 'Gone',
            type: 'runbook',
          },
        ],
      }),
      options(reader),
    );
    expect(runbooks).toEqual([
      expect.objectContaining({
        title: 'Restart',
        source: 'service-link',
        freshness: 'fresh',
        status: 'ok',
      }),
      expect.objectContaining({
        title: 'Team runbook',
        source: 'team-link',
        freshness: 'unknown',
        status: 'not-configured',
        reason: 'no integration for docs.internal.example',
      }),
      expect.objectContaining({
        title: 'Gone',
        status: 'unreachable',
        reason: '404 not found',
      }),
    ]);
  });

  it('reads an annotation naming a folder relative to the entity source', async () => {
    const folder = 'file:/repo/examples/docs/runbooks';
    const reader = fakeReader(
      {},
      {
        [folder]: {
          status: 'ok',
          url: folder,
          files: [
            {
              url: `${folder}/failover.md`,
              text: '# Failover\n',
              lastModified: new Date('2025-01-01T00:00:00Z'),
            },
            {
              url: `${folder}/restart.md`,
              text: '---\nlast_reviewed: 2026-11-20\n---\n# Restart\n',
            },
          ],
          skipped: [],
        },
      },
    );
    const runbooks = await collectRunbooks(
      service({
        annotations: {
          'ownership-portal/runbooks': '../docs/runbooks',
          'backstage.io/managed-by-location':
            'file:/repo/examples/components/payments.yaml',
        },
      }),
      options(reader),
    );
    expect(
      runbooks.map(r => [r.title, r.source, r.freshness, r.reviewedFrom]),
    ).toEqual([
      ['Failover', 'annotation', 'stale', 'last-modified'],
      ['Restart', 'annotation', 'fresh', 'front-matter'],
    ]);
  });

  it('reports an annotation that cannot be resolved', async () => {
    const [runbook] = await collectRunbooks(
      service({ annotations: { 'ownership-portal/runbooks': 'docs/run.md' } }),
      options(fakeReader({})),
    );
    expect(runbook).toMatchObject({
      status: 'unreachable',
      reason: expect.stringContaining('managed-by-location'),
    });
  });

  it('finds nothing for a service without runbooks', async () => {
    expect(await collectRunbooks(service({}), options(fakeReader({})))).toEqual(
      [],
    );
  });
});
