import { LookupIndex } from './LookupIndex';
import { entityResult } from './__testUtils__/entityResult';

function refsAndRanks(index: LookupIndex, query: string, limit?: number) {
  return index
    .search(query, limit)
    .map(m => [m.entityRef.replace('component:default/', ''), m.rank]);
}

describe('LookupIndex', () => {
  it('matches nothing for an empty or blank query', () => {
    const index = LookupIndex.build(1, [entityResult('checkout')]);

    expect(index.search('')).toEqual([]);
    expect(index.search('   ')).toEqual([]);
    expect(index.search(' - ')).toEqual([]);
    expect(index.search('checkout', 0)).toEqual([]);
  });

  it('gives each match the runbook to open first, and none without runbooks', () => {
    const index = LookupIndex.build(1, [
      entityResult('checkout', {
        runbooks: [
          {
            title: 'Team handbook',
            url: 'https://docs.example.com/team.md',
            source: 'team-link',
            freshness: 'fresh',
            status: 'ok',
          },
          {
            title: 'Checkout down',
            url: 'https://docs.example.com/checkout.md',
            source: 'service-link',
            freshness: 'fresh',
            status: 'ok',
          },
        ],
      }),
      entityResult('checkout-api'),
    ]);

    const [checkout, api] = index.search('checkout');

    expect(checkout.topRunbook?.title).toBe('Checkout down');
    expect(api.topRunbook).toBeUndefined();
    expect(api).not.toHaveProperty('topRunbook');
  });

  it('ranks exact over prefix over word prefix over substring', () => {
    const index = LookupIndex.build(1, [
      entityResult('precheckout'),
      entityResult('eu-checkout'),
      entityResult('checkout-api'),
      entityResult('checkout'),
      entityResult('payments'),
    ]);

    expect(refsAndRanks(index, 'checkou')).toEqual([
      ['checkout', 900],
      ['checkout-api', 900],
      ['eu-checkout', 800],
      ['precheckout', 500],
    ]);
    expect(refsAndRanks(index, 'checkout')).toEqual([
      ['checkout', 1000],
      ['checkout-api', 910],
      ['eu-checkout', 810],
      ['precheckout', 500],
    ]);
    expect(index.search('component:default/checkout')[0]).toMatchObject({
      entityRef: 'component:default/checkout',
      rank: 1000,
      matchedOn: ['name'],
    });
  });

  it('ranks name over title over tag over system over owner', () => {
    const index = LookupIndex.build(1, [
      entityResult('refunds', {
        owner: { entityRef: 'group:default/guild-7', title: 'Payments Guild' },
      }),
      entityResult('cards', {
        owner: { entityRef: 'group:default/payments', title: 'Payments' },
      }),
      entityResult('ledger', { system: 'system:default/payments' }),
      entityResult('billing', { tags: ['payments'] }),
      entityResult('zz', { title: 'Micropayments' }),
      entityResult('xpayments'),
      entityResult('ui', { title: 'Mobile payments' }),
      entityResult('pp-web', { title: 'Payments Portal' }),
      entityResult('payments'),
    ]);

    const matches = index.search('payments');
    expect(
      matches.map(m => [m.entityRef.split('/')[1], m.rank, m.matchedOn]),
    ).toEqual([
      ['payments', 1000, ['name']],
      ['pp-web', 710, ['title']],
      ['ui', 660, ['title']],
      ['xpayments', 500, ['name']],
      ['zz', 400, ['title']],
      ['billing', 300, ['tag']],
      ['ledger', 220, ['system']],
      ['cards', 150, ['owner']],
      ['refunds', 120, ['owner']],
    ]);
  });

  it('finds entities by their owner and reports every matched field', () => {
    const index = LookupIndex.build(1, [
      entityResult('status-page', {
        owner: {
          entityRef: 'group:default/sre',
          title: 'Site Reliability Engineering',
        },
      }),
      entityResult('sre-tools', {
        tags: ['sre'],
        owner: { entityRef: 'group:default/sre', title: 'SRE' },
      }),
    ]);

    expect(index.search('site reliability')).toMatchObject([
      { entityRef: 'component:default/status-page', matchedOn: ['owner'] },
    ]);
    expect(index.search('sre')).toMatchObject([
      {
        entityRef: 'component:default/sre-tools',
        matchedOn: ['name', 'tag', 'owner'],
      },
      { entityRef: 'component:default/status-page', matchedOn: ['owner'] },
    ]);
  });

  it('requires every term of a multi-word query and prefers them together', () => {
    const index = LookupIndex.build(1, [
      entityResult('checkout', { tags: ['api'] }),
      entityResult('checkout-web'),
      entityResult('payments-api'),
      entityResult('api-checkout'),
      entityResult('checkout-api'),
    ]);

    expect(refsAndRanks(index, 'checkout api')).toEqual([
      ['checkout-api', 980],
      ['api-checkout', 774],
      ['checkout', 585],
    ]);
    expect(index.search('checkout api')[2].matchedOn).toEqual(['name', 'tag']);
  });

  it('ignores case and punctuation but not word boundaries', () => {
    const index = LookupIndex.build(1, [
      entityResult('checkout-api'),
      entityResult('CheckoutService'),
    ]);

    for (const query of [
      'CHECKOUT-API',
      'checkout_api',
      'Checkout API',
      'checkoutApi',
    ]) {
      expect(index.search(query)[0].entityRef).toBe(
        'component:default/checkout-api',
      );
    }
    expect(refsAndRanks(index, '  Service ')).toEqual([
      ['checkoutservice', 810],
    ]);
    expect(index.search('ta')).toEqual([]);
  });

  it('finds an entity by its full ref, alone or as one term of several', () => {
    const index = LookupIndex.build(1, [
      entityResult('checkout', { tags: ['api'] }),
      entityResult('default-checkout'),
    ]);

    expect(refsAndRanks(index, 'Component:Default/Checkout')).toEqual([
      ['checkout', 1000],
    ]);
    expect(refsAndRanks(index, 'component:default/checkout api')).toEqual([
      ['checkout', 585],
    ]);
  });

  it('finds terms shorter than three characters in every entity', () => {
    const index = LookupIndex.build(1, [
      entityResult('web-ui'),
      entityResult('guide'),
      entityResult('payments'),
    ]);

    expect(refsAndRanks(index, 'ui')).toEqual([
      ['web-ui', 810],
      ['guide', 500],
    ]);
    expect(refsAndRanks(index, 'ui web')).toEqual([['web-ui', 774]]);
  });

  it('returns the best `limit` matches', () => {
    const entities = Array.from({ length: 30 }, (_, i) =>
      entityResult(`svc-${'x'.repeat(i % 7)}-${String(i).padStart(2, '0')}`),
    );
    const index = LookupIndex.build(1, entities);

    const all = index.search('svc', 100);
    expect(all).toHaveLength(30);
    expect(index.search('svc', 5)).toEqual(all.slice(0, 5));
    expect(index.search('svc')).toEqual(all.slice(0, 10));
  });

  it('breaks ties by shorter name, then entity ref', () => {
    const index = LookupIndex.build(1, [
      entityResult('svc-bb'),
      entityResult('svc-a', { namespace: 'x' }),
      entityResult('svc-a'),
    ]);

    expect(index.search('svc').map(m => [m.entityRef, m.rank])).toEqual([
      ['component:default/svc-a', 910],
      ['component:x/svc-a', 910],
      ['component:default/svc-bb', 910],
    ]);
  });

  it('carries the owner with its contacts, and nothing more of it', () => {
    const contacts = [
      {
        type: 'email' as const,
        label: 'a@example.com',
        url: 'mailto:a@example.com',
      },
      {
        type: 'chat' as const,
        label: '#team-a',
        url: 'https://chat.example.com/team-a',
      },
    ];
    const index = LookupIndex.build(7, [
      entityResult('checkout', {
        system: 'system:default/shop',
        owner: { contacts, members: [{ entityRef: 'user:default/alice' }] },
      }),
    ]);

    const [match] = index.search('checkout');
    expect(match).toEqual({
      entityRef: 'component:default/checkout',
      kind: 'Component',
      type: 'service',
      title: 'checkout',
      system: 'system:default/shop',
      lifecycle: 'production',
      owner: {
        entityRef: 'group:default/team-a',
        status: 'ok',
        title: 'Team A',
        raw: 'team-a',
        contacts,
      },
      rank: 1000,
      matchedOn: ['name'],
    });
    expect(match.owner).not.toHaveProperty('members');
  });

  it('ranks the right service first among 10,000 entities', () => {
    const entities = Array.from({ length: 10_000 }, (_, i) =>
      entityResult(`service-${i}-${i % 2 ? 'api' : 'worker'}`, {
        title: `Service ${i}`,
        tags: ['java', `tier-${i % 3}`],
        system: `system:default/system-${i % 50}`,
        owner: {
          entityRef: `group:default/team-${i % 200}`,
          title: `Team ${i % 200}`,
        },
      }),
    );
    const index = LookupIndex.build(1, entities);
    const queries = [
      'service-42',
      'api',
      'team 7',
      'zzz',
      'tier-1 worker',
      's',
    ];
    for (const query of queries) {
      expect(index.search(query).length).toBeLessThanOrEqual(10);
    }
    expect(index.search('zzz')).toEqual([]);
    expect(index.search('service-42')[0].entityRef).toBe(
      'component:default/service-42-worker',
    );
  });
});
