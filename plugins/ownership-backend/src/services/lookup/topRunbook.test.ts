import type { RunbookInfo } from '@ownership-portal/plugin-ownership-common';
import { topRunbook } from './topRunbook';

function runbook(
  title: string,
  fields: Partial<RunbookInfo> = {},
): RunbookInfo {
  return {
    title,
    url: `https://docs.example.com/${title}.md`,
    source: 'service-link',
    freshness: 'fresh',
    status: 'ok',
    ...fields,
  };
}

describe('topRunbook', () => {
  it('has none without runbooks', () => {
    expect(topRunbook(undefined)).toBeUndefined();
    expect(topRunbook([])).toBeUndefined();
  });

  it('prefers a readable runbook to one that is unread or unreachable', () => {
    const best = topRunbook([
      runbook('gone', { status: 'unreachable' }),
      runbook('unread', { status: 'not-configured', freshness: 'unknown' }),
      runbook('read', { freshness: 'stale' }),
    ]);

    expect(best?.title).toBe('read');
  });

  it('prefers fresh to undated to stale', () => {
    expect(
      topRunbook([
        runbook('stale', { freshness: 'stale' }),
        runbook('undated', { freshness: 'unknown' }),
      ])?.title,
    ).toBe('undated');
    expect(
      topRunbook([
        runbook('undated', { freshness: 'unknown' }),
        runbook('fresh'),
      ])?.title,
    ).toBe('fresh');
  });

  it("prefers the entity's own runbook to its team's, and else the first listed", () => {
    expect(
      topRunbook([runbook('team', { source: 'team-link' }), runbook('own')])
        ?.title,
    ).toBe('own');
    expect(
      topRunbook([
        runbook('first'),
        runbook('second', { source: 'annotation' }),
      ])?.title,
    ).toBe('first');
  });
});
