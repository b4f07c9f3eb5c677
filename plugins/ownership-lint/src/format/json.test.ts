import { sampleRun } from '../__testUtils__/sampleRun';
import { formatJson, type JsonOutput } from './json';

describe('formatJson', () => {
  it('writes the documented shape: findings in order, skips, notes and counts, paths from the root', () => {
    const output: JsonOutput = JSON.parse(formatJson(sampleRun()));
    expect(output).toEqual({
      version: 1,
      tool: { name: 'ownership-lint', version: '0.1.0' },
      findings: [
        {
          ruleId: 'owner.missing',
          severity: 'error',
          message:
            'The owner "tbd" is a placeholder: 100% unowned, see https://x.example/a,b',
          remediation:
            'Set spec.owner to a Group.\nFor example: group:default/payments',
          entityRef: 'component:default/payments-reconciler',
          file: 'catalog-info.yaml',
          line: 46,
          column: 10,
        },
        expect.objectContaining({
          ruleId: 'runbook.missing',
          file: 'services/refund worker/catalog-info.yaml',
          line: 5,
        }),
        expect.objectContaining({
          ruleId: 'owner.individual',
          file: 'services/refund worker/catalog-info.yaml',
          line: 11,
        }),
      ],
      skipped: [{ ruleId: 'owner.unresolved', reason: 'needs the catalog' }],
      skippedTargets: [
        {
          file: 'catalog-info.yaml',
          line: 11,
          column: 7,
          target: 'https://github.com/acme/shared/blob/main/catalog-info.yaml',
          reason: 'a URL: ownership-lint reads local files only',
        },
      ],
      notes: [
        {
          file: 'catalog-info.yaml',
          line: 40,
          column: 1,
          message: 'document 4 is empty (ignored)',
        },
      ],
      summary: {
        entities: 3,
        files: 2,
        error: 1,
        warning: 1,
        info: 1,
        total: 3,
      },
    });
  });

  it('is the same text for the same run', () => {
    expect(formatJson(sampleRun())).toBe(formatJson(sampleRun()));
  });
});
