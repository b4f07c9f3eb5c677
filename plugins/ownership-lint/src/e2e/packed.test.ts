/*
 * End to end: build and pack @ownership-portal/ownership-lint with the two
 * workspace packages it depends on, install the three tarballs with npm in a
 * temporary folder outside the workspace, and run `npx ownership-lint` there
 * on a copy of the example organisation's catalog files.
 */
import {
  execFileSync,
  spawn,
  spawnSync,
  type SpawnSyncReturns,
} from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { sarifValidator } from '../__testUtils__/sarifSchema';

const REPO = resolve(__dirname, '../../../..');
const YARN = join(REPO, '.yarn/releases/yarn-4.18.1.cjs');
const NODE = process.execPath;

/**
 * npm's own scripts, run with this Node.js (the workspace's Node 22): the copy
 * beside it when its distribution has one, else the npm on the PATH.
 */
function npmScript(name: 'npm-cli.js' | 'npx-cli.js'): string {
  const candidates = [
    resolve(dirname(NODE), '../lib/node_modules/npm/bin', name),
  ];
  for (const folder of (process.env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)) {
    const npm = join(folder, 'npm');
    if (existsSync(npm)) {
      candidates.push(join(dirname(realpathSync(npm)), name));
    }
  }
  const found = candidates.find(candidate => existsSync(candidate));
  if (!found) {
    throw new Error(`npm's ${name} not found beside ${NODE} nor on the PATH`);
  }
  return found;
}

const NPM_CLI = npmScript('npm-cli.js');
const NPX_CLI = npmScript('npx-cli.js');

const PACKAGES = [
  {
    dir: 'plugins/ownership-common',
    name: '@ownership-portal/plugin-ownership-common',
  },
  {
    dir: 'plugins/ownership-rules',
    name: '@ownership-portal/plugin-ownership-rules',
  },
  { dir: 'plugins/ownership-lint', name: '@ownership-portal/ownership-lint' },
];

/** The environment without the workspace's yarn and npm settings, so npm behaves as for a user. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (
      !/^(npm_|YARN_|BERRY_|INIT_CWD$|PROJECT_CWD$|NODE_OPTIONS$)/i.test(key)
    ) {
      env[key] = value;
    }
  }
  env.PATH = `${dirname(NODE)}:${env.PATH ?? ''}`;
  env.NO_COLOR = '1';
  delete env.OWNERSHIP_LINT_TOKEN;
  return env;
}

/** The environment for yarn in the workspace, without Jest's Node options. */
function workspaceEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  return env;
}

