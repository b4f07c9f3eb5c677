import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateRotations } from '../generateOrg';

/** Where the benchmark keeps its data: SQLite files, or PostgreSQL databases with a prefix. */
export type BenchDatabase = 'sqlite' | 'postgres';

const PG_PREFIX = 'ownership_bench_';
const PG_PLUGINS = [
  'app',
  'auth',
  'catalog',
  'events',
  'notifications',
  'ownership',
  'permission',
  'proxy',
  'search',
  'signals',
  'mcp-actions',
  'scaffolder',
];

/** Drops the databases an earlier PostgreSQL run of the benchmark left behind. */
export function dropBenchDatabases() {
  for (const plugin of PG_PLUGINS) {
    const result = spawnSync(
      'psql',
      [
        '-h',
        '127.0.0.1',
        '-U',
        'postgres',
        '-q',
        '-c',
        `DROP DATABASE IF EXISTS "${PG_PREFIX}${plugin}" WITH (FORCE)`,
      ],
      { encoding: 'utf8' },
    );
    if (result.status !== 0) {
      throw new Error(
        `psql could not drop ${PG_PREFIX}${plugin}: ${result.stderr}`,
      );
    }
  }
}

/**
 * Writes the config the benchmark adds after app-config.yaml, as an
 * app-config.local.yaml would: its own port and database, a static token
 * for the driver, the generated organisation and its rotations, and no
 * scheduled work (audits and search indexing start only when asked).
 */
export function writeBenchConfig(options: {
  dir: string;
  port: number;
  services: number;
  database: BenchDatabase;
  token: string;
  /** A file location for the catalog, when the real catalog ingests it. */
  catalogFile?: string;
  guestUser: string;
}): string {
  const sqliteDir = join(options.dir, 'sqlite');
  mkdirSync(sqliteDir, { recursive: true });
  const manual = {
    frequency: { trigger: 'manual' },
    timeout: { minutes: 10 },
  };
  const config = {
    backend: {
      baseUrl: `http://127.0.0.1:${options.port}`,
      listen: { port: options.port, host: '127.0.0.1' },
      database:
        options.database === 'postgres'
          ? {
              client: 'pg',
              connection: {
                host: '127.0.0.1',
                port: 5432,
                user: 'postgres',
              },
              prefix: PG_PREFIX,
            }
          : {
              client: 'better-sqlite3',
              connection: { directory: sqliteDir },
            },
      auth: {
        externalAccess: [
          {
            type: 'static',
            options: { token: options.token, subject: 'ownership-bench' },
          },
        ],
      },
    },
    auth: { providers: { guest: { userEntityRef: options.guestUser } } },
    catalog: {
      // The default (every 100-150 s) keeps 10,000 entities in processing
      // all the time on two cores; the benchmark measures a settled catalog.
      processingInterval: { minutes: 30 },
      locations: options.catalogFile
        ? [{ type: 'file', target: options.catalogFile }]
        : [],
    },
    search: {
      collators: {
        ownership: { schedule: manual },
        catalog: { schedule: manual },
      },
    },
    ownership: {
      schedule: { frequency: { hours: 24 }, initialDelay: { hours: 24 } },
      oncall: { rotations: generateRotations(options.services) },
    },
  };
  const file = join(options.dir, 'app-config.bench.yaml');
  // JSON is YAML.
  writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}
