/*
 * Two replicas of a real backend in separate processes, sharing one fresh
 * PostgreSQL database and Redis, in the shape of app-config.production.yaml,
 * with a compressed schedule (every 2 s) and a short lease (4 s):
 *
 * - 20 scheduled intervals give exactly 20 runs, never two at a time;
 * - asked at the same moment, only one replica starts a run;
 * - both replicas serve identical results, and the plugin's cache entries
 *   are in Redis;
 * - after `kill -9` of the replica holding a run, that run is marked
 *   abandoned and the next run succeeds within the lease + 10 s.
 *
 * Needs BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING (it is skipped,
 * saying so, without it; OWNERSHIP_REQUIRE_POSTGRES=1 makes that a failure)
 * and Redis at REDIS_URL (default redis://127.0.0.1:6379).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { redisCommand, redisKeys } from '../__testUtils__/processes/redis';

const POSTGRES_ENV = 'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING';
const postgresUrl = process.env[POSTGRES_ENV];
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const requirePostgres = process.env.OWNERSHIP_REQUIRE_POSTGRES === '1';

const FREQUENCY_S = 2;
const LEASE_S = 4;
const INTERVALS = 20;
/** Each catalog page is answered this late: a run takes about twice this. */
const CATALOG_DELAY_MS = 400;
/** The page delay while the kill test holds a run open. */
const HELD_PAGE_DELAY_MS = 5_000;

const repoRoot = resolve(__dirname, '../../../..');
const backendDir = join(repoRoot, 'packages/backend');

jest.setTimeout(170_000);

type RunRow = {
  id: number;
  trigger: string;
  status: string;
  started_at: Date;
  finished_at: Date | null;
  error: string | null;
};

class Replica {
  log = '';
  exited = false;
  readonly process: ChildProcess;

  constructor(
    readonly name: string,
    readonly port: number,
    configFiles: string[],
    env: NodeJS.ProcessEnv,
  ) {
    this.process = spawn(
      process.execPath,
      [
        '--require',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
        resolve(__dirname, '../__testUtils__/processes/replicaBackend.ts'),
        ...configFiles.flatMap(file => ['--config', file]),
      ],
      { cwd: backendDir, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const append = (chunk: Buffer) => {
      this.log += chunk.toString('utf8');
    };
    this.process.stdout!.on('data', append);
    this.process.stderr!.on('data', append);
    this.process.on('exit', () => {
      this.exited = true;
    });
  }

  /** Ids of the runs this replica logged as started. */
  startedRuns(): number[] {
    return [...this.log.matchAll(/Ownership audit run (\d+) started/g)].map(m =>
      Number(m[1]),
    );
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>(done => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise(done => server.close(done));
  return port;
}

async function until<T>(
  what: string,
  timeoutMs: number,
  probe: () => Promise<T | undefined | false>,
  everyMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise(done => setTimeout(done, everyMs));
  }
}

/** Pairs of runs whose [start, finish] intervals overlap; a running run lasts until now. */
function overlaps(runs: RunRow[]): Array<[number, number]> {
  const sorted = [...runs].sort(
    (a, b) => a.started_at.getTime() - b.started_at.getTime() || a.id - b.id,
  );
  const found: Array<[number, number]> = [];
  for (let i = 0; i < sorted.length; i++) {
    const end = (sorted[i].finished_at ?? new Date()).getTime();
    for (let j = i + 1; j < sorted.length; j++) {
      if (sorted[j].started_at.getTime() >= end) {
        break;
      }
      found.push([sorted[i].id, sorted[j].id]);
    }
  }
  return found;
}

/**
 * An answer without `checkedAt`: live on-call answers are worked out when
 * they are asked for, so each replica stamps its own time.
 */
function stable(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(stable);
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== 'checkedAt')
        .map(([key, v]) => [key, stable(v)]),
    );
  }
  return value;
}

const skipReason =
  postgresUrl || requirePostgres
    ? undefined
    : `${POSTGRES_ENV} is not set (set OWNERSHIP_REQUIRE_POSTGRES=1 to fail instead)`;
if (skipReason) {
  // eslint-disable-next-line no-console
  console.warn(`Skipping the replica test: ${skipReason}`);
}

