import type { RerunCalls } from '../rerun';
import type { LoadResult } from './load';

/** Everything one run of `npm run bench` measured. */
export interface BenchReport {
  date: string;
  machine: string;
  options: {
    services: number;
    scale: number[];
    database: string;
    seconds: number;
    rounds: number;
    connections: number;
  };
  realCatalog?: {
    services: number;
    entities: number;
    database: string;
    ingestionSeconds: number;
    /** The 1-match and the 10-match query. */
    terms: { one: string; ten: string };
    auditedEntities: number;
    auditMs: number;
    bareCatalogReadMs: number;
    idle: Record<
      | 'liveness'
      | 'catalogByName'
      | 'catalogByQuery10'
      | 'catalogByQuery1'
      | 'lookup10'
      | 'lookup1',
      LoadResult
    >;
    lookup10DuringAudit: LoadResult;
    auditsDuringLoad: number;
    peakRssMiB: number;
  };
  scale: Array<{
    terms: { one: string; ten: string };
    services: number;
    entities: number;
    auditedEntities: number;
    auditMs: number;
    lookup10: LoadResult;
    lookup1: LoadResult;
    peakRssMiB: number;
  }>;
  /** An unchanged re-run right after the first, and one after every freshness window. */
  rerun: RerunCalls[];
}

interface Goal {
  goal: string;
  measured: string;
  ratio: number;
  limit: number;
  /** Whether the ratio must stay at or below the limit (else at or above it). */
  atMost: boolean;
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });

/** The goals of issue 15, each as a measured ratio against its limit. */
export function goals(report: BenchReport): Goal[] {
  const list: Goal[] = [];
  const real = report.realCatalog;
  if (real) {
    list.push(...realCatalogGoals(real));
  }
  const [small, large] = report.scale;
  if (small && large) {
    for (const key of ['lookup10', 'lookup1'] as const) {
      list.push({
        goal: `${key === 'lookup10' ? '10' : '1'}-match lookup p99 at ${fmt(
          large.services,
        )} ≤ 1.3× at ${fmt(small.services)}`,
        measured: `${large.terms[key === 'lookup10' ? 'ten' : 'one']} ${
          large[key].p99
        } ms vs ${small.terms[key === 'lookup10' ? 'ten' : 'one']} ${
          small[key].p99
        } ms`,
        ratio: large[key].p99 / small[key].p99,
        limit: 1.3,
        atMost: true,
      });
    }
    const perEntity = (s: typeof small) => s.auditMs / s.auditedEntities;
    list.push({
      goal: `audit time per entity at ${fmt(large.services)} ≤ 1.2× at ${fmt(
        small.services,
      )}`,
      measured: `${fmt(perEntity(large), 3)} ms vs ${fmt(
        perEntity(small),
        3,
      )} ms`,
      ratio: perEntity(large) / perEntity(small),
      limit: 1.2,
      atMost: true,
    });
  }
  for (const r of report.rerun.filter(run => !run.windowsPassed)) {
    list.push({
      goal: 'unchanged re-run ≤ 10% of the first run’s remote calls',
      measured: `${r.rerun.total} vs ${r.first.total} calls`,
      ratio: r.ratio.total,
      limit: 0.1,
      atMost: true,
    });
  }
  return list;
}

function realCatalogGoals(
  real: NonNullable<BenchReport['realCatalog']>,
): Goal[] {
  const { idle } = real;
  const list: Goal[] = [];
  for (const [name, lookup] of [
    ['10-match', idle.lookup10],
    ['1-match', idle.lookup1],
  ] as const) {
    list.push({
      goal: `lookup p99 ≤ catalog by-name p99 (${name})`,
      measured: `${lookup.p99} ms vs ${idle.catalogByName.p99} ms`,
      ratio: lookup.p99 / idle.catalogByName.p99,
      limit: 1,
      atMost: true,
    });
  }
  for (const [name, lookup, query] of [
    [real.terms.ten, idle.lookup10, idle.catalogByQuery10],
    [real.terms.one, idle.lookup1, idle.catalogByQuery1],
  ] as const) {
    list.push({
      goal: `lookup rps ≥ 5× catalog by-query rps (${name})`,
      measured: `${fmt(lookup.rps)} vs ${fmt(query.rps)} rps`,
      ratio: lookup.rps / query.rps,
      limit: 5,
      atMost: false,
    });
  }
  list.push({
    goal: 'lookup p99 during an audit ≤ 2× idle p99',
    measured: `${real.lookup10DuringAudit.p99} ms vs ${idle.lookup10.p99} ms`,
    ratio: real.lookup10DuringAudit.p99 / idle.lookup10.p99,
    limit: 2,
    atMost: true,
  });
  list.push({
    goal: 'full audit ≤ 2× bare paginated catalog read',
    measured: `${fmt(real.auditMs)} ms vs ${fmt(real.bareCatalogReadMs)} ms`,
    ratio: real.auditMs / real.bareCatalogReadMs,
    limit: 2,
    atMost: true,
  });
  return list;
}

