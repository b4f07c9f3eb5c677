import { ConfigReader } from '@backstage/config';
import type {
  ResolvedService,
  RunbookInfo,
} from '@ownership-portal/plugin-ownership-common';
import { resolveCatalog } from '../../__testUtils__/resolved';
import { builtInRule } from '../__testUtils__/builtInRule';

const runbookMissingRule = builtInRule('runbook.missing');
const runbookStaleRule = builtInRule('runbook.stale');
const runbookUnreachableRule = builtInRule('runbook.unreachable');

const now = new Date('2026-11-28T12:00:00Z');
const context = (options = {}) => ({ now, options: new ConfigReader(options) });
const base = resolveCatalog().get('component:default/payments-api')!;
const withRunbooks = (runbooks?: RunbookInfo[]): ResolvedService => ({
  ...base,
  runbooks,
});

function runbook(overrides: Partial<RunbookInfo>): RunbookInfo {
  return {
    title: 'Restart',
    url: 'https://wiki.example.com/restart',
    source: 'service-link',
    freshness: 'fresh',
    status: 'ok',
    reviewedAt: '2026-11-01T00:00:00.000Z',
    ...overrides,
  };
}

describe('runbook rules', () => {
  it('runbook.missing fires for an operational service without runbooks only', async () => {
    const [finding] = await runbookMissingRule.evaluate(
      withRunbooks([]),
      context(),
    );
    expect(finding.message).toBe(
      'component:default/payments-api links no runbook, and neither does group:default/payments',
    );
    expect(
      await runbookMissingRule.evaluate(withRunbooks([runbook({})]), context()),
    ).toEqual([]);
    expect(
      runbookMissingRule.appliesTo!({ ...base, operational: false }, context()),
    ).toBe(false);
  });

  it('runbook.stale fires when no readable runbook is fresh, naming the newest review', async () => {
    const old = runbook({
      freshness: 'stale',
      reviewedAt: '2025-01-10T00:00:00.000Z',
      title: 'Failover',
    });
    const older = runbook({
      freshness: 'stale',
      reviewedAt: '2024-01-10T00:00:00.000Z',
    });
    const [finding] = await runbookStaleRule.evaluate(
      withRunbooks([older, old]),
      context(),
    );
    expect(finding.message).toBe(
      'component:default/payments-api: its newest runbook review is 687 days old ("Failover", 2025-01-10), more than 180 days',
    );
    expect(finding.remediation).toContain('last_reviewed: 2026-11-28');
    expect(
      await runbookStaleRule.evaluate(
        withRunbooks([old, runbook({})]),
        context(),
      ),
    ).toEqual([]);
    expect(
      await runbookStaleRule.evaluate(
        withRunbooks([old]),
        context({ maxAgeDays: 1000 }),
      ),
    ).toEqual([]);
  });

  it('runbook.stale treats unknown review dates as not fresh, and ignores unread runbooks', async () => {
    const undated = runbook({ freshness: 'unknown', reviewedAt: undefined });
    const [finding] = await runbookStaleRule.evaluate(
      withRunbooks([undated]),
      context(),
    );
    expect(finding.message).toContain(
      'none of its 1 runbook(s) has a known review date',
    );
    const notRead = runbook({
      freshness: 'unknown',
      status: 'not-configured',
      reviewedAt: undefined,
    });
    expect(
      await runbookStaleRule.evaluate(withRunbooks([notRead]), context()),
    ).toEqual([]);
  });

  it('runbook.stale says nothing while a runbook could not be read just now: it may be the fresh one', async () => {
    const old = runbook({
      freshness: 'stale',
      reviewedAt: '2025-01-10T00:00:00.000Z',
    });
    const unknown = runbook({
      status: 'unknown',
      freshness: 'unknown',
      reviewedAt: undefined,
      reason: 'Documents at wiki.example.com did not answer within 300 ms',
      url: 'https://wiki.example.com/failover',
    });
    expect(
      await runbookStaleRule.evaluate(withRunbooks([old, unknown]), context()),
    ).toEqual([]);
    // A runbook served from its last good read counts with the date it had.
    const staleRead = runbook({
      staleRead: { reason: '503', readAt: '2026-11-27T00:00:00.000Z' },
    });
    expect(
      await runbookStaleRule.evaluate(
        withRunbooks([old, staleRead]),
        context(),
      ),
    ).toEqual([]);
  });

  it('runbook.unreachable and runbook.missing say nothing of a runbook that could not be read just now', async () => {
    const unknown = withRunbooks([
      runbook({ status: 'unknown', freshness: 'unknown', reason: '429' }),
    ]);
    expect(await runbookUnreachableRule.evaluate(unknown, context())).toEqual(
      [],
    );
    expect(await runbookMissingRule.evaluate(unknown, context())).toEqual([]);
  });

  it('runbook.unreachable names each unreadable runbook and why, not those Backstage may not read', async () => {
    const findings = await runbookUnreachableRule.evaluate(
      withRunbooks([
        runbook({
          status: 'unreachable',
          reason: '404 not found',
          url: 'https://wiki.example.com/gone',
          title: 'Gone',
        }),
        runbook({
          status: 'not-configured',
          reason: 'host not allowed',
          freshness: 'unknown',
        }),
        runbook({}),
      ]),
      context(),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toBe(
      'component:default/payments-api: runbook "Gone" (https://wiki.example.com/gone) cannot be read: 404 not found',
    );
  });
});