(skipReason ? describe.skip : describe)(
  skipReason
    ? `two replicas on PostgreSQL and Redis (skipped: ${skipReason})`
    : 'two replicas on PostgreSQL and Redis',
  () => {
    const name = `ownership_replica_${randomBytes(4).toString('hex')}`;
    const database = `${name}_ownership`;
    const token = randomBytes(24).toString('hex');
    const replicas: Replica[] = [];
    let admin: Knex | undefined;
    let db: Knex;
    let docs: Server | undefined;
    let docRequests = 0;
    let dir: string | undefined;
    let databaseCreated = false;

    const call = async (
      replica: Replica,
      path: string,
      method: 'GET' | 'POST' = 'GET',
    ) => {
      const res = await fetch(
        `http://127.0.0.1:${replica.port}/api/ownership${path}`,
        { method, headers: { authorization: `Bearer ${token}` } },
      );
      return { status: res.status, body: await res.json() };
    };
    const runs = async (): Promise<RunRow[]> =>
      (
        await db('ownership_runs')
          .select(
            'id',
            'trigger',
            'status',
            'started_at',
            'finished_at',
            'error',
          )
          .orderBy('id')
      ).map(row => ({ ...row, id: Number(row.id) }));
    // Request lines (readiness polls above all) would push startup errors
    // out of the tail that a failure shows.
    const logs = () =>
      replicas
        .map(
          r =>
            `--- ${r.name}\n${r.log
              .split('\n')
              .filter(line => !line.includes('incomingRequest'))
              .join('\n')
              .slice(-6000)}`,
        )
        .join('\n');

    beforeAll(async () => {
      if (!postgresUrl) {
        throw new Error(
          `${POSTGRES_ENV} is not set, and OWNERSHIP_REQUIRE_POSTGRES=1 asks for the replica test; set it, e.g. to postgresql://postgres@127.0.0.1:5432`,
        );
      }
      const pong = await redisCommand(redisUrl, 'PING').catch(error => error);
      if (pong !== 'PONG') {
        throw new Error(
          `The replica test runs the production configuration, which needs Redis at ${redisUrl} (set REDIS_URL): ${pong}`,
        );
      }

      const pg = new URL(postgresUrl);
      admin = knexFactory({ client: 'pg', connection: postgresUrl });
      await admin.raw(`CREATE DATABASE "${database}"`);
      databaseCreated = true;
      db = knexFactory({
        client: 'pg',
        connection: {
          host: pg.hostname,
          port: Number(pg.port || 5432),
          user: decodeURIComponent(pg.username || 'postgres'),
          password: decodeURIComponent(pg.password),
          database,
        },
      });

      // A runbook that only HTTP can read: the plugin caches it in Redis.
      docs = createServer((req, res) => {
        docRequests += 1;
        const etag = '"runbook-v1"';
        if (req.headers['if-none-match'] === etag) {
          res.writeHead(304, { etag }).end();
          return;
        }
        res
          .writeHead(200, { 'content-type': 'text/markdown', etag })
          .end('---\nlast-reviewed: 2026-11-01\n---\n# Runbook\n');
      });
      await new Promise<void>(done => docs!.listen(0, '127.0.0.1', done));
      const docPort = (docs.address() as AddressInfo).port;

      dir = mkdtempSync(join(tmpdir(), 'ownership-replica-'));
      const shared = join(dir, 'replicas.yaml');
      // JSON is YAML.
      writeFileSync(
        shared,
        JSON.stringify({
          backend: {
            database: { prefix: `${name}_` },
            cache: { redis: { client: { namespace: name } } },
            auth: {
              externalAccess: [
                { type: 'static', options: { token, subject: 'replica-test' } },
              ],
            },
            reading: { allow: [{ host: `127.0.0.1:${docPort}` }] },
          },
          ownership: {
            schedule: {
              frequency: { seconds: FREQUENCY_S },
              timeout: { seconds: 20 },
              initialDelay: { seconds: 1 },
            },
            runs: { lease: `${LEASE_S}s`, deadline: '30s' },
          },
        }),
      );
      const env = {
        ...process.env,
        POSTGRES_HOST: pg.hostname,
        POSTGRES_PORT: pg.port || '5432',
        POSTGRES_USER: decodeURIComponent(pg.username || 'postgres'),
        POSTGRES_PASSWORD: decodeURIComponent(pg.password) || 'unused',
        REDIS_URL: redisUrl,
        LOG_LEVEL: 'info',
        REPLICA_CATALOG_DELAY_MS: String(CATALOG_DELAY_MS),
        REPLICA_CATALOG_DELAY_FILE: join(dir, 'catalog-delay'),
        REPLICA_RUNBOOK_URL: `http://127.0.0.1:${docPort}/runbook.md`,
      };
      const waitUntilReady = (replica: Replica) =>
        until(`replica ${replica.name} to be ready`, 120_000, async () => {
          if (replica.exited) {
            throw new Error(`replica ${replica.name} exited:\n${logs()}`);
          }
          const res = await fetch(
            `http://127.0.0.1:${replica.port}/.backstage/health/v1/readiness`,
          );
          return res.ok;
        }).catch(error => {
          throw new Error(`${error.message}\n${logs()}`);
        });
      // One after the other: Backstage's scheduler migrates its own tables
      // once per process and keeps a failure, so two processes creating them
      // at the same moment on a new database would fail one replica for
      // good. The plugin's own migrations survive that race
      // (database/migrations.test.ts).
      for (const replicaName of ['a', 'b']) {
        const port = await freePort();
        const own = join(dir, `replica-${replicaName}.yaml`);
        writeFileSync(
          own,
          JSON.stringify({
            backend: {
              baseUrl: `http://127.0.0.1:${port}`,
              listen: `127.0.0.1:${port}`,
            },
          }),
        );
        const replica = new Replica(
          replicaName,
          port,
          [
            join(repoRoot, 'app-config.yaml'),
            join(repoRoot, 'app-config.production.yaml'),
            shared,
            own,
          ],
          env,
        );
        replicas.push(replica);
        await waitUntilReady(replica);
      }
    });

    afterAll(async () => {
      for (const replica of replicas) {
        if (!replica.exited) {
          replica.process.kill('SIGKILL');
        }
      }
      await db?.destroy();
      if (admin && databaseCreated) {
        await admin.raw(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      }
      await admin?.destroy();
      const keys = await redisKeys(redisUrl, `${name}:*`).catch(() => []);
      if (keys.length > 0) {
        await redisCommand(redisUrl, 'DEL', ...keys);
      }
      await new Promise(done => (docs ? docs.close(done) : done(undefined)));
      if (dir) {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it(`runs each of ${INTERVALS} scheduled intervals exactly once, never two runs at a time`, async () => {
      const scheduled = await until(
        `${INTERVALS} scheduled runs`,
        (INTERVALS * FREQUENCY_S + 30) * 1000,
        async () => {
          const done = (await runs()).filter(
            r => r.trigger === 'schedule' && r.status !== 'running',
          );
          return done.length >= INTERVALS && done.slice(0, INTERVALS);
        },
        500,
      );

      expect(
        scheduled.map(r => ({ id: r.id, status: r.status, error: r.error })),
      ).toEqual(
        scheduled.map(r => ({ id: r.id, status: 'succeeded', error: null })),
      );
      expect(overlaps(await runs())).toEqual([]);
      // Each scheduled interval started one run on one replica, and no
      // replica was refused one: 20 invocations, 20 runs.
      const started = replicas.flatMap(r => r.startedRuns());
      for (const run of scheduled) {
        expect(started.filter(id => id === run.id)).toEqual([run.id]);
      }
      const last = scheduled[INTERVALS - 1].id;
      expect(started.filter(id => id <= last).sort((x, y) => x - y)).toEqual(
        scheduled.map(r => r.id),
      );
      expect(logs()).not.toContain('Skipping the scheduled audit');
    });

    it('lets only one of two replicas start a run when both are asked at once', async () => {
      const outcomes: number[][] = [];
      for (let round = 0; round < 8; round++) {
        await until(
          'no run in progress',
          15_000,
          async () => {
            const latest = await call(replicas[0], '/runs/latest');
            return latest.body.status !== 'running';
          },
          50,
        );
        const answers = await Promise.all(
          replicas.map(r => call(r, '/runs', 'POST')),
        );
        outcomes.push(answers.map(a => a.status));
        const accepted = answers.filter(a => a.status === 202);
        expect(accepted.length).toBeLessThanOrEqual(1);
        for (const refused of answers.filter(a => a.status !== 202)) {
          expect(refused.status).toBe(409);
          expect(refused.body.error.name).toBe('ConflictError');
        }
        if (accepted.length === 1) {
          await until('the manual run to finish', 20_000, async () => {
            const run = await call(replicas[0], `/runs/${accepted[0].body.id}`);
            return run.body.status !== 'running' && run.body;
          });
        }
      }
      // Most rounds find the replicas idle; a scheduled run may win a few.
      expect(outcomes.filter(o => o.includes(202)).length).toBeGreaterThan(2);
      expect(overlaps(await runs())).toEqual([]);
    });

    it('serves identical results from both replicas, with cache entries of the plugin in Redis', async () => {
      const paths = [
        '/services?limit=100',
        '/findings?limit=100',
        '/teams?limit=100',
        '/teams/group/default/payments',
        '/summary',
        '/services/component/default/replica-runbook-reader',
      ];
      const answers = await until(
        'both replicas to answer from the same run',
        20_000,
        async () => {
          const read = () =>
            Promise.all(
              replicas.map(r => Promise.all(paths.map(p => call(r, p)))),
            );
          const [a, b] = await read();
          const runIds = [a, b].map(set => set.map(res => res.body.runId));
          const [again] = await read();
          const same = [...runIds[1], ...again.map(res => res.body.runId)];
          return same.every(id => id === runIds[0][0]) && [a, b];
        },
        300,
      );
      const [a, b] = answers;
      for (const [i, path] of paths.entries()) {
        expect({ path, status: a[i].status }).toEqual({ path, status: 200 });
        expect({ path, body: stable(b[i].body) }).toEqual({
          path,
          body: stable(a[i].body),
        });
      }
      expect(a[0].body.items.length).toBeGreaterThan(5);
      // Each replica keeps its own lookup index and rebuilds it (at most
      // every 5 s, when asked) once a newer run has landed: compare the two
      // once they index the same run.
      const lookups = await until(
        'both lookup indexes to hold the same run',
        30_000,
        async () => {
          const [x, y] = await Promise.all(
            replicas.map(r => call(r, '/lookup?q=payments')),
          );
          return x.body.runId === y.body.runId && [x, y];
        },
        500,
      );
      expect(lookups[0].body.items.length).toBeGreaterThan(0);
      expect(stable(lookups[1].body)).toEqual(stable(lookups[0].body));
      expect(a[5].body.runbooks).toEqual([
        expect.objectContaining({
          url: expect.stringMatching(
            /^http:\/\/127\.0\.0\.1:\d+\/runbook\.md$/,
          ),
        }),
      ]);

      // <namespace>:<plugin id>:<key>; the CacheService base64-encodes keys.
      const prefix = `${name}:ownership:`;
      const keys = (await redisKeys(redisUrl, `${prefix}*`)).map(key =>
        Buffer.from(key.slice(prefix.length), 'base64').toString('utf8'),
      );
      expect(keys).toContain(`docs:file:${a[5].body.runbooks[0].url}`);
      expect(docRequests).toBeGreaterThan(0);
    });

    it(`marks the run of a replica killed with SIGKILL abandoned, and the next run succeeds within the lease + 10 s`, async () => {
      // Slow catalog pages hold the next run open, so that it is still
      // running when its replica is killed however loaded the machine is.
      const delayFile = join(dir!, 'catalog-delay');
      writeFileSync(delayFile, String(HELD_PAGE_DELAY_MS));
      const running = await until(
        'a run in progress',
        20_000,
        async () => {
          const latest = await call(replicas[0], '/runs/latest');
          return latest.body.status === 'running' && latest.body;
        },
        50,
      );
      const holder = replicas.find(r => r.startedRuns().includes(running.id))!;
      const survivor = replicas.find(r => r !== holder)!;
      expect(holder).toBeDefined();

      holder.process.kill('SIGKILL');
      const killedAt = Date.now();
      rmSync(delayFile);

      // Ask the survivor until a run after the killed one exists: the
      // survivor's own answer, or its scheduler's.
      const refusals: number[] = [];
      const next = await until(
        'a run after the killed one',
        (LEASE_S + 10) * 1000,
        async () => {
          const res = await call(survivor, '/runs', 'POST');
          if (res.status !== 202) {
            refusals.push(res.status);
          }
          const later = (await runs()).find(r => r.id > running.id);
          return later;
        },
        250,
      );
      const finished = await until(
        'the next run to finish',
        (LEASE_S + 10) * 1000 - (Date.now() - killedAt),
        async () => {
          const row = (await runs()).find(r => r.id === next.id)!;
          return row.status !== 'running' && row;
        },
        100,
      );

      expect(finished.status).toBe('succeeded');
      expect(finished.finished_at!.getTime() - killedAt).toBeLessThan(
        (LEASE_S + 10) * 1000,
      );
      // Until the lease had passed, the dead replica's run held the claim.
      expect(refusals.every(status => status === 409)).toBe(true);
      const killed = (await runs()).find(r => r.id === running.id)!;
      expect(killed).toMatchObject({
        status: 'failed',
        error: expect.stringMatching(/^Abandoned: .*no heartbeat/),
      });
      expect(killed.finished_at!.getTime() - killedAt).toBeGreaterThan(
        (LEASE_S - 2) * 1000,
      );
      expect(overlaps(await runs())).toEqual([]);
    });
  },
);
