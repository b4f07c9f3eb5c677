import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { copyFixture, fixture } from '../__testUtils__/fixtures';
import { lintEntities } from '../lint/lintEntities';
import { run } from './run';

async function lintJson(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await run(
    [
      '--format',
      'json',
      '--now',
      '2026-12-07T09:00:00Z',
      '--root',
      '.',
      ...args,
    ],
    {
      cwd,
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      env: {},
    },
    { lint: lintEntities },
  );
  return { code, stderr, output: stdout ? JSON.parse(stdout) : undefined };
}

type Finding = {
  ruleId: string;
  severity: string;
  file: string;
  line: number;
  column: number;
};
const placed = (findings: Finding[]) =>
  findings.map(
    f => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.ruleId}`,
  );

describe('run with the portal rules', () => {
  it('finds the problems of the payments-service fixture, placed on their fields, with its config file', async () => {
    const { code, stderr, output } = await lintJson(
      [],
      fixture('payments-service'),
    );
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(placed(output.findings)).toEqual([
      // adr.stale-proposal: severity warning from .ownership-lint.yaml
      'catalog-info.yaml:23:32 warning adr.stale-proposal',
      'catalog-info.yaml:25:33 warning techdebt.overdue',
      'catalog-info.yaml:25:33 warning techdebt.untriaged',
      'catalog-info.yaml:44:5 error runbook.missing',
      'catalog-info.yaml:48:10 error owner.missing',
      'catalog/refund-worker.yaml:7:32 error runbook.unreachable',
      'catalog/refund-worker.yaml:11:10 warning owner.individual',
      // runbook.stale: 90 days from .ownership-lint.yaml; info for an experimental service
      'catalog/settlement-worker.yaml:7:32 info runbook.stale',
      'catalog/settlement-worker.yaml:9:3 error owner.missing',
    ]);
    expect(output.skipped).toContainEqual({
      ruleId: 'owner.empty-team',
      reason: expect.stringContaining('needs the catalog'),
    });
    expect(output.summary).toEqual({
      entities: 5,
      files: 4,
      error: 4,
      warning: 4,
      info: 1,
      total: 9,
    });
  });

  it('turns rules off and changes thresholds from the config file', async () => {
    const { dir, cleanup } = await copyFixture('payments-service');
    try {
      await writeFile(
        join(dir, '.ownership-lint.yaml'),
        [
          'rules:',
          '  adr:',
          '    stale-proposal: { enabled: false }',
          '  techdebt:',
          '    untriaged: { severity: error }',
          '  runbook:',
          '    stale: { maxAgeDays: 1000 }',
          'owners:',
          '  placeholders: [nobody]',
        ].join('\n'),
      );
      const { output } = await lintJson(['--fail-on', 'never'], dir);
      const rules = output.findings.map(
        (f: Finding) => `${f.ruleId} ${f.severity}`,
      );
      expect(rules).not.toContain('adr.stale-proposal warning');
      expect(rules).not.toContain('runbook.stale info');
      expect(rules).toContain('techdebt.untriaged error');
      // "tbd" is no longer a placeholder, so the reconciler's owner is a well-formed ref.
      expect(placed(output.findings)).not.toContain(
        'catalog-info.yaml:48:10 error owner.missing',
      );
    } finally {
      await cleanup();
    }
  });
});
