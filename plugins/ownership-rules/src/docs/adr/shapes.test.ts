import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentReader, FolderResult } from '../types';
import { readAdrs } from './readAdrs';

const SHAPES = join(__dirname, '__shapes__');
const BASE = 'https://git.example.com/acme/orders/blob/main/docs/adr';

function folderReader(style: string): DocumentReader {
  const dir = join(SHAPES, style);
  const result: FolderResult = {
    status: 'ok',
    url: BASE,
    skipped: [],
    files: readdirSync(dir).map(file => ({
      url: `${BASE}/${file}`,
      text: readFileSync(join(dir, file), 'utf8'),
      // A fresh checkout: every file was "modified" just now.
      lastModified: new Date(),
    })),
  };
  return {
    resolve: jest.fn(),
    readFile: jest.fn(),
    readFolder: jest.fn(async () => result),
  };
}

type Row = [
  file: string,
  status: string,
  date: string | null,
  supersededBy: string | null,
];

async function rows(style: string) {
  const folder = await readAdrs(folderReader(style), BASE);
  return {
    rows: folder.adrs.map(
      (a): Row => [a.file, a.status, a.date ?? null, a.supersededBy ?? null],
    ),
    adrs: folder.adrs,
    problems: folder.problems,
  };
}

/**
 * ADR folders in the shapes public repositories keep them in (adr-tools,
 * MADR 2 and 3, log4brains, hand-rolled), read as from a fresh checkout:
 * every file's modification time is now, and none of it may become a
 * decision date.
 */
describe('readAdrs on the shapes of real ADR folders', () => {
  it('reads adr-tools records: Date lines, Status sections and generated link lines', async () => {
    const { rows: read, problems, adrs } = await rows('adr-tools');
    expect(read).toEqual([
      ['0001-record-architecture-decisions.md', 'accepted', '2022-01-10', null],
      [
        '0002-queue-orders-through-rabbitmq.md',
        'superseded',
        '2022-02-14',
        '0004-stream-order-events-through-kafka.md',
      ],
      ['0003-keep-sessions-in-redis.md', 'proposed', null, null],
      [
        '0004-stream-order-events-through-kafka.md',
        'accepted',
        '2023-06-01',
        null,
      ],
    ]);
    // "Amends [1. ..](..)" is a relation, not a status or a supersession.
    expect(adrs[3].supersedes).toEqual([
      '0002-queue-orders-through-rabbitmq.md',
    ]);
    expect(adrs.map(a => a.title)).toContain(
      'Stream order events through Kafka',
    );
    expect(problems).toEqual([]);
  });

  it('reads MADR 2 bullet fields and leaves index.md and adr-template.md out', async () => {
    const { rows: read, adrs, problems } = await rows('madr2');
    expect(read).toEqual([
      ['0000-use-madr.md', 'accepted', '2021-03-04', null],
      ['0001-bill-in-minor-units.md', 'accepted', '2021-05-20', null],
      ['0002-retry-card-payments.md', 'proposed', null, null],
    ]);
    expect(adrs[0].deciders).toEqual(['Ana Ruiz', 'Tom Becker']);
    expect(adrs[1].deciders).toEqual(['Ana Ruiz']);
    expect(problems).toEqual([]);
  });

  it('reads MADR 3 front matter with commented keys, without a status, and with a supersession link', async () => {
    const { rows: read, adrs, problems } = await rows('madr3');
    expect(read).toEqual([
      [
        '0001-use-markdown-any-decision-records.md',
        'accepted',
        '2023-09-12',
        null,
      ],
      ['0002-run-workers-on-spot-instances.md', 'unknown', '2024-01-08', null],
      [
        '0003-keep-search-in-postgres.md',
        'superseded',
        '2023-10-02',
        '0004-move-search-to-opensearch.md',
      ],
      ['0004-move-search-to-opensearch.md', 'accepted', '2024-04-18', null],
      ['0005-adopt-feature-flags.md', 'proposed', null, null],
    ]);
    expect(adrs[0].deciders).toEqual(['Priya Natarajan', 'Jonas Weber']);
    expect(adrs[3].supersedes).toEqual(['0003-keep-search-in-postgres.md']);
    expect(problems).toEqual([
      '0002-run-workers-on-spot-instances.md: no status: write "status:" in the front matter, a "Status:" line under the title or a "## Status" section',
    ]);
  });

  it('reads log4brains records: date-named files, the draft status, supersession in Links', async () => {
    const { rows: read, adrs, problems } = await rows('log4brains');
    expect(read).toEqual([
      [
        '20230301-use-log4brains-to-manage-the-adrs.md',
        'accepted',
        '2023-03-01',
        null,
      ],
      [
        '20230915-pin-the-node-version.md',
        'superseded',
        '2023-09-15',
        '20240110-use-volta-for-toolchains.md',
      ],
      ['20240110-use-volta-for-toolchains.md', 'accepted', '2024-01-10', null],
      ['20240602-split-the-monorepo.md', 'proposed', null, null],
    ]);
    expect(adrs[2].supersedes).toEqual(['20230915-pin-the-node-version.md']);
    expect(adrs[1].title).toBe('Pin the Node.js version in CI');
    expect(problems).toEqual([]);
  });

  it('reads hand-rolled shapes: bold fields, dotted dates, emoji, blockquoted status, a back link above it', async () => {
    const { rows: read, adrs, problems } = await rows('custom');
    expect(read).toEqual([
      ['0001-record-decisions.md', 'accepted', '2019-10-15', null],
      ['0002-graph-store.md', 'accepted', '2025-09-05', null],
      ['0003-lakehouse-store.md', 'accepted', '2026-01-20', null],
      [
        '0004-batch-retries.md',
        'superseded',
        '2026-05-29',
        '0005-retry-budget.md',
      ],
      ['0005-retry-budget.md', 'proposed', null, null],
    ]);
    expect(adrs.map(a => a.title)).toEqual([
      'Record decisions',
      'A graph store in DuckDB for now',
      'Keep the graph in the lakehouse',
      'Batch retries',
      'A retry budget per tenant',
    ]);
    expect(adrs[0].deciders).toEqual(['Lena Fischer']);
    expect(problems).toEqual([]);
  });

  it('never dates a record by its modification time, in any shape', async () => {
    for (const style of [
      'adr-tools',
      'madr2',
      'madr3',
      'log4brains',
      'custom',
    ]) {
      const today = new Date().toISOString().slice(0, 10);
      const { adrs } = await rows(style);
      expect(adrs.filter(a => a.date === today)).toEqual([]);
    }
  });
});
