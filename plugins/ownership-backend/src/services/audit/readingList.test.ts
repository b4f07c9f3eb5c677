import type { RunbookInfo } from '@ownership-portal/plugin-ownership-common';
import { entityResult } from '../lookup/__testUtils__/entityResult';
import { readingList } from './rollups';

const shared: RunbookInfo = {
  title: 'Payments incident response',
  url: 'https://docs.example.com/payments.md',
  source: 'annotation',
  freshness: 'fresh',
  status: 'ok',
};

describe('readingList', () => {
  it('lists a shared document once, with every service it belongs to, whatever the catalog order', () => {
    const refund = entityResult('refund-service', { runbooks: [shared] });
    const webhooks = entityResult('payment-webhooks-receiver', {
      runbooks: [shared],
    });

    const one = readingList([refund, webhooks]);
    const other = readingList([webhooks, refund]);

    expect(one.runbooks).toHaveLength(1);
    expect(one.runbooks[0].entityRef).toBe(
      'component:default/payment-webhooks-receiver',
    );
    expect(one.runbooks[0].entityRefs).toEqual([
      'component:default/payment-webhooks-receiver',
      'component:default/refund-service',
    ]);
    expect(other).toEqual(one);
  });

  it('puts the newest decision first', () => {
    const adr = (title: string, date?: string) => ({
      title,
      url: `https://docs.example.com/${title}.md`,
      file: `${title}.md`,
      status: 'accepted' as const,
      ...(date && { date }),
    });
    const list = readingList([
      entityResult('ledger', {
        adrs: [
          adr('old', '2024-01-01'),
          adr('undated'),
          adr('new', '2026-01-01'),
        ],
      }),
    ]);

    expect(list.adrs.map(a => a.title)).toEqual(['new', 'old', 'undated']);
  });
});
