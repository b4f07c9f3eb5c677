import { join } from 'node:path';
import type { FormatInput } from '../format/types';
import { FAKE_RULES } from './fakeLint';

/** The repository root of {@link sampleRun}. */
export const SAMPLE_ROOT = join('/', 'repo');

/**
 * A hand-built lint run over a repository at /repo with findings of every
 * severity, in two files (one in a folder with a space), for the formatters.
 */
export function sampleRun(overrides: Partial<FormatInput> = {}): FormatInput {
  const file = join(SAMPLE_ROOT, 'catalog-info.yaml');
  const worker = join(
    SAMPLE_ROOT,
    'services',
    'refund worker',
    'catalog-info.yaml',
  );
  return {
    cwd: SAMPLE_ROOT,
    root: SAMPLE_ROOT,
    tool: {
      name: 'ownership-lint',
      version: '0.1.0',
      informationUri:
        'https://github.com/ownership-portal/ownership-portal/tree/main/plugins/ownership-lint#readme',
    },
    discovery: {
      entities: [],
      files: [file, worker],
      skippedTargets: [
        {
          file,
          line: 11,
          column: 7,
          target: 'https://github.com/acme/shared/blob/main/catalog-info.yaml',
          reason: 'a URL: ownership-lint reads local files only',
        },
      ],
      notes: [
        { file, line: 40, column: 1, message: 'document 4 is empty (ignored)' },
      ],
    },
    report: {
      entities: 3,
      rules: FAKE_RULES,
      skipped: [{ ruleId: 'owner.unresolved', reason: 'needs the catalog' }],
      findings: [
        {
          ruleId: 'runbook.missing',
          severity: 'info',
          message: 'No runbook is linked',
          remediation:
            'Add the ownership-portal/runbooks annotation or a link of type runbook.',
          entityRef: 'component:default/refund-worker',
          file: worker,
          line: 5,
          column: 3,
        },
        {
          ruleId: 'owner.missing',
          severity: 'error',
          message:
            'The owner "tbd" is a placeholder: 100% unowned, see https://x.example/a,b',
          remediation:
            'Set spec.owner to a Group.\nFor example: group:default/payments',
          entityRef: 'component:default/payments-reconciler',
          file,
          line: 46,
          column: 10,
        },
        {
          ruleId: 'owner.individual',
          severity: 'warning',
          message: 'The owner user:default/alice is a person',
          remediation:
            'Make a Group the owner: people change teams, teams stay.',
          entityRef: 'component:default/refund-worker',
          file: worker,
          line: 11,
          column: 10,
        },
      ],
    },
    ...overrides,
  };
}
