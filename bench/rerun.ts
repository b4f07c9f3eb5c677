/* eslint-disable no-console */
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import ownershipPlugin from '@ownership-portal/plugin-ownership-backend';
import ownershipModuleGithubTechDebt from '@ownership-portal/plugin-ownership-backend-module-github-techdebt';
import ownershipModuleIcal from '@ownership-portal/plugin-ownership-backend-module-ical';
import ownershipModulePagerDuty from '@ownership-portal/plugin-ownership-backend-module-pagerduty';
import { performance } from 'node:perf_hooks';
import type { Entity } from '@backstage/catalog-model';
import {
  type FakeRemotes,
  REMOTE_KINDS,
  type RemoteCounts,
  type RemoteKind,
  startFakeRemotes,
} from './fakeRemotes';
import { ownershipClient } from './lib/testBackendClient';
import { GITHUB_HOST, generateRemoteOrg } from './rerunOrg';

/** Remote calls of one audit run, in total and per kind; `notModified` counts the 304 answers among them. */
export interface RunCalls {
  total: number;
  notModified: number;
  byKind: RemoteCounts;
  /** How long the run took, POST /runs to completion. */
  seconds: number;
}

/** The remote calls of a first audit run and of an unchanged re-run right after it. */
export interface RerunCalls {
  services: number;
  /** Whether the re-run came after every freshness window and cache TTL (see {@link measureRerunCalls}). */
  windowsPassed: boolean;
  first: RunCalls;
  rerun: RunCalls;
  /** Re-run calls over first-run calls, in total and per kind (NaN where the first run made none). */
  ratio: { total: number } & Record<RemoteKind, number>;
}

function summarise(byKind: RemoteCounts, seconds: number): RunCalls {
  let total = 0;
  let notModified = 0;
  for (const kind of REMOTE_KINDS) {
    total += byKind[kind].requests;
    notModified += byKind[kind].notModified;
  }
  return { total, notModified, byKind, seconds };
}

/** The ownership backend with the three modules, reading every remote at the fake. */
function startBackend(
  entities: Entity[],
  remotes: FakeRemotes,
  windowsPassed: boolean,
) {
  // The shortest windows each setting accepts: every read asks its remote.
  const passed = {
    docs: { freshFor: '0s' },
    oncall: { cacheTtl: { milliseconds: 1 } },
    github: { cacheTtl: '0s' },
  };
  return startTestBackend({
    features: [
      ownershipPlugin,
      ownershipModulePagerDuty,
      ownershipModuleIcal,
      ownershipModuleGithubTechDebt,
      catalogServiceMock.factory({ entities: entities }),
      mockServices.rootConfig.factory({
        data: {
          backend: { reading: { allow: [{ host: remotes.host }] } },
          integrations: {
            github: [
              {
                host: GITHUB_HOST,
                apiBaseUrl: `${remotes.baseUrl}/github-api`,
                rawBaseUrl: `${remotes.baseUrl}/github-raw`,
                token: 'bench-token',
              },
            ],
          },
          ownership: {
            schedule: { frequency: { hours: 24 }, initialDelay: { hours: 24 } },
            ...(windowsPassed && { docs: passed.docs }),
            oncall: {
              pagerduty: {
                token: 'bench-token',
                baseUrl: `${remotes.baseUrl}/pagerduty`,
              },
              ...(windowsPassed && passed.oncall),
            },
            techdebt: {
              github: {
                host: GITHUB_HOST,
                ...(windowsPassed && passed.github),
              },
            },
          },
        },
      }),
    ],
  });
}

/**
 * Starts the ownership backend with the PagerDuty, iCalendar and GitHub
 * tech debt modules against a local fake of every remote, runs the audit
 * over `services` generated services twice with nothing changed, and
 * counts the remote calls of each run by kind. With `windowsPassed`, the
 * freshness windows and cache TTLs are set to their shortest, as if the
 * re-run came after all of them (a daily scheduled run): every read asks
 * again, and only ETags (304 answers) can save work.
 */
export async function measureRerunCalls(options: {
  services: number;
  windowsPassed?: boolean;
}): Promise<RerunCalls> {
  const { services, windowsPassed = false } = options;
  // The fake's address is in the entities' links, so it starts first and
  // learns what to serve once the organisation is generated.
  const content = {
    repositories: new Map(),
    wiki: new Map(),
    feeds: new Map(),
    issues: new Map(),
    pagerDutyServices: new Map(),
    pagerDutyPolicies: new Set<string>(),
  };
  const remotes = await startFakeRemotes(content);
  const org = generateRemoteOrg(services, remotes.baseUrl);
  Object.assign(content, org.content);

  const backend = await startBackend(
    org.entities,
    remotes,
    windowsPassed,
  ).catch(async error => {
    await remotes.close();
    throw error;
  });

  try {
    const { runAudit } = ownershipClient(backend);
    const audit = async (): Promise<RunCalls> => {
      remotes.reset();
      const started = performance.now();
      await runAudit(50);
      return summarise(remotes.counts(), (performance.now() - started) / 1000);
    };

    const first = await audit();
    const rerun = await audit();
    const ratio = { total: rerun.total / first.total } as RerunCalls['ratio'];
    for (const kind of REMOTE_KINDS) {
      ratio[kind] = rerun.byKind[kind].requests / first.byKind[kind].requests;
    }
    return { services, windowsPassed, first, rerun, ratio };
  } finally {
    await backend.stop();
    await remotes.close();
  }
}

function printTable(result: RerunCalls) {
  const pct = (value: number) =>
    Number.isNaN(value) ? '–' : `${(value * 100).toFixed(1)}%`;
  const row = (name: string, first: string, rerun: string, ratio: string) =>
    console.log(
      `${name.padEnd(12)}${first.padStart(16)}${rerun.padStart(
        16,
      )}${ratio.padStart(10)}`,
    );
  const cell = (c: { requests: number; notModified: number }) =>
    `${c.requests} (${c.notModified} 304)`;
  console.log(
    `\nUnchanged re-run of the audit, ${result.services} services, ${
      result.windowsPassed
        ? 'after every freshness window and cache TTL'
        : 'right after the first run'
    }: remote calls (304 answers among them)`,
  );
  row('kind', 'first run', 're-run', 're/first');
  for (const kind of REMOTE_KINDS) {
    row(
      kind,
      cell(result.first.byKind[kind]),
      cell(result.rerun.byKind[kind]),
      pct(result.ratio[kind]),
    );
  }
  row(
    'total',
    cell({
      requests: result.first.total,
      notModified: result.first.notModified,
    }),
    cell({
      requests: result.rerun.total,
      notModified: result.rerun.notModified,
    }),
    pct(result.ratio.total),
  );
  console.log(
    `first run ${result.first.seconds.toFixed(
      1,
    )} s, re-run ${result.rerun.seconds.toFixed(
      1,
    )} s; re-run ≤ 10% of the first run's calls: ${
      result.ratio.total <= 0.1 ? 'yes' : 'no'
    }`,
  );
}

async function main() {
  const services = Number(process.env.BENCH_SERVICES ?? 500);
  printTable(await measureRerunCalls({ services }));
  printTable(await measureRerunCalls({ services, windowsPassed: true }));
}

if (require.main === module) {
  main().catch(error => {
    console.error(error);
    process.exitCode = 1;
  });
}
