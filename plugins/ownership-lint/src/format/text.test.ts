import { join } from 'node:path';
import { sampleRun, SAMPLE_ROOT } from '../__testUtils__/sampleRun';
import { formatText } from './text';

describe('formatText', () => {
  it('lists findings by file and line with their fixes, then notes, skips and a summary', () => {
    expect(formatText(sampleRun())).toBe(
      [
        'catalog-info.yaml:46:10  error  The owner "tbd" is a placeholder: 100% unowned, see https://x.example/a,b  owner.missing',
        '    fix: Set spec.owner to a Group.',
        '         For example: group:default/payments',
        'services/refund worker/catalog-info.yaml:5:3  info  No runbook is linked  runbook.missing',
        '    fix: Add the ownership-portal/runbooks annotation or a link of type runbook.',
        'services/refund worker/catalog-info.yaml:11:10  warning  The owner user:default/alice is a person  owner.individual',
        '    fix: Make a Group the owner: people change teams, teams stay.',
        '',
        'note: catalog-info.yaml:40:1: document 4 is empty (ignored)',
        'skipped target: catalog-info.yaml:11:7: https://github.com/acme/shared/blob/main/catalog-info.yaml (a URL: ownership-lint reads local files only)',
        'skipped: owner.unresolved (needs the catalog)',
        '3 problems: 1 error, 1 warning, 1 info in 3 entities from 2 files',
        '',
      ].join('\n'),
    );
  });

  it('names files relative to the working directory', () => {
    const text = formatText(sampleRun({ cwd: join(SAMPLE_ROOT, 'services') }));
    expect(text).toContain('../catalog-info.yaml:46:10  error');
    expect(text).toContain('refund worker/catalog-info.yaml:5:3  info');
  });

  it('says so when there is nothing to report', () => {
    const run = sampleRun();
    const text = formatText({
      ...run,
      report: { ...run.report, findings: [], skipped: [] },
      discovery: { ...run.discovery, notes: [], skippedTargets: [] },
    });
    expect(text).toBe(
      'no problems: 0 errors, 0 warnings, 0 info in 3 entities from 2 files\n',
    );
  });
});