function sh(
  command: string,
  args: string[],
  cwd: string,
  timeout = 180_000,
): string {
  try {
    return execFileSync(command, args, {
      cwd,
      env: cwd.startsWith(REPO) ? workspaceEnv() : cleanEnv(),
      encoding: 'utf8',
      timeout,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `${command} ${args.join(' ')} failed in ${cwd}: ${e.message}\n${
        e.stdout ?? ''
      }\n${e.stderr ?? ''}`,
    );
  }
}

// Building, packing and installing take a minute or two; each run of the binary a second or two.
jest.setTimeout(6 * 60_000);

describe('the packed ownership-lint', () => {
  let work: string;
  let project: string;
  let org: string;

  function lint(args: string[], cwd = org): SpawnSyncReturns<string> {
    return spawnSync(NODE, [NPX_CLI, '--no', '--', 'ownership-lint', ...args], {
      cwd,
      env: cleanEnv(),
      encoding: 'utf8',
      timeout: 60_000,
    });
  }

  /** Runs the binary without blocking this process, so a server in it can answer. */
  function lintAsync(
    args: string[],
    cwd: string,
    env: Record<string, string>,
  ): Promise<{ status: number | null; stdout: string; stderr: string }> {
    return new Promise((done, fail) => {
      const child = spawn(
        NODE,
        [NPX_CLI, '--no', '--', 'ownership-lint', ...args],
        {
          cwd,
          env: { ...cleanEnv(), ...env },
          timeout: 60_000,
        },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', chunk => (stdout += chunk));
      child.stderr.on('data', chunk => (stderr += chunk));
      child.on('error', fail);
      child.on('close', status => done({ status, stdout, stderr }));
    });
  }

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'ownership-lint-e2e-'));
    if (!relative(REPO, work).startsWith('..')) {
      throw new Error(
        `The temporary folder ${work} must lie outside the workspace`,
      );
    }
    const packs = join(work, 'packs');
    await mkdir(packs);

    // The build of library packages bundles their declarations from dist-types (yarn tsc).
    const missingTypes = PACKAGES.slice(0, 2).some(
      pkg => !existsSync(join(REPO, 'dist-types', pkg.dir, 'src/index.d.ts')),
    );
    if (missingTypes) {
      sh(NODE, [YARN, 'tsc'], REPO, 300_000);
    }
    for (const pkg of PACKAGES) {
      const dir = join(REPO, pkg.dir);
      sh(NODE, [YARN, 'backstage-cli', 'package', 'build'], dir);
      sh(
        NODE,
        [YARN, 'pack', '--out', join(packs, `${pkg.dir.split('/')[1]}.tgz`)],
        dir,
      );
    }

    project = join(work, 'project');
    await mkdir(project);
    await writeFile(
      join(project, 'package.json'),
      JSON.stringify({ name: 'lint-e2e', private: true }),
    );
    sh(
      NODE,
      [
        NPM_CLI,
        'install',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        ...PACKAGES.map(p => join(packs, `${p.dir.split('/')[1]}.tgz`)),
      ],
      project,
      240_000,
    );

    org = join(project, 'acme');
    await cp(join(REPO, 'examples'), org, { recursive: true });
  });

  afterAll(async () => {
    if (work) {
      await rm(work, { recursive: true, force: true });
    }
  });

  it('is packed for publishing: a bin, its files and real versions of the workspace packages', () => {
    const manifest = JSON.parse(
      readFileSync(
        join(
          project,
          'node_modules/@ownership-portal/ownership-lint/package.json',
        ),
        'utf8',
      ),
    );
    // Yarn writes a single bin named like the package as a string; npm names it ownership-lint.
    expect(manifest.bin).toBe('bin/ownership-lint');
    expect(existsSync(join(project, 'node_modules/.bin/ownership-lint'))).toBe(
      true,
    );
    expect(manifest.main).toBe('dist/index.cjs.js');
    expect(manifest.files).toEqual(['bin', 'dist']);
    for (const name of [PACKAGES[0].name, PACKAGES[1].name]) {
      expect(manifest.dependencies[name]).toMatch(/^\^\d+\.\d+\.\d+/);
    }
    expect(JSON.stringify(manifest)).not.toContain('workspace:');
    const installed = join(
      project,
      'node_modules/@ownership-portal/ownership-lint',
    );
    expect(existsSync(join(installed, 'src'))).toBe(false);
    expect(existsSync(join(installed, 'dist/index.cjs.js'))).toBe(true);
  });

  it('prints its version and help', () => {
    const version = lint(['--version']);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = lint(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: ownership-lint [options] [paths...]');
  });

  it('lints the example organisation as text, JSON, SARIF and GitHub annotations', async () => {
    const now = ['--now', '2026-12-07T09:00:00Z'];
    const json = lint(['all.yaml', '--format', 'json', ...now]);
    expect(json.stderr).toBe('');
    const output = JSON.parse(json.stdout);
    // all.yaml and every file its Location names.
    const targets = parse(readFileSync(join(org, 'all.yaml'), 'utf8')).spec
      .targets;
    expect(output.summary.files).toBe(1 + targets.length);
    expect(output.summary.entities).toBeGreaterThan(40);
    expect(output.summary.total).toBe(output.findings.length);
    expect(json.status).toBe(output.summary.error > 0 ? 1 : 0);
    for (const finding of output.findings) {
      expect(existsSync(join(org, finding.file))).toBe(true);
      expect(finding).toEqual({
        ruleId: expect.stringMatching(/^[a-z]+\.[a-z-]+$/),
        severity: expect.stringMatching(/^(error|warning|info)$/),
        message: expect.any(String),
        remediation: expect.any(String),
        entityRef: expect.stringMatching(/^[a-z]+:[a-z0-9-]+\/[a-z0-9-]+$/),
        file: expect.stringMatching(/^[a-z0-9/-]+\.yaml$/),
        line: expect.any(Number),
        column: expect.any(Number),
      });
    }
    // Without --catalog-url, the rules that need the catalog are listed as skipped.
    expect(output.skipped).toContainEqual({
      ruleId: 'owner.empty-team',
      reason: expect.stringContaining('needs the catalog'),
    });

    const text = lint(['all.yaml', ...now]);
    expect(text.status).toBe(json.status);
    expect(text.stdout).toMatch(
      new RegExp(`in \\d+ entities from ${1 + targets.length} files\n$`),
    );
    for (const finding of output.findings.slice(0, 5)) {
      expect(text.stdout).toContain(
        `${finding.file}:${finding.line}:${finding.column}  ${finding.severity}  `,
      );
    }

    const sarif = lint([
      'all.yaml',
      '--format',
      'sarif',
      '--output',
      'report.sarif',
      ...now,
    ]);
    expect(sarif.status).toBe(json.status);
    expect(sarif.stdout).toBe('');
    expect(sarif.stderr).toMatch(/wrote sarif to report\.sarif\n$/);
    const log = JSON.parse(await readFile(join(org, 'report.sarif'), 'utf8'));
    const validate = sarifValidator();
    validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(log.runs[0].results).toHaveLength(output.findings.length);

    const github = lint(['all.yaml', '--format', 'github', ...now]);
    expect(github.status).toBe(json.status);
    const commands = github.stdout
      .split('\n')
      .filter(line => line.startsWith('::'));
    expect(commands).toHaveLength(output.findings.length);
    for (const command of commands) {
      expect(command).toMatch(
        /^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,title=[a-z]+\.[a-z-]+::/,
      );
    }
  });

  it('exits 1 on an error finding, 0 with --fail-on never, 2 on a bad flag or a YAML error', async () => {
    const repo = join(project, 'service-repo');
    await mkdir(repo);
    await writeFile(
      join(repo, 'catalog-info.yaml'),
      [
        'apiVersion: backstage.io/v1alpha1',
        'kind: Component',
        'metadata:',
        '  name: orphan-service',
        'spec:',
        '  type: service',
        '  lifecycle: production',
        '  owner: tbd',
        '',
      ].join('\n'),
    );
    const failing = lint(['--format', 'json'], repo);
    expect(failing.status).toBe(1);
    expect(JSON.parse(failing.stdout).findings).toContainEqual(
      expect.objectContaining({
        ruleId: 'owner.missing',
        severity: 'error',
        file: 'catalog-info.yaml',
        line: 8,
        column: 10,
      }),
    );
    expect(lint(['--fail-on', 'never'], repo).status).toBe(0);

    const badFlag = lint(['--fail-on', 'sometimes'], repo);
    expect(badFlag.status).toBe(2);
    expect(badFlag.stderr).toContain("argument 'sometimes' is invalid");

    await writeFile(
      join(repo, 'catalog-info.yaml'),
      'kind: Component\nmetadata: {name: x\n',
    );
    const broken = lint([], repo);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(
      /^ownership-lint: catalog-info\.yaml:\d+:\d+: YAML syntax error: /,
    );
  });

  it('asks a live portal with --catalog-url and the token, and exits 2 when the portal refuses it', async () => {
    const repo = join(project, 'portal-repo');
    await mkdir(repo);
    await writeFile(
      join(repo, 'catalog-info.yaml'),
      [
        'apiVersion: backstage.io/v1alpha1',
        'kind: Component',
        'metadata:',
        '  name: checkout-api',
        '  annotations:',
        '    ownership-portal/runbooks: docs/runbook.md',
        'spec:',
        '  type: service',
        '  lifecycle: production',
        '  owner: group:default/checkout',
        '',
      ].join('\n'),
    );
    const requests: string[] = [];
    const server = createServer((request, response) => {
      requests.push(`${request.headers.authorization} ${request.url}`);
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          error: { name: 'AuthenticationError', message: 'Illegal token' },
        }),
      );
    });
    await new Promise<void>(listening =>
      server.listen(0, '127.0.0.1', listening),
    );
    try {
      const { port } = server.address() as AddressInfo;
      const refused = await lintAsync(
        ['--catalog-url', `http://127.0.0.1:${port}`],
        repo,
        { OWNERSHIP_LINT_TOKEN: 'expired-token' },
      );
      expect(refused.status).toBe(2);
      expect(refused.stderr).toMatch(
        /^ownership-lint: http:\/\/127\.0\.0\.1:\d+\/api\/\S+ answered 401 Unauthorized: the portal refused the token/,
      );
      expect(requests.length).toBeGreaterThan(0);
      for (const request of requests) {
        expect(request).toMatch(
          /^Bearer expired-token \/api\/(catalog\/entities\/by-name|ownership\/oncall)\/[a-z]+\/default\/[a-z-]+$/,
        );
      }
    } finally {
      await new Promise(closed => server.close(closed));
    }
  });
});