function realCatalogSection(
  real: NonNullable<BenchReport['realCatalog']>,
): string[] {
  const { idle } = real;
  const { one, ten } = real.terms;
  return [
    '',
    `## Side by side: the dev backend with the real catalog (${fmt(
      real.entities,
    )} entities, ingested in ${fmt(real.ingestionSeconds)} s)`,
    '',
    '| request | rps | p50 | p99 |',
    '| --- | --- | --- | --- |',
    loadRow('liveness (the HTTP floor)', idle.liveness),
    loadRow(`catalog \`entities/by-name\` (${one})`, idle.catalogByName),
    loadRow(
      `catalog \`by-query\` full text \`${ten}\`, limit 10`,
      idle.catalogByQuery10,
    ),
    loadRow(
      `catalog \`by-query\` full text \`${one}\`, limit 10`,
      idle.catalogByQuery1,
    ),
    loadRow(`ownership \`/lookup?q=${ten}\` (10 matches)`, idle.lookup10),
    loadRow(`ownership \`/lookup?q=${one}\` (1 match)`, idle.lookup1),
    loadRow(
      `ownership \`/lookup?q=${ten}\` during audits (${real.auditsDuringLoad} ran)`,
      real.lookup10DuringAudit,
    ),
    '',
    `Audit of ${fmt(real.auditedEntities)} entities: ${fmt(
      real.auditMs,
    )} ms; bare paginated catalog read of what it reads (audited kinds, Groups, Users; its fields and page size): ${fmt(
      real.bareCatalogReadMs,
    )} ms. Backend peak RSS: ${fmt(real.peakRssMiB)} MiB.`,
  ];
}

function rerunSection(runs: RerunCalls[]): string[] {
  const calls = (c: { total: number; notModified: number }) =>
    c.notModified ? `${c.total} (${c.notModified} answered 304)` : `${c.total}`;
  return [
    '',
    `## Remote calls of an unchanged re-run (${fmt(
      runs[0].services,
    )} services; counted by the fake GitHub, wiki, iCalendar and PagerDuty)`,
    '',
    '| re-run | first run | re-run | re-run / first |',
    '| --- | --- | --- | --- |',
    ...runs.map(
      r =>
        `| ${
          r.windowsPassed
            ? 'after every freshness window and cache TTL (a daily audit)'
            : 'right after the first'
        } | ${calls(r.first)} | ${calls(r.rerun)} | ${(
          100 * r.ratio.total
        ).toFixed(0)}% |`,
    ),
  ];
}

function loadRow(name: string, r: LoadResult) {
  return `| ${name} | ${fmt(r.rps)} | ${r.p50} ms | ${r.p99} ms |`;
}

/** The markdown table of a report, as README.md quotes it. */
export function renderMarkdown(report: BenchReport): string {
  const real = report.realCatalog;
  const o = report.options;
  const lines = [
    `# Lookup benchmark: ${
      real ? `${fmt(real.services)} services` : 'scale only'
    }, ${o.database}`,
    '',
    `${report.date}; ${report.machine}. ${o.connections} concurrent clients, ${o.seconds} s per measurement, median of ${o.rounds} rounds (the endpoints take turns in each round).`,
    '',
    '## Goals',
    '',
    '| goal | measured | ratio | limit | met |',
    '| --- | --- | --- | --- | --- |',
    ...goals(report).map(
      g =>
        `| ${g.goal} | ${g.measured} | ${g.ratio.toFixed(2)} | ${
          g.atMost ? '≤' : '≥'
        } ${g.limit} | ${
          (g.atMost ? g.ratio <= g.limit : g.ratio >= g.limit)
            ? 'yes'
            : '**no**'
        } |`,
    ),
  ];
  if (real) {
    lines.push(...realCatalogSection(real));
  }
  if (report.scale.length) {
    lines.push(
      '',
      '## Scale: the audit and the index fed from a catalog mock',
      '',
      'Loading 100,000 services through catalog processing takes too long on this machine, so these backends replace the catalog with `catalogServiceMock` (in memory, with indexes for the kind pages and by-ref reads an audit makes); auth, permissions, HTTP, the database, the audit and the lookup are real. The audit time is the median of three runs; the lookups are measured once the index of the last run is built.',
      '',
      '| services | entities | audit | per audited entity | 10-match lookup rps / p99 | 1-match lookup rps / p99 | peak RSS |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      ...report.scale.map(
        s =>
          `| ${fmt(s.services)} | ${fmt(s.entities)} | ${fmt(
            s.auditMs / 1000,
            1,
          )} s | ${fmt(s.auditMs / s.auditedEntities, 3)} ms | \`${
            s.terms.ten
          }\`: ${fmt(s.lookup10.rps)} / ${s.lookup10.p99} ms | \`${
            s.terms.one
          }\`: ${fmt(s.lookup1.rps)} / ${s.lookup1.p99} ms | ${fmt(
            s.peakRssMiB,
          )} MiB |`,
      ),
    );
  }
  if (report.rerun.length) {
    lines.push(...rerunSection(report.rerun));
  }
  return `${lines.join('\n')}\n`;
}
