/* eslint-disable no-console */
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import ownershipPlugin from '@ownership-portal/plugin-ownership-backend';
import { performance } from 'node:perf_hooks';
import { generateOrg, generateRotations } from './generateOrg';
import { ownershipClient } from './lib/testBackendClient';
import { ms, percentiles } from './stats';

const SERVICES = Number(process.env.BENCH_SERVICES ?? 10_000);
/** Full pagings of `/search-documents`, as the search collator does them. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** The collator's page size (the endpoint's default; its maximum is 200). */
const PAGE = Number(process.env.BENCH_PAGE ?? 100);

async function main() {
  const entities = generateOrg(SERVICES);
  const backend = await startTestBackend({
    features: [
      ownershipPlugin,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({
        data: {
          ownership: {
            schedule: { frequency: { hours: 24 }, initialDelay: { hours: 24 } },
            oncall: { rotations: generateRotations(SERVICES) },
          },
        },
      }),
    ],
  });
  const { call, runAudit } = ownershipClient(backend);

  const started = performance.now();
  const latest = await runAudit();
  const auditMs = performance.now() - started;

  // Warm the per-caller visibility cache and the first page.
  await call(`/search-documents?limit=${PAGE}`);

  /** Pages through `path` with the collator's page size; returns its times. */
  const pageThrough = async (path: string, pages: number[]) => {
    const t0 = performance.now();
    let cursor: string | undefined;
    let items = 0;
    do {
      const query = new URLSearchParams({ limit: String(PAGE) });
      if (cursor) {
        query.set('cursor', cursor);
      }
      const t = performance.now();
      const page = await call(`${path}?${query}`);
      pages.push(performance.now() - t);
      items += page.items.length;
      cursor = page.nextCursor;
    } while (cursor);
    return { ms: performance.now() - t0, items };
  };

  // The baseline, side by side: `/services` pages the same refs in the same
  // order with the same visibility, and reads summaries only.
  const listingPages: number[] = [];
  const listings: number[] = [];
  const pages: number[] = [];
  const fullPagings: number[] = [];
  let documents = 0;
  for (let round = 0; round < ROUNDS; round++) {
    listings.push((await pageThrough('/services', listingPages)).ms);
    const paging = await pageThrough('/search-documents', pages);
    fullPagings.push(paging.ms);
    documents = paging.items;
  }

  const mean = (values: number[]) =>
    values.reduce((a, b) => a + b, 0) / values.length;
  const p = percentiles(pages);
  const f = percentiles(fullPagings);
  const lp = percentiles(listingPages);
  const lf = percentiles(listings);
  console.log(
    `Organisation: ${SERVICES} services, ${entities.length} catalog entities; SQLite; catalogServiceMock (in-memory)`,
  );
  console.log(
    `Audit run ${latest.id}: ${latest.total} entities in ${(
      auditMs / 1000
    ).toFixed(2)} s (POST /runs to completion)`,
  );
  console.log(
    `\n${ROUNDS} full pagings each, limit=${PAGE} (${documents} documents), interleaved, over HTTP on this machine:`,
  );
  console.log(
    'measure                               p50         p90         p99         max',
  );
  for (const [name, q] of [
    [`/search-documents: one page`, p],
    [`/search-documents: full paging`, f],
    [`/services (baseline): one page`, lp],
    [`/services (baseline): full paging`, lf],
  ] as const) {
    console.log(
      `${name.padEnd(38)}${ms(q.p50).padEnd(12)}${ms(q.p90).padEnd(12)}${ms(
        q.p99,
      ).padEnd(12)}${ms(q.max)}`,
    );
  }
  console.log(
    `\nfull paging of /search-documents: mean ${(
      mean(fullPagings) / 1000
    ).toFixed(2)} s; over /services: ${(
      mean(fullPagings) / mean(listings)
    ).toFixed(2)}x (page p50 ${(p.p50 / lp.p50).toFixed(2)}x)`,
  );
  await backend.stop();
}

// No process.exit: once the backend has stopped, nothing keeps the process
// alive (the ownership plugin closes its database client at shutdown).
main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
