import { sampleRun } from '../__testUtils__/sampleRun';
import { escapeData, escapeProperty, formatGithub } from './github';

describe('formatGithub', () => {
  it('escapes data and properties the way the Actions runner reads them', () => {
    expect(escapeData('100% done\r\nnext: a,b')).toBe(
      '100%25 done%0D%0Anext: a,b',
    );
    expect(escapeProperty('dir: a,b/c%d\n')).toBe('dir%3A a%2Cb/c%25d%0A');
  });

  it('writes one workflow command per finding, notice for info, then skips and a summary', () => {
    expect(formatGithub(sampleRun()).split('\n')).toEqual([
      '::error file=catalog-info.yaml,line=46,col=10,title=owner.missing::The owner "tbd" is a placeholder: 100%25 unowned, see https://x.example/a,b%0Afix: Set spec.owner to a Group.%0AFor example: group:default/payments',
      '::notice file=services/refund worker/catalog-info.yaml,line=5,col=3,title=runbook.missing::No runbook is linked%0Afix: Add the ownership-portal/runbooks annotation or a link of type runbook.',
      '::warning file=services/refund worker/catalog-info.yaml,line=11,col=10,title=owner.individual::The owner user:default/alice is a person%0Afix: Make a Group the owner: people change teams, teams stay.',
      'skipped: owner.unresolved (needs the catalog)',
      'ownership-lint: 1 error, 1 warning, 1 info in 3 entities from 2 files',
      '',
    ]);
  });
});
