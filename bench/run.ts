/* eslint-disable no-console */
/*
 * The lookup benchmark of issue 15: a real backend as `npm start` runs it,
 * the catalog included, with a generated organisation; the incident lookup
 * measured side by side with the catalog's own reads, during an audit, and
 * at 10,000 and 100,000 services. See README.md, "Performance".
 *
 *   npm run bench                   # 10,000 services, SQLite, scale 10k/100k
 *   npm run bench -- --postgres --services 1000 --scale 1000,10000
 */
import type { Entity } from '@backstage/catalog-model';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { generateOrg } from './generateOrg';
import { BenchApi } from './lib/api';
import { startBackendProcess, type BackendProcess } from './lib/backendProcess';
import {
  dropBenchDatabases,
  writeBenchConfig,
  type BenchDatabase,
} from './lib/benchConfig';
import { load, median, type LoadResult } from './lib/load';
import { renderMarkdown, type BenchReport } from './lib/report';
import { measureRerunCalls } from './rerun';

const REPO = join(__dirname, '..');
const PORT = 7107;
const AUDITED_KINDS = ['Component', 'System', 'API', 'Resource'];

interface Options {
  services: number;
  scale: number[];
  database: BenchDatabase;
  seconds: number;
  rounds: number;
  connections: number;
  profile: boolean;
  /** Whether to measure the dev backend with the real catalog (`--no-real` skips it). */
  real: boolean;
  /** Seconds to let the catalog settle after ingestion before measuring. */
  settle: number;
}

function parseArgs(argv: string[]): Options {
  const options: Options = {
    services: 10_000,
    scale: [10_000, 100_000],
    database: 'sqlite',
    seconds: 8,
    rounds: 3,
    connections: 10,
    profile: false,
    real: true,
    settle: 60,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) {
        throw new Error(`${flag} needs a value`);
      }
      return v;
    };
    const count = (v: string) => {
      const n = Number(v.replace(/_/g, '').replace(/k$/i, '000'));
      if (!Number.isInteger(n) || n < 10) {
        throw new Error(
          `${flag} takes a whole number of at least 10, got "${v}"`,
        );
      }
      return n;
    };
    if (flag === '--services') {
      options.services = count(value());
    } else if (flag === '--scale') {
      const v = value();
      options.scale = v === 'none' ? [] : v.split(',').map(count);
    } else if (flag === '--postgres') {
      options.database = 'postgres';
    } else if (flag === '--seconds') {
      options.seconds = Number(value());
    } else if (flag === '--rounds') {
      options.rounds = Number(value());
    } else if (flag === '--connections') {
      options.connections = Number(value());
    } else if (flag === '--profile') {
      options.profile = true;
    } else if (flag === '--no-real') {
      options.real = false;
    } else if (flag === '--settle') {
      options.settle = Number(value());
    } else {
      throw new Error(
        `Unknown flag ${flag}; use --services N, --scale N,M|none, --no-real, --postgres, --seconds S, --rounds R, --connections C, --settle S, --profile`,
      );
    }
  }
  return options;
}

/** The generated organisation, numbered so that `svc-500` matches a known set. */
function organisation(services: number): Entity[] {
  return generateOrg(services, 42, { names: 'numbered' }).map(entity => {
    // Relations are the catalog's to compute; the dependency goes in the spec.
    const { relations, ...rest } = entity;
    const dependsOn = relations?.map(r => r.targetRef);
    return dependsOn?.length
      ? { ...rest, spec: { ...rest.spec, dependsOn } }
      : rest;
  });
}

/**
 * The queries of an organisation of `services`: `svc-<n/2>` names one
 * service (svc-5000 of 10,000), `svc-<n/20>` starts ten more (svc-500,
 * svc-5000 to svc-5009).
 */
function terms(services: number) {
  return { one: `svc-${services / 2}`, ten: `svc-${services / 20}` };
}

function log(message: string) {
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
}

/** Runs `measure` `rounds` times, rotating through the named loads each round. */
async function rounds<K extends string>(
  count: number,
  loads: Record<K, () => Promise<LoadResult>>,
): Promise<Record<K, LoadResult[]>> {
  const results = Object.fromEntries(
    Object.keys(loads).map(k => [k, [] as LoadResult[]]),
  ) as Record<K, LoadResult[]>;
  for (let r = 0; r < count; r++) {
    for (const key of Object.keys(loads) as K[]) {
      const result = await loads[key]();
      if (result.failures > 0) {
        throw new Error(
          `${key}: ${result.failures} of ${result.requests} requests failed`,
        );
      }
      results[key].push(result);
      log(
        `round ${r + 1} ${key}: ${result.rps.toFixed(0)} rps, p99 ${
          result.p99
        } ms`,
      );
    }
  }
  return results;
}

