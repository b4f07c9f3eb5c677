import { defaultCodeowners } from './parseCodeowners';

describe('defaultCodeowners', () => {
  it('takes the owners of the last * line, ignoring comments and other patterns', () => {
    expect(
      defaultCodeowners(
        [
          '# comment',
          '* @acme/old-team',
          '',
          '*.js @acme/frontend',
          '* @acme/payments   @alice # current',
          '/docs/ @acme/writers',
        ].join('\n'),
      ),
    ).toEqual(['@acme/payments', '@alice']);
  });

  it('is empty without a * line, or when the last one names nobody', () => {
    expect(defaultCodeowners('/src/ @acme/payments\n')).toEqual([]);
    expect(defaultCodeowners('* @acme/payments\n*\n')).toEqual([]);
    expect(defaultCodeowners('')).toEqual([]);
  });
});
