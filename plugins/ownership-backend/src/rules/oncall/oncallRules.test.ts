import { ConfigReader } from '@backstage/config';
import type {
  OnCallAnswer,
  ResolvedService,
} from '@ownership-portal/plugin-ownership-common';
import { resolveCatalog } from '../../__testUtils__/resolved';
import { builtInRule } from '../__testUtils__/builtInRule';

const oncallGapRule = builtInRule('oncall.gap');
const oncallMissingRule = builtInRule('oncall.missing');

const context = {
  now: new Date('2026-12-01T10:00:00Z'),
  options: new ConfigReader({}),
};
const base = resolveCatalog().get('component:default/payments-api')!;

function answer(overrides: Partial<OnCallAnswer> = {}): OnCallAnswer {
  return {
    source: 'static',
    matchedBy: 'team',
    scheduleName: 'payments-primary',
    status: 'ok',
    onCallNow: [
      { user: { name: 'Alice' }, level: 1, until: '2026-12-07T08:00:00.000Z' },
    ],
    escalation: [],
    next: [],
    gaps: [],
    checkedAt: context.now.toISOString(),
    stale: false,
    ...overrides,
  };
}

const withOnCall = (oncall?: OnCallAnswer): ResolvedService => ({
  ...base,
  oncall,
});

describe('on-call rules', () => {
  it('oncall.missing fires only without any rotation, naming the team and what to add', async () => {
    const [finding] = await oncallMissingRule.evaluate(
      withOnCall(undefined),
      context,
    );
    expect(finding.message).toBe(
      'component:default/payments-api has no on-call rotation: neither it nor group:default/payments names one, and no configured rotation belongs to group:default/payments',
    );
    expect(finding.remediation).toContain('team: group:default/payments');
    expect(
      await oncallMissingRule.evaluate(withOnCall(answer()), context),
    ).toEqual([]);
  });

  it('an unreachable provider is not a missing rotation', async () => {
    const unknown = answer({
      status: 'unknown',
      onCallNow: [],
      reason: 'PagerDuty did not answer',
    });
    expect(
      await oncallMissingRule.evaluate(withOnCall(unknown), context),
    ).toEqual([]);
    expect(await oncallGapRule.evaluate(withOnCall(unknown), context)).toEqual(
      [],
    );
  });

  it('applies to operational components only', () => {
    expect(oncallMissingRule.appliesTo!(base, context)).toBe(true);
    expect(
      oncallMissingRule.appliesTo!({ ...base, operational: false }, context),
    ).toBe(false);
    expect(
      oncallGapRule.appliesTo!({ ...base, operational: false }, context),
    ).toBe(false);
  });

  it('oncall.gap names nobody on call now, or the first hole', async () => {
    const nobody = answer({
      status: 'gap',
      onCallNow: [],
      gaps: [
        { from: '2026-12-01T10:00:00.000Z', to: '2026-12-08T10:00:00.000Z' },
      ],
    });
    const [now] = await oncallGapRule.evaluate(withOnCall(nobody), context);
    expect(now.message).toBe(
      'component:default/payments-api: nobody is on call now in the rotation "payments-primary" (static)',
    );
    const hole = answer({
      status: 'gap',
      gaps: [
        { from: '2026-12-03T08:00:00.000Z', to: '2026-12-04T08:00:00.000Z' },
      ],
    });
    const [later] = await oncallGapRule.evaluate(withOnCall(hole), context);
    expect(later.message).toContain(
      'nobody is on call from 2026-12-03T08:00:00.000Z to 2026-12-04T08:00:00.000Z',
    );
    expect(later.remediation).toContain(
      'Cover 2026-12-03T08:00:00.000Z to 2026-12-04T08:00:00.000Z',
    );
    expect(await oncallGapRule.evaluate(withOnCall(answer()), context)).toEqual(
      [],
    );
  });
});
