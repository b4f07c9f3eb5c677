import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fakeLint } from '../__testUtils__/fakeLint';
import {
  brokenRepository,
  copyFixture,
  fixture,
} from '../__testUtils__/fixtures';
import type { LintEntities, LintOptions } from '../lint/types';
import { run } from './run';

const TOOL = {
  name: 'ownership-lint',
  version: '9.8.7',
  informationUri: 'https://example.test/ownership-lint',
};

async function cli(
  args: string[],
  options: {
    cwd?: string;
    env?: Record<string, string>;
    lint?: LintEntities;
  } = {},
) {
  let stdout = '';
  let stderr = '';
  const code = await run(
    args,
    {
      cwd: options.cwd ?? fixture('payments-service'),
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      env: options.env ?? {},
    },
    { lint: options.lint ?? fakeLint, tool: TOOL },
  );
  return { code, stdout, stderr };
}

/** Records the options the lint was called with, then lints with the fake rules. */
function recordingLint() {
  const calls: LintOptions[] = [];
  const lint: LintEntities = (entities, options) => {
    calls.push(options);
    return fakeLint(entities, options);
  };
  return { calls, lint };
}

describe('run', () => {
  it('lints the working directory as text and exits 1 on an error finding', async () => {
    const { code, stdout, stderr } = await cli(['--root', '.']);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(stdout).toContain(
      'catalog-info.yaml:48:10  error  The owner "tbd" is a placeholder  owner.missing\n    fix: Set spec.owner',
    );
    expect(stdout).toContain(
      'catalog/refund-worker.yaml:11:10  warning  The owner user:default/alice is a person  owner.individual',
    );
    expect(stdout).toContain('skipped: owner.unresolved (needs the catalog)');
    expect(stdout).toMatch(
      /problems: 2 errors, 1 warning, 1 info in 6 entities from 4 files\n$/,
    );
  });

  it('exits by --fail-on: never 0, and info, warning, error by the worst finding', async () => {
    const monorepo = fixture('monorepo'); // two services without runbooks: info findings only
    expect((await cli(['--fail-on', 'never'])).code).toBe(0);
    expect((await cli([], { cwd: monorepo })).code).toBe(0);
    expect((await cli(['--fail-on', 'warning'], { cwd: monorepo })).code).toBe(
      0,
    );
    expect((await cli(['--fail-on', 'info'], { cwd: monorepo })).code).toBe(1);
  });

  it('lints the given files and folders only', async () => {
    const { stdout } = await cli([
      '--format',
      'json',
      'catalog/refund-worker.yaml',
      '../monorepo/services/orders',
    ]);
    const output = JSON.parse(stdout);
    expect(output.summary).toMatchObject({ entities: 2, files: 2 });
  });

  it('writes JSON, SARIF and GitHub formats', async () => {
    const json = JSON.parse(
      (await cli(['--format', 'json', '--root', '.'])).stdout,
    );
    expect(json.tool).toEqual({ name: 'ownership-lint', version: '9.8.7' });
    expect(
      json.findings.find(
        (f: { ruleId: string }) => f.ruleId === 'owner.missing',
      ),
    ).toMatchObject({
      ruleId: 'owner.missing',
      file: 'catalog-info.yaml',
      line: 48,
      column: 10,
    });
    expect(json.skippedTargets).toHaveLength(1);

    const sarif = JSON.parse(
      (await cli(['--format', 'sarif', '--root', '.'])).stdout,
    );
    expect(sarif.runs[0].tool.driver.version).toBe('9.8.7');
    expect(sarif.runs[0].results).toHaveLength(4);

    const github = (await cli(['--format', 'github', '--root', '.'])).stdout;
    expect(github).toContain(
      '::error file=catalog-info.yaml,line=48,col=10,title=owner.missing::The owner "tbd" is a placeholder%0Afix: ',
    );
  });

  it('writes the report to --output and a summary to stderr', async () => {
    const { dir, cleanup } = await copyFixture('payments-service');
    try {
      const { code, stdout, stderr } = await cli(
        ['--format', 'sarif', '--output', 'out/../report.sarif'],
        { cwd: dir },
      );
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toBe(
        'ownership-lint: 2 errors, 1 warning, 1 info in 6 entities from 4 files; wrote sarif to report.sarif\n',
      );
      expect(
        JSON.parse(await readFile(join(dir, 'report.sarif'), 'utf8')).version,
      ).toBe('2.1.0');

      const unwritable = await cli(['--output', 'no-such-folder/report.txt'], {
        cwd: dir,
      });
      expect(unwritable.code).toBe(2);
      expect(unwritable.stderr).toBe(
        'ownership-lint: --output: cannot write no-such-folder/report.txt (ENOENT)\n',
      );
    } finally {
      await cleanup();
    }
  });

  it('passes the config file, the date and the repository root to the rules', async () => {
    const { calls, lint } = recordingLint();
    await cli(['--now', '2026-12-07T09:00:00Z', '--root', '..'], { lint });
    expect(calls[0].now.toISOString()).toBe('2026-12-07T09:00:00.000Z');
    expect(calls[0].root).toBe(fixture(''));
    expect(calls[0].catalog).toBeUndefined();
    expect(
      calls[0].config.getNumber('ownership.rules.runbook.stale.maxAgeDays'),
    ).toBe(90);

    const { calls: others, lint: other } = recordingLint();
    await cli(['--now', '2026-12-07'], {
      cwd: fixture('monorepo'),
      lint: other,
    });
    expect(others[0].config.getOptional('ownership')).toBeUndefined();
    expect(others[0].now.toISOString()).toBe('2026-12-07T00:00:00.000Z');
  });

  it("writes the rules' warnings to its stderr", async () => {
    const warning: LintEntities = (entities, options) => {
      options.warn?.('runbook.stale failed on component:default/x: boom');
      return fakeLint(entities, options);
    };
    const { code, stderr } = await cli(['--fail-on', 'never'], {
      lint: warning,
    });
    expect(code).toBe(0);
    expect(stderr).toBe(
      'warning: runbook.stale failed on component:default/x: boom\n',
    );
  });

  it('exits 2 naming a bad configuration file, an unknown rule or a missing --config', async () => {
    const { dir, cleanup } = await copyFixture('payments-service');
    try {
      await writeFile(
        join(dir, '.ownership-lint.yaml'),
        'rules: {}\nextends: recommended\n',
      );
      expect(await cli([], { cwd: dir })).toEqual({
        code: 2,
        stdout: '',
        stderr:
          'ownership-lint: config file .ownership-lint.yaml: unknown top-level key "extends" (allowed: rules, scope, owners)\n',
      });

      await writeFile(
        join(dir, 'lint.yaml'),
        'rules:\n  runbook:\n    stael: { maxAgeDays: 30 }\n',
      );
      const unknownRule = await cli(['--config', 'lint.yaml'], { cwd: dir });
      expect(unknownRule.code).toBe(2);
      expect(unknownRule.stderr).toMatch(
        /^ownership-lint: config file lint\.yaml: unknown rule runbook\.stael \(known: adr\.stale-proposal, owner\.empty-team, /,
      );

      const missing = await cli(['--config', 'nope.yaml'], { cwd: dir });
      expect(missing).toMatchObject({
        code: 2,
        stderr: 'ownership-lint: config file nope.yaml: no such file\n',
      });
    } finally {
      await cleanup();
    }
  });

  it('exits 2 naming an unreadable path or a YAML error with its line', async () => {
    expect(await cli(['services'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'ownership-lint: services: no such file or folder\n',
    });
    const { dir, cleanup } = await brokenRepository();
    try {
      const broken = await cli([], { cwd: dir });
      expect(broken.code).toBe(2);
      expect(broken.stderr).toMatch(
        /^ownership-lint: catalog-info\.yaml:8:\d+: YAML syntax error: /,
      );
    } finally {
      await cleanup();
    }
  });

  it('exits 2 on bad flags and values, with the reason', async () => {
    const unknown = await cli(['--formt', 'json']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("error: unknown option '--formt'");
    expect(unknown.stderr).toContain('(Did you mean --format?)');

    const format = await cli(['--format', 'xml']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain(
      "error: option '--format <format>' argument 'xml' is invalid. Allowed choices are text, json, sarif, github.",
    );

    const failOn = await cli(['--fail-on', 'fatal']);
    expect(failOn.code).toBe(2);
    expect(failOn.stderr).toContain(
      'Allowed choices are error, warning, info, never.',
    );

    expect(await cli(['--now', 'yesterday'])).toMatchObject({
      code: 2,
      stderr:
        'ownership-lint: --now: "yesterday" is not an ISO date, e.g. 2026-12-07 or 2026-12-07T09:00:00Z\n',
    });
    expect(await cli(['--token', 'abc'])).toMatchObject({
      code: 2,
      stderr: 'ownership-lint: --token is only used with --catalog-url\n',
    });
    expect(await cli(['--catalog-url', 'localhost:7007'])).toMatchObject({
      code: 2,
      stderr:
        'ownership-lint: --catalog-url: "localhost:7007" is not an http(s) URL, e.g. http://localhost:7007\n',
    });
  });

  it('prints help and the version with exit code 0', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: ownership-lint [options] [paths...]');
    for (const flag of [
      '--format',
      '--fail-on',
      '--config',
      '--catalog-url',
      '--token',
      '--now',
      '--output',
      '--version',
    ]) {
      expect(help.stdout).toContain(flag);
    }
    expect(help.stdout).toContain(
      'Exit codes: 0 no findings at or above --fail-on',
    );
    expect(await cli(['--version'])).toEqual({
      code: 0,
      stdout: '9.8.7\n',
      stderr: '',
    });
  });

  describe('with --catalog-url', () => {
    const server = setupServer();
    beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
    afterEach(() => server.resetHandlers());
    afterAll(() => server.close());

    const ownerLookup: LintEntities = async (entities, options) => {
      const owner = await options.catalog!.getEntity('group:default/payments');
      const report = await fakeLint(entities, options);
      return { ...report, entities: owner ? report.entities : -1 };
    };

    it('reads the live catalog with the token from OWNERSHIP_LINT_TOKEN or --token', async () => {
      const tokens: Array<string | null> = [];
      server.use(
        http.get(
          'http://portal.test/api/catalog/entities/by-name/group/default/payments',
          ({ request }) => {
            tokens.push(request.headers.get('authorization'));
            return HttpResponse.json({
              kind: 'Group',
              metadata: { name: 'payments' },
            });
          },
        ),
      );
      const env = { OWNERSHIP_LINT_TOKEN: 'from-env' };
      const fromEnv = await cli(
        ['--catalog-url', 'http://portal.test', '--format', 'json'],
        { env, lint: ownerLookup },
      );
      expect(JSON.parse(fromEnv.stdout).summary.entities).toBe(6);
      expect(JSON.parse(fromEnv.stdout).skipped).toEqual([]);
      await cli(
        ['--catalog-url', 'http://portal.test', '--token', 'from-flag'],
        { env, lint: ownerLookup },
      );
      expect(tokens).toEqual(['Bearer from-env', 'Bearer from-flag']);
    });

    it('exits 2 when the portal refuses the token', async () => {
      server.use(
        http.get(
          'http://portal.test/api/catalog/entities/by-name/group/default/payments',
          () =>
            HttpResponse.json(
              {
                error: {
                  name: 'AuthenticationError',
                  message: 'Illegal token',
                },
              },
              { status: 401 },
            ),
        ),
      );
      expect(
        await cli(
          ['--catalog-url', 'http://portal.test', '--token', 'expired'],
          { lint: ownerLookup },
        ),
      ).toEqual({
        code: 2,
        stdout: '',
        stderr:
          'ownership-lint: http://portal.test/api/catalog/entities/by-name/group/default/payments answered 401 Unauthorized: the portal refused the token (--token or OWNERSHIP_LINT_TOKEN)\n',
      });
    });
  });
});
