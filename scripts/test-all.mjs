#!/usr/bin/env node
/*
 * The whole test suite, run once (never in watch mode), as `npm test` /
 * `yarn test` run it: type check, lint, formatting, unit and integration
 * tests (SQLite always; PostgreSQL when a server is configured), and browser
 * tests in the system's Chromium.
 *
 * Runs under the Node.js that scripts/bootstrap.mjs selected (Node 22 or newer).
 *
 * Environment:
 *   BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING  also run database tests on PostgreSQL
 *   CHROMIUM_PATH                  Chromium binary for browser tests (default /usr/bin/chromium)
 *   OWNERSHIP_REQUIRE_BROWSER=1    fail instead of skipping when Chromium is missing (CI)
 *   OWNERSHIP_REQUIRE_POSTGRES=1   fail instead of skipping when no PostgreSQL is configured (CI)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { yarnRelease } from './lib/yarn.mjs';

const POSTGRES_ENV = 'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const yarn = yarnRelease(root);

// No Docker engine is assumed: TestDatabases uses only SQLite and the
// databases given by connection strings.
process.env.BACKSTAGE_TEST_DISABLE_DOCKER ??= '1';

const skipped = [];
const failed = [];
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function section(title) {
  console.log(`\n\u25b6 ${title}`);
}

function step(title, args) {
  section(title);
  const started = Date.now();
  const result = spawnSync(process.execPath, [yarn, ...args], {
    stdio: 'inherit',
    cwd: root,
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  if (result.status === 0) {
    console.log(`\u2714 ${title} (${seconds}s)`);
  } else {
    console.log(`\u2718 ${title} failed (${seconds}s)`);
    failed.push(title);
  }
}

function skip(title, reason, required) {
  section(title);
  if (required) {
    console.log(`\u2718 ${title}: ${reason}`);
    failed.push(`${title} (${reason})`);
  } else {
    console.log(`- skipped: ${reason}`);
    skipped.push(`${title}: ${reason}`);
  }
}

step('Type check (tsc)', ['tsc']);
step('Lint (eslint)', ['backstage-cli', 'repo', 'lint']);
step('Formatting (prettier)', ['prettier', '--check', '.']);
step('One version of each dependency (yarn dedupe --check)', [
  'dedupe',
  '--check',
]);
step('No unused files, exports or dependencies (knip)', ['knip']);
step('Package metadata for publishing (backstage-cli repo fix --check)', [
  'backstage-cli',
  'repo',
  'fix',
  '--publish',
  '--check',
]);
step('Generated OpenAPI code is up to date', ['generate:openapi:check']);
step('No cycle between the backend plugin folders', ['check:layers']);
// Reads the declarations that the type check step wrote to dist-types/.
step('API reports are up to date (yarn build:api-reports)', [
  'build:api-reports:only',
  '--ci',
]);

if (process.env[POSTGRES_ENV]) {
  console.log(
    `\nDatabase tests run on SQLite and on PostgreSQL (${POSTGRES_ENV}).`,
  );
} else {
  skip(
    'Database tests on PostgreSQL',
    `${POSTGRES_ENV} is not set, so database tests run on SQLite only; ` +
      `set it, e.g. to postgresql://postgres@127.0.0.1:5432, to include PostgreSQL`,
    process.env.OWNERSHIP_REQUIRE_POSTGRES === '1',
  );
}
step('Unit and integration tests (jest)', [
  'backstage-cli',
  'repo',
  'test',
  '--watchAll=false',
]);

if (fs.existsSync(chromium)) {
  step(`Browser tests (playwright, ${chromium})`, ['playwright', 'test']);
} else {
  skip(
    'Browser tests (playwright)',
    `no Chromium at ${chromium}; install Debian's package (apt-get install chromium) or set CHROMIUM_PATH`,
    process.env.OWNERSHIP_REQUIRE_BROWSER === '1',
  );
}

console.log('\n\u2500\u2500 Summary');
for (const s of skipped) console.log(`- skipped ${s}`);
for (const f of failed) console.log(`\u2718 failed: ${f}`);
if (failed.length === 0) {
  console.log('\u2714 all test suites passed');
}
process.exit(failed.length === 0 ? 0 : 1);
