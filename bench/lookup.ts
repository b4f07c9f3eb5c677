/* eslint-disable no-console */
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import ownershipPlugin from '@ownership-portal/plugin-ownership-backend';
import { performance } from 'node:perf_hooks';
import { ownershipClient } from './lib/testBackendClient';
import { generateOrg, generateRotations } from './generateOrg';
import { ms, percentiles } from './stats';

const SERVICES = Number(process.env.BENCH_SERVICES ?? 10_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2_000);
const QUERIES = [
  'payments',
  'ledger api',
  'fraud-routing',
  'team-42',
  'java',
  'invoice-bil',
  'zzz',
  'carrier label worker',
];

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

  // Warm both endpoints: the index build and the per-caller visibility cache.
  for (const q of QUERIES) {
    await call(`/lookup?q=${encodeURIComponent(q)}`);
  }
  await call('/rules');

  const lookup: number[] = [];
  const trivial: number[] = [];
  const listing: number[] = [];
  const time = async (samples: number[], path: string) => {
    const t = performance.now();
    await call(path);
    samples.push(performance.now() - t);
  };
  for (let i = 0; i < REQUESTS; i++) {
    await time(
      lookup,
      `/lookup?q=${encodeURIComponent(QUERIES[i % QUERIES.length])}`,
    );
    await time(trivial, '/rules');
    if (i % 10 === 0) {
      await time(
        listing,
        `/services?severity=warning&team=division-${i % 7}&limit=50`,
      );
    }
  }

  const l = percentiles(lookup);
  const r = percentiles(trivial);
  const s = percentiles(listing);
  console.log(
    `Organisation: ${SERVICES} services, ${entities.length} catalog entities`,
  );
  console.log(
    `Audit run ${latest.id}: ${latest.total} entities in ${(
      auditMs / 1000
    ).toFixed(2)} s (POST /runs to completion)`,
  );
  console.log(
    `\n${REQUESTS} requests each (filtered /services: ${listing.length}), interleaved, over HTTP on this machine:`,
  );
  console.log('endpoint                p50        p90        p99        max');
  for (const [name, p] of [
    ['GET /lookup', l],
    ['GET /rules (trivial)', r],
    ['GET /services filtered', s],
  ] as const) {
    console.log(
      `${name.padEnd(24)}${ms(p.p50).padEnd(11)}${ms(p.p90).padEnd(11)}${ms(
        p.p99,
      ).padEnd(11)}${ms(p.max)}`,
    );
  }
  console.log(
    `\nlookup / trivial: p50 ${(l.p50 / r.p50).toFixed(2)}x, p99 ${(
      l.p99 / r.p99
    ).toFixed(2)}x`,
  );
  console.log(
    `lookup cost over the trivial endpoint at p50: ${ms(l.p50 - r.p50)}`,
  );
  await backend.stop();
}

// No process.exit: once the backend has stopped, nothing keeps the process
// alive (the ownership plugin closes its database client at shutdown).
main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