/** The median of each figure over the rounds. */
function medianOf(results: LoadResult[]): LoadResult {
  return {
    rps: median(results.map(r => r.rps)),
    p50: median(results.map(r => r.p50)),
    p99: median(results.map(r => r.p99)),
    requests: median(results.map(r => r.requests)),
    failures: 0,
  };
}

async function startBackend(options: {
  dir: string;
  services: number;
  database: BenchDatabase;
  profile: boolean;
  catalogFile?: string;
  entitiesFile?: string;
  token: string;
}): Promise<BackendProcess> {
  if (options.database === 'postgres') {
    dropBenchDatabases();
  }
  const config = writeBenchConfig({
    dir: options.dir,
    port: PORT,
    services: options.services,
    database: options.database,
    token: options.token,
    catalogFile: options.catalogFile,
    guestUser: 'user:default/user-0-0',
  });
  const profileDir = join(REPO, 'bench', 'results', 'profiles');
  if (options.profile) {
    mkdirSync(profileDir, { recursive: true });
  }
  return startBackendProcess({
    entry: options.entitiesFile
      ? join(REPO, 'bench', 'mockCatalogBackend.ts')
      : join(REPO, 'packages', 'backend', 'src', 'index.ts'),
    configs: [join(REPO, 'app-config.yaml'), config],
    port: PORT,
    logFile: join(options.dir, 'backend.log'),
    env: {
      NODE_ENV: 'development',
      ...(options.entitiesFile && { BENCH_ENTITIES: options.entitiesFile }),
    },
    nodeFlags: options.profile
      ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`]
      : [],
  });
}

/** Keeps an audit running until `stop` resolves; returns how many ran. */
async function keepAuditing(
  api: BenchApi,
  stop: Promise<void>,
): Promise<number> {
  let stopped = false;
  void stop.then(() => {
    stopped = true;
  });
  let runs = 0;
  while (!stopped) {
    await api.audit();
    runs++;
  }
  return runs;
}

async function realCatalog(
  options: Options,
): Promise<BenchReport['realCatalog']> {
  const n = options.services;
  const dir = mkdtempSync(join(tmpdir(), 'ownership-bench-'));
  const entities = organisation(n);
  const catalogFile = join(dir, 'org.yaml');
  writeFileSync(
    catalogFile,
    entities.map(e => JSON.stringify(e)).join('\n---\n'),
  );
  const token = randomBytes(24).toString('hex');
  log(
    `Real catalog: ${n} services, ${entities.length} entities, ${options.database}; backend log in ${dir}`,
  );
  const startedAt = Date.now();
  const backend = await startBackend({
    dir,
    services: n,
    database: options.database,
    profile: options.profile,
    catalogFile,
    token,
  });
  try {
    const service = new BenchApi(backend.baseUrl, token);
    const kinds = [...new Set(entities.map(e => e.kind))];
    await service.waitForCatalog(kinds, entities.length, 60 * 60_000, count =>
      log(`catalog holds ${count} of ${entities.length} entities`),
    );
    const ingestionSeconds = (Date.now() - startedAt) / 1000;
    log(`Letting the catalog settle for ${options.settle} s`);
    await new Promise(resolve => setTimeout(resolve, options.settle * 1000));
    const userToken = await BenchApi.guestToken(backend.baseUrl);
    const user = new BenchApi(backend.baseUrl, userToken);

    log('First audit (warms the backend)');
    await user.audit();
    const reads: number[] = [];
    const audits: number[] = [];
    let audited = 0;
    let lastRunId = 0;
    for (let r = 0; r < options.rounds; r++) {
      const read = await service.bareCatalogRead(AUDITED_KINDS);
      reads.push(read.ms);
      const audit = await user.audit();
      audits.push(audit.ms);
      audited = audit.total;
      lastRunId = audit.runId;
      await user.waitForLookupIndex(lastRunId, terms(n).ten);
      log(
        `round ${r + 1}: catalog read ${
          read.entities
        } entities in ${read.ms.toFixed(0)} ms; audit of ${
          audit.total
        } in ${audit.ms.toFixed(0)} ms`,
      );
    }
    const { one, ten } = terms(n);
    await user.waitForLookupIndex(lastRunId, ten);

    const base = backend.baseUrl;
    const l =
      (path: string, auth = true) =>
      () =>
        load({
          url: `${base}${path}`,
          token: auth ? userToken : undefined,
          connections: options.connections,
          seconds: options.seconds,
        });
    const idle = await rounds(options.rounds, {
      liveness: l('/.backstage/health/v1/liveness', false),
      catalogByName: l(
        `/api/catalog/entities/by-name/component/default/${one}`,
      ),
      catalogByQuery10: l(
        `/api/catalog/entities/by-query?fullTextFilterTerm=${ten}&limit=10`,
      ),
      catalogByQuery1: l(
        `/api/catalog/entities/by-query?fullTextFilterTerm=${one}&limit=10`,
      ),
      lookup10: l(`/api/ownership/lookup?q=${ten}`),
      lookup1: l(`/api/ownership/lookup?q=${one}`),
    });

    log('Lookup during audits');
    const duringAudit: LoadResult[] = [];
    let auditsDuring = 0;
    for (let r = 0; r < options.rounds; r++) {
      let finish!: () => void;
      const stop = new Promise<void>(resolve => {
        finish = resolve;
      });
      const auditing = keepAuditing(user, stop);
      // Let the audit get past its start before measuring.
      await new Promise(resolve => setTimeout(resolve, 500));
      const result = await l(`/api/ownership/lookup?q=${ten}`)();
      finish();
      auditsDuring += await auditing;
      duringAudit.push(result);
      log(
        `round ${r + 1} lookup10 during an audit: ${result.rps.toFixed(
          0,
        )} rps, p99 ${result.p99} ms`,
      );
    }

    return {
      services: n,
      entities: entities.length,
      database: options.database,
      ingestionSeconds,
      terms: { one, ten },
      auditedEntities: audited,
      auditMs: median(audits),
      bareCatalogReadMs: median(reads),
      idle: Object.fromEntries(
        Object.entries(idle).map(([k, v]) => [k, medianOf(v as LoadResult[])]),
      ) as never,
      lookup10DuringAudit: medianOf(duringAudit),
      auditsDuringLoad: auditsDuring,
      peakRssMiB: backend.peakRssMiB(),
    };
  } finally {
    await backend.stop();
  }
}

async function scale(
  options: Options,
  n: number,
  { one, ten }: { one: string; ten: string },
): Promise<BenchReport['scale'][number]> {
  const dir = mkdtempSync(join(tmpdir(), 'ownership-bench-'));
  const entities = organisation(n);
  const entitiesFile = join(dir, 'entities.json');
  writeFileSync(entitiesFile, JSON.stringify(entities));
  const token = randomBytes(24).toString('hex');
  log(
    `Catalog mock: ${n} services, ${entities.length} entities, ${options.database}; backend log in ${dir}`,
  );
  const backend = await startBackend({
    dir,
    services: n,
    database: options.database,
    profile: options.profile,
    entitiesFile,
    token,
  });
  try {
    const userToken = await BenchApi.guestToken(backend.baseUrl);
    const user = new BenchApi(backend.baseUrl, userToken);
    const audits: number[] = [];
    let audited = 0;
    let runId = 0;
    for (let r = 0; r < 3; r++) {
      const audit = await user.audit();
      audits.push(audit.ms);
      audited = audit.total;
      runId = audit.runId;
      // Each audit alone: not beside the index build of the last one.
      await user.waitForLookupIndex(runId, ten);
      log(
        `audit ${r + 1}: ${audit.total} entities in ${audit.ms.toFixed(0)} ms`,
      );
    }
    await user.waitForLookupIndex(runId, ten);
    const l = (path: string) => () =>
      load({
        url: `${backend.baseUrl}${path}`,
        token: userToken,
        connections: options.connections,
        seconds: options.seconds,
      });
    const loads = await rounds(options.rounds, {
      lookup10: l(`/api/ownership/lookup?q=${ten}`),
      lookup1: l(`/api/ownership/lookup?q=${one}`),
    });
    return {
      terms: { one, ten },
      services: n,
      entities: entities.length,
      auditedEntities: audited,
      auditMs: median(audits),
      lookup10: medianOf(loads.lookup10),
      lookup1: medianOf(loads.lookup1),
      peakRssMiB: backend.peakRssMiB(),
    };
  } finally {
    await backend.stop();
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const report: BenchReport = {
    date: new Date().toISOString(),
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(
      totalmem() /
      2 ** 30
    ).toFixed(0)} GiB, Node ${process.version}`,
    options,
    ...(options.real && { realCatalog: await realCatalog(options) }),
    scale: [],
    rerun: [],
  };
  // Queries with the same number of matches at every size: svc-5000 has
  // one match among 10,000 services but eleven among 100,000.
  for (const n of options.scale) {
    report.scale.push(await scale(options, n, terms(n)));
  }
  log('Remote calls of an unchanged re-run');
  for (const windowsPassed of [false, true]) {
    report.rerun.push(
      await measureRerunCalls({ services: 500, windowsPassed }),
    );
  }
  const resultsDir = join(REPO, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const name = options.real
    ? `lookup-${options.services}-${options.database}`
    : `lookup-scale-${options.database}`;
  writeFileSync(
    join(resultsDir, `${name}.json`),
    `${JSON.stringify(report, null, 2)}\n`,
  );
  const markdown = renderMarkdown(report);
  writeFileSync(join(resultsDir, `${name}.md`), markdown);
  console.log(`\n${markdown}`);
}

process.once('SIGINT', () => process.exit(130));
main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
