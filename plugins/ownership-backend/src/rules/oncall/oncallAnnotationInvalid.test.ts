import { ConfigReader } from '@backstage/config';
import type { ResolvedService } from '@ownership-portal/plugin-ownership-common';
import { resolveCatalog } from '../../__testUtils__/resolved';
import { builtInRule } from '../__testUtils__/builtInRule';

const rule = builtInRule('oncall.annotation-invalid');
const context = {
  now: new Date('2026-12-01T10:00:00Z'),
  options: new ConfigReader({}),
};
const base = resolveCatalog().get('component:default/payments-api')!;
const withAnnotations = (
  annotations: Record<string, string>,
): ResolvedService => ({ ...base, annotations });

describe('oncall.annotation-invalid', () => {
  it('applies only to entities with an on-call annotation', () => {
    expect(rule.appliesTo!(withAnnotations({}), context)).toBe(false);
    expect(
      rule.appliesTo!(
        withAnnotations({ 'ownership-portal/oncall-rotation': 'payments' }),
        context,
      ),
    ).toBe(true);
  });

  it('passes values of the right shape', async () => {
    expect(
      await rule.evaluate(
        withAnnotations({
          'pagerduty.com/service-id': 'PABC123',
          'pagerduty.com/integration-key': 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
          'ownership-portal/oncall-ical':
            'webcal://calendar.example.com/oncall/payments.ics',
          'ownership-portal/oncall-rotation': 'payments-primary',
        }),
        context,
      ),
    ).toEqual([]);
  });

  it.each([
    [
      'pagerduty.com/service-id',
      'tbd',
      'is not a PagerDuty service id (upper-case letters and digits)',
    ],
    [
      'pagerduty.com/service-id',
      'https://acme.pagerduty.com/service-directory/PABC123',
      'is not a PagerDuty service id (upper-case letters and digits)',
    ],
    [
      'pagerduty.com/integration-key',
      'abc',
      'is not a PagerDuty integration key (32 letters and digits)',
    ],
    ['ownership-portal/oncall-ical', 'payments.ics', 'is not an absolute URL'],
    [
      'ownership-portal/oncall-ical',
      'ftp://calendar.example.com/a.ics',
      'uses ftp:, not https: or webcal:',
    ],
    ['pagerduty.com/service-id', '  ', 'is empty'],
  ])('names %s "%s" and why it cannot be used', async (key, value, why) => {
    const [finding, ...rest] = await rule.evaluate(
      withAnnotations({ [key]: value }),
      context,
    );
    expect(rest).toEqual([]);
    expect(finding.message).toBe(
      `component:default/payments-api: the ${key} annotation "${value}" ${why}`,
    );
    expect(finding.remediation).toContain(`"${key}"`);
  });

  it('reports an empty rotation name', async () => {
    const findings = await rule.evaluate(
      withAnnotations({ 'ownership-portal/oncall-rotation': ' ' }),
      context,
    );
    expect(findings.map(f => f.message)).toEqual([
      'component:default/payments-api: the ownership-portal/oncall-rotation annotation is empty',
    ]);
  });
});
