/* eslint-disable no-console */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import ownershipPlugin from '@ownership-portal/plugin-ownership-backend';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import prettier from 'prettier';
import { DEFAULT_SCOPE } from '../plugins/ownership-backend/src/config/scope';
import {
  CatalogReader,
  FIELDS,
  PAGE_SIZE,
} from '../plugins/ownership-backend/src/services/ingest/CatalogReader';
import { ownershipClient } from './lib/testBackendClient';
import { generateOrg, generateRotations } from './generateOrg';
import { ms, percentiles } from './stats';

const SERVICES = Number(process.env.BENCH_SERVICES ?? 10_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 50);
const OPENINGS = Number(process.env.BENCH_OPENINGS ?? 3);
const ANSWERS = Number(process.env.BENCH_ANSWERS ?? 200);
const PAGE = 50;
/** CatalogReader's own page size and projection of audited entities. */
const READER_PAGE = PAGE_SIZE;
const READER_FIELDS = FIELDS.audited;
/** A signed-in member of team-0, for answers (the mock permissions allow all). */
const ANSWERING_USER = mockCredentials.user.header('user:default/user-0-0');

type Row = {
  operation: string;
  samples: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** p50 over the p50 of one catalog page of 50. */
  ratioToPage?: number;
  /** p50 over the p50 of the full paginated catalog read. */
  ratioToFullRead?: number;
};

