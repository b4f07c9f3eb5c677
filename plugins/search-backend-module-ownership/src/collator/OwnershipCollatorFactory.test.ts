import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  fakeDiscovery,
  item,
  noRunYet,
  searchDocumentsHandler,
  type SeenRequest,
} from '../__testUtils__/ownershipApi';
import { OwnershipCollatorFactory } from './OwnershipCollatorFactory';
import type { OwnershipIndexableDocument } from './toIndexableDocument';

jest.setTimeout(20_000);

const server = setupServer();
registerMswTestHooks(server);

function factory(collator: object = {}) {
  return OwnershipCollatorFactory.fromConfig(
    new ConfigReader({ search: { collators: { ownership: collator } } }),
    {
      auth: mockServices.auth({ pluginId: 'search' }),
      discovery: fakeDiscovery,
      logger: mockServices.logger.mock(),
    },
  );
}

async function collect(
  f: OwnershipCollatorFactory,
): Promise<OwnershipIndexableDocument[]> {
  const documents: OwnershipIndexableDocument[] = [];
  for await (const document of await f.getCollator()) {
    documents.push(document);
  }
  return documents;
}

describe('OwnershipCollatorFactory', () => {
  it('is the ownership type, shown as catalog entities are', () => {
    const f = factory();
    expect(f.type).toBe('ownership');
    expect(f.visibilityPermission).toBe(catalogEntityReadPermission);
  });

  it('reads every page with a service token and indexes one document per entity', async () => {
    const seen: SeenRequest[] = [];
    const items = [
      item('checkout', {
        title: 'Checkout',
        description: 'Takes the money',
        onCallSchedules: ['Payments primary'],
        runbooks: [
          {
            title: 'Checkout runbook',
            url: 'https://runbooks.example.com/checkout',
          },
          { title: 'Refunds', url: 'https://runbooks.example.com/refunds' },
        ],
        adrs: [{ title: 'Use PostgreSQL', url: 'https://adr.example.com/1' }],
        findingRuleIds: ['adr.stale-proposal'],
      }),
      item('billing'),
      item('ledger'),
      item('orphan', { owner: { status: 'missing' } as never }),
      item('fx-rates'),
    ];
    server.use(searchDocumentsHandler({ items, seen }));

    const documents = await collect(factory({ pageSize: 2 }));

    expect(seen.map(s => [s.limit, s.cursor !== null])).toEqual([
      ['2', false],
      ['2', true],
      ['2', true],
    ]);
    expect(seen.every(s => /^Bearer \S+/.test(s.authorization ?? ''))).toBe(
      true,
    );
    expect(documents.map(d => d.entityRef)).toEqual(
      items.map(i => i.entityRef),
    );
    expect(documents[0]).toEqual({
      title: 'Checkout',
      text: [
        'Checkout',
        'checkout',
        'Takes the money',
        'Owner: Payments Team',
        'group:default/payments',
        'On call: Payments primary',
        'Runbook: Checkout runbook',
        'Runbook: Refunds',
        'ADR: Use PostgreSQL',
        'Finding: adr.stale-proposal',
      ].join('\n'),
      location: '/catalog/default/component/checkout#ownership',
      entityRef: 'component:default/checkout',
      kind: 'component',
      ownerRef: 'group:default/payments',
      owner: 'Payments Team',
      onCallSchedules: ['Payments primary'],
      runbook: {
        title: 'Checkout runbook',
        url: 'https://runbooks.example.com/checkout',
      },
      runbookTitles: ['Checkout runbook', 'Refunds'],
      adrTitles: ['Use PostgreSQL'],
      findingRuleIds: ['adr.stale-proposal'],
      authorization: { resourceRef: 'component:default/checkout' },
    });
    expect(documents[3]).not.toHaveProperty('owner');
    expect(documents[3]).not.toHaveProperty('runbook');
  });

  it('yields no documents before the first audit run', async () => {
    server.use(noRunYet());
    await expect(collect(factory())).resolves.toEqual([]);
  });

  it('tries a 500 and a 429 again and then reads on', async () => {
    const seen: SeenRequest[] = [];
    server.use(
      searchDocumentsHandler({
        items: [item('checkout'), item('billing')],
        seen,
        before: n => {
          if (n === 1) {
            return HttpResponse.json(
              { error: { message: 'db down' } },
              { status: 500 },
            );
          }
          if (n === 2) {
            return new HttpResponse(null, {
              status: 429,
              headers: { 'Retry-After': '0' },
            });
          }
          return undefined;
        },
      }),
    );
    const documents = await collect(factory());
    expect(seen).toHaveLength(3);
    expect(documents.map(d => d.entityRef)).toEqual([
      'component:default/checkout',
      'component:default/billing',
    ]);
  });

  it('fails with the status once the retries are spent', async () => {
    const seen: SeenRequest[] = [];
    server.use(
      searchDocumentsHandler({
        items: [item('checkout')],
        seen,
        before: () =>
          HttpResponse.json(
            { error: { name: 'Error', message: 'db down' } },
            { status: 503 },
          ),
      }),
    );
    await expect(collect(factory({ maxAttempts: 2 }))).rejects.toThrow(/503/);
    expect(seen).toHaveLength(2);
  });

  it('does not try a 400 again', async () => {
    const seen: SeenRequest[] = [];
    server.use(
      searchDocumentsHandler({
        items: [item('checkout')],
        seen,
        before: () =>
          HttpResponse.json(
            {
              error: {
                name: 'InputError',
                message: 'Invalid query parameter cursor',
              },
            },
            { status: 400 },
          ),
      }),
    );
    await expect(collect(factory())).rejects.toThrow(/400/);
    expect(seen).toHaveLength(1);
  });

  it('gives up on an attempt that takes longer than the timeout', async () => {
    server.use(
      http.get(
        'http://ownership.test/api/ownership/search-documents',
        async () => {
          await delay(300);
          return HttpResponse.json({});
        },
      ),
    );
    await expect(
      collect(factory({ timeoutMs: 100, maxAttempts: 1 })),
    ).rejects.toThrow(/no answer within 100 ms/);
  });

  it('refuses a page size the API would refuse, naming the key', () => {
    expect(() => factory({ pageSize: 500 })).toThrow(
      'Invalid search.collators.ownership.pageSize: 500 is not a whole number from 1 to 200',
    );
  });
});
