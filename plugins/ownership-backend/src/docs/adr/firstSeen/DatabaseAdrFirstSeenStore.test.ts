import { TestDatabases } from '@backstage/backend-test-utils';
import {
  applyMigrations,
  rollbackMigrations,
} from '../../../database/migrations';
import { DatabaseAdrFirstSeenStore } from './DatabaseAdrFirstSeenStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const A = 'https://github.com/acme/payments/blob/main/docs/adr/0004-queue.md';
const B = 'file:///srv/docs/adr/0005-cache.md';
const LONG = `https://git.example.com/${'x'.repeat(3000)}/0001-long.md`;

describe.each(databases.eachSupportedId())(
  'DatabaseAdrFirstSeenStore on %s',
  id => {
    async function setup() {
      const client = await databases.init(id);
      await applyMigrations({ getClient: async () => client }, client);
      return { client, store: DatabaseAdrFirstSeenStore.create({ client }) };
    }

    it('keeps the first time an ADR was seen proposed across runs', async () => {
      const { store } = await setup();
      const first = new Date('2026-10-01T08:00:00.000Z');
      const later = new Date('2026-11-20T08:00:00.000Z');

      const seen = await store.observe({
        proposed: [A, LONG],
        notProposed: [],
        now: first,
      });
      expect(seen).toEqual(
        new Map([
          [A, first],
          [LONG, first],
        ]),
      );

      const again = await store.observe({
        proposed: [A, B],
        notProposed: [],
        now: later,
      });
      expect(again.get(A)).toEqual(first);
      expect(again.get(B)).toEqual(later);
      expect(again.size).toBe(2);
    });

    it('forgets an ADR once it is seen decided, so a new proposal counts afresh', async () => {
      const { store, client } = await setup();
      const first = new Date('2026-10-01T08:00:00.000Z');
      await store.observe({ proposed: [A], notProposed: [], now: first });
      await store.observe({ proposed: [], notProposed: [A], now: first });
      const [{ n }] = await client('ownership_adr_first_seen').count('* as n');
      expect(Number(n)).toBe(0);

      const reproposed = new Date('2026-12-01T08:00:00.000Z');
      const seen = await store.observe({
        proposed: [A],
        notProposed: [],
        now: reproposed,
      });
      expect(seen.get(A)).toEqual(reproposed);
    });

    it('takes a URL named both ways as proposed, and handles many URLs in batches', async () => {
      const { store } = await setup();
      const now = new Date('2026-11-01T00:00:00.000Z');
      const many = Array.from(
        { length: 700 },
        (_, i) => `https://wiki.example.com/adr/${i}.md`,
      );
      const seen = await store.observe({
        proposed: [...many, A],
        notProposed: [A],
        now,
      });
      expect(seen.size).toBe(701);
      expect(seen.get(A)).toEqual(now);
    });

    it('rolls back cleanly', async () => {
      const { client } = await setup();
      await rollbackMigrations(client);
      expect(await client.schema.hasTable('ownership_adr_first_seen')).toBe(
        false,
      );
    });
  },
);