async function main() {
  const entities = generateOrg(SERVICES);
  // The backend's catalog and the baseline's are two InMemoryCatalogClients
  // over the same entities: the test backend does not hand its instance out.
  const catalog = catalogServiceMock({ entities });
  const backend = await startTestBackend({
    features: [
      ownershipPlugin,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({
        data: {
          ownership: {
            schedule: { frequency: { hours: 24 }, initialDelay: { hours: 24 } },
            oncall: { rotations: generateRotations(SERVICES) },
            // No lifecycle tick during the run, so no reminder is sent
            // through the (unconfigured) notifications backend.
            campaigns: { schedule: { frequency: { hours: 24 } } },
          },
        },
      }),
    ],
  });
  const { call, runAudit } = ownershipClient(backend);
  const timed = async <T>(samples: number[], action: () => Promise<T>) => {
    const t = performance.now();
    const result = await action();
    samples.push(performance.now() - t);
    return result;
  };
  const credentials = mockCredentials.service();
  const catalogPage = (cursor?: string) =>
    catalog.queryEntities(
      cursor
        ? { cursor, fields: READER_FIELDS, limit: READER_PAGE }
        : {
            filter: { kind: 'Component' },
            fields: READER_FIELDS,
            limit: READER_PAGE,
          },
      { credentials },
    );
  const fullRead = async () => {
    let count = 0;
    let page = await catalogPage();
    count += page.items.length;
    while (page.pageInfo.nextCursor) {
      page = await catalogPage(page.pageInfo.nextCursor);
      count += page.items.length;
    }
    return count;
  };

  // An audit first, so that the snapshot attaches its findings.
  const auditStarted = performance.now();
  await runAudit();
  const auditMs = performance.now() - auditStarted;

  // Opening, each beside a full catalog read of the same Components.
  await fullRead();
  // What opening reads of the catalog, the way the snapshot reads it.
  const reader = CatalogReader.create({ catalog, scope: DEFAULT_SCOPE });
  const opening: number[] = [];
  const reading: number[] = [];
  const snapshotReading: number[] = [];
  const campaigns: Array<{ id: number; progress: { total: number } }> = [];
  for (let i = 0; i < OPENINGS; i++) {
    const count = await timed(reading, fullRead);
    await timed(snapshotReading, () => reader.read(credentials));
    const campaign = await timed(opening, () =>
      call('/campaigns', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          title: `Benchmark review ${i + 1}`,
          scope: { include: { kinds: ['Component'] } },
          opensAt: '2026-01-01T00:00:00.000Z',
          dueAt: '2099-01-01T00:00:00.000Z',
        }),
      }),
    );
    if (campaign.state !== 'open' || campaign.progress.total !== count) {
      throw new Error(
        `Campaign ${campaign.id} is ${campaign.state} with ${campaign.progress.total} items; the catalog has ${count} Components`,
      );
    }
    campaigns.push(campaign);
  }
  const { id } = campaigns[0];
  const withFindings = (
    await call(`/campaigns/${id}/items?limit=500`)
  ).items.filter((item: { findings: string[] }) => item.findings.length > 0);
  if (withFindings.length === 0) {
    throw new Error('No item of the first 500 carries a finding of the audit');
  }

  // Reading, interleaved with the catalog's own page of 50.
  const second = await call(`/campaigns/${id}/items?limit=${PAGE}`);
  const samples = {
    details: [] as number[],
    items: [] as number[],
    pending: [] as number[],
    cursor: [] as number[],
    page: [] as number[],
  };
  for (const path of [
    `/campaigns/${id}`,
    `/campaigns/${id}/items?limit=${PAGE}`,
  ]) {
    await call(path); // warm the visibility cache
  }
  for (let i = 0; i < REQUESTS; i++) {
    await timed(samples.details, () => call(`/campaigns/${id}`));
    await timed(samples.items, () =>
      call(`/campaigns/${id}/items?limit=${PAGE}`),
    );
    await timed(samples.pending, () =>
      call(`/campaigns/${id}/items?limit=${PAGE}&pending=true`),
    );
    await timed(samples.cursor, () =>
      call(
        `/campaigns/${id}/items?limit=${PAGE}&cursor=${encodeURIComponent(
          second.nextCursor,
        )}`,
      ),
    );
    await timed(samples.page, () =>
      catalog.queryEntities(
        {
          filter: { kind: 'Component' },
          fields: READER_FIELDS,
          limit: PAGE,
        },
        { credentials },
      ),
    );
  }

  // Answering: one confirm per item, each a distinct entity.
  const refs: string[] = [];
  let cursor: string | undefined;
  while (refs.length < ANSWERS) {
    const page = await call(
      `/campaigns/${id}/items?limit=500&pending=true${
        cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''
      }`,
    );
    refs.push(
      ...page.items.map((item: { entityRef: string }) => item.entityRef),
    );
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  const answering: number[] = [];
  for (const entityRef of refs.slice(0, ANSWERS)) {
    await timed(answering, () =>
      call(`/campaigns/${id}/attestations`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: ANSWERING_USER,
        },
        body: JSON.stringify({ entityRef, answer: 'confirm' }),
      }),
    );
  }
  const after = await call(`/campaigns/${id}`);
  await backend.stop();

  const fullP50 = percentiles(reading).p50;
  const pageP50 = percentiles(samples.page).p50;
  const row = (operation: string, values: number[], api = true): Row => {
    const p = percentiles(values);
    return {
      operation,
      samples: values.length,
      ...p,
      ...(api && {
        ratioToPage: p.p50 / pageP50,
        ratioToFullRead: p.p50 / fullP50,
      }),
    };
  };
  const rows: Row[] = [
    row(
      `catalog: full read of ${SERVICES} Components (pages of ${READER_PAGE})`,
      reading,
      false,
    ),
    row(`catalog: one page of ${PAGE} Components`, samples.page, false),
    row(
      'catalog: what opening reads (CatalogReader: audited kinds, Groups, Users)',
      snapshotReading,
    ),
    row(`POST /campaigns (opens over ${SERVICES} services)`, opening),
    row('GET /campaigns/{id} (progress per team)', samples.details),
    row(`GET /campaigns/{id}/items?limit=${PAGE}`, samples.items),
    row(
      `GET /campaigns/{id}/items?limit=${PAGE}&pending=true`,
      samples.pending,
    ),
    row(
      `GET /campaigns/{id}/items?limit=${PAGE}&cursor=… (page 2)`,
      samples.cursor,
    ),
    row('POST /campaigns/{id}/attestations (confirm, one by one)', answering),
  ];
  const ratio = (value?: number) =>
    value === undefined
      ? ''
      : `${value >= 10 ? value.toFixed(0) : value.toPrecision(2)}x`;
  const markdown = [
    `Organisation: ${SERVICES} services, ${entities.length} catalog entities; SQLite; the catalog is catalogServiceMock (in-memory), so catalog times are a floor.`,
    `Audit run before opening: ${(auditMs / 1000).toFixed(2)} s; ${
      withFindings.length
    } of the first 500 items carry its findings; ${
      after.progress.answered
    } of ${after.progress.total} items answered at the end.`,
    `Opening beyond its catalog read (p50 minus p50: resolving, findings, storing ${SERVICES} items, the answer's visibility check): ${ms(
      percentiles(opening).p50 - percentiles(snapshotReading).p50,
    )}.`,
    '',
    '| operation | n | p50 | p90 | p99 | max | p50 / catalog page of 50 | p50 / full catalog read |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map(
      r =>
        `| ${r.operation} | ${r.samples} | ${ms(r.p50)} | ${ms(r.p90)} | ${ms(
          r.p99,
        )} | ${ms(r.max)} | ${ratio(r.ratioToPage)} | ${ratio(
          r.ratioToFullRead,
        )} |`,
    ),
    '',
  ].join('\n');
  console.log(`\n${markdown}`);
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const name = join(dir, `campaigns-${SERVICES}`);
  // Formatted as the repository's prettier check expects.
  writeFileSync(
    `${name}.md`,
    prettier.format(`# Campaign benchmark\n\n${markdown}`, {
      ...(await prettier.resolveConfig(`${name}.md`)),
      parser: 'markdown',
    }),
  );
  writeFileSync(
    `${name}.json`,
    `${JSON.stringify(
      {
        services: SERVICES,
        entities: entities.length,
        database: 'sqlite',
        catalog: 'catalogServiceMock (in-memory)',
        auditMs,
        rows,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`Written to ${name}.md and ${name}.json`);
}

// No process.exit: once the backend has stopped, nothing keeps the process
// alive (the ownership plugin closes its database client at shutdown).
main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
