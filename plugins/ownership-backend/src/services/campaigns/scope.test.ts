import { inScope, normaliseScope } from './scope';

const descendants = (ref: string) =>
  ref === 'group:default/payments' ? ['group:default/payments-fraud'] : [];

const fraudScorer = {
  kind: 'Component',
  lifecycle: 'production',
  system: 'system:default/payments',
  team: 'group:default/payments-fraud',
};

describe('campaign scope', () => {
  it('writes refs in full and lower case, and names a bad value', () => {
    expect(
      normaliseScope({
        include: { kinds: ['Component'], teams: ['Payments'] },
        exclude: { systems: ['legacy'], lifecycles: [] },
      }),
    ).toEqual({
      include: { kinds: ['component'], teams: ['group:default/payments'] },
      exclude: { systems: ['system:default/legacy'] },
    });
    expect(() =>
      normaliseScope({ exclude: { teams: ['ok', 'group:'] } }),
    ).toThrow(/scope\.exclude\.teams\[1\]/);
    expect(normaliseScope(undefined)).toEqual({});
  });

  it('covers everything without include, and sub-groups unless told not to', () => {
    expect(inScope(fraudScorer, {}, descendants)).toBe(true);
    const payments = normaliseScope({ include: { teams: ['payments'] } });
    expect(inScope(fraudScorer, payments, descendants)).toBe(true);
    expect(
      inScope(
        fraudScorer,
        { ...payments, includeSubgroups: false },
        descendants,
      ),
    ).toBe(false);
  });

  it('needs every include key to match and leaves out what exclude matches', () => {
    const scope = normaliseScope({
      include: {
        kinds: ['component'],
        lifecycles: ['production'],
        systems: ['payments'],
      },
    });
    expect(inScope(fraudScorer, scope, descendants)).toBe(true);
    expect(
      inScope({ ...fraudScorer, lifecycle: undefined }, scope, descendants),
    ).toBe(false);
    expect(
      inScope(
        fraudScorer,
        { ...scope, ...normaliseScope({ exclude: { teams: ['payments'] } }) },
        descendants,
      ),
    ).toBe(false);
    expect(
      inScope(
        fraudScorer,
        normaliseScope({ exclude: { kinds: ['api'] } }),
        descendants,
      ),
    ).toBe(true);
  });
});
