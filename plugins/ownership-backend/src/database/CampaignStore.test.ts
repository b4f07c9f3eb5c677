import { TestDatabases } from '@backstage/backend-test-utils';
import { ConflictError, NotFoundError } from '@backstage/errors';
import { DatabaseCampaignStore } from './CampaignStore';
import type { NewCampaign, SnapshotItem } from './campaignTypes';
import { applyMigrations } from './migrations';
import { manualClock } from './__testUtils__/fixtures';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const newCampaign: NewCampaign = {
  title: 'Q1 2027 ownership review',
  instructions: 'Confirm what you own.',
  scope: { include: { kinds: ['Component'] } },
  opensAt: new Date('2027-01-04T09:00:00Z'),
  dueAt: new Date('2027-01-18T17:00:00Z'),
  createdBy: 'user:default/auditor',
};

function item(name: string, team = 'group:default/payments'): SnapshotItem {
  return {
    entityRef: `component:default/${name}`,
    kind: 'Component',
    title: name,
    team,
    findings: ['runbook.missing'],
  };
}

const population = [
  item('payments-api'),
  item('payments-gateway'),
  item('search', 'group:default/search'),
];

describe.each(databases.eachSupportedId())(
  'DatabaseCampaignStore on %s',
  id => {
    async function setup() {
      const client = await databases.init(id);
      await applyMigrations({ getClient: async () => client }, client);
      const clock = manualClock('2027-01-04T09:00:00Z');
      const store = DatabaseCampaignStore.create({ client, now: clock.now });
      return { client, clock, store };
    }

    async function openCampaign(store: DatabaseCampaignStore) {
      const { campaign } = await store.create(newCampaign);
      await store.open(
        campaign.id,
        population,
        new Date('2027-01-04T09:00:00Z'),
      );
      return campaign.id;
    }

    it('creates a campaign once per idempotency key', async () => {
      const { store } = await setup();
      const first = await store.create({
        ...newCampaign,
        idempotencyKey: 'k1',
      });
      const again = await store.create({
        ...newCampaign,
        idempotencyKey: 'k1',
      });
      expect(first.created).toBe(true);
      expect(again).toEqual({ campaign: first.campaign, created: false });
      expect(first.campaign).toMatchObject({
        state: 'scheduled',
        opensAt: '2027-01-04T09:00:00.000Z',
        scope: { include: { kinds: ['Component'] } },
      });
      expect(await store.list({ limit: 10 })).toHaveLength(1);
    });

    it('edits a campaign only while it is scheduled', async () => {
      const { store } = await setup();
      const { campaign } = await store.create(newCampaign);
      const edited = await store.update(campaign.id, { title: 'Q1 review' });
      expect(edited.title).toBe('Q1 review');
      await store.open(campaign.id, population, new Date());
      await expect(
        store.update(campaign.id, { title: 'late' }),
      ).rejects.toThrow(ConflictError);
      expect((await store.get(campaign.id))!.title).toBe('Q1 review');
    });

    it('opens once, with its snapshot, even when two replicas open at once', async () => {
      const { store } = await setup();
      const { campaign } = await store.create(newCampaign);
      const openedAt = new Date('2027-01-04T09:00:00Z');
      const outcomes = await Promise.all([
        store.open(campaign.id, population, openedAt),
        store.open(campaign.id, population, openedAt),
      ]);
      expect(outcomes.filter(Boolean)).toHaveLength(1);
      const states = await store.itemStates(campaign.id);
      expect(states.map(s => s.entityRef)).toEqual(
        population.map(p => p.entityRef).sort(),
      );
      expect((await store.get(campaign.id))!.state).toBe('open');
    });

    it('keeps every answer; the latest is the current one', async () => {
      const { store, clock } = await setup();
      const campaignId = await openCampaign(store);
      const ref = 'component:default/payments-api';
      await store.attest({
        campaignId,
        entityRef: ref,
        answer: 'confirm',
        actor: 'user:default/ana',
      });
      clock.advance(60_000);
      await store.attest({
        campaignId,
        entityRef: ref,
        answer: 'transfer',
        transferTo: 'group:default/search',
        actor: 'user:default/ben',
      });
      const history = await store.history(campaignId, ref);
      expect(history.map(h => [h.answer, h.by])).toEqual([
        ['confirm', 'user:default/ana'],
        ['transfer', 'user:default/ben'],
      ]);
      const current = await store.getItem(campaignId, ref);
      expect(current).toMatchObject({
        answers: 2,
        current: { answer: 'transfer', transferTo: 'group:default/search' },
      });
      expect(await store.disputes()).toEqual([
        expect.objectContaining({
          entityRef: ref,
          answer: 'transfer',
          team: 'group:default/payments',
          campaignTitle: newCampaign.title,
        }),
      ]);
    });

    it('lands concurrent answers in history in id order, the highest current', async () => {
      const { store } = await setup();
      const campaignId = await openCampaign(store);
      const ref = 'component:default/payments-gateway';
      const answers = ['confirm', 'retire', 'confirm', 'retire'] as const;
      const stored = await Promise.all(
        answers.map((answer, i) =>
          store.attest({
            campaignId,
            entityRef: ref,
            answer,
            actor: `user:default/u${i}`,
          }),
        ),
      );
      const history = await store.history(campaignId, ref);
      expect(history).toHaveLength(4);
      const ids = history.map(h => h.id);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      const highest = stored
        .map(s => s.attestation)
        .reduce((a, b) => (a.id > b.id ? a : b));
      const current = await store.getItem(campaignId, ref);
      expect(current!.current).toEqual(highest);
      expect(current!.answers).toBe(4);
    });

    it('stores nothing new for a replayed idempotency key, even at once', async () => {
      const { store } = await setup();
      const campaignId = await openCampaign(store);
      const attestation = {
        campaignId,
        entityRef: 'component:default/search',
        answer: 'confirm' as const,
        actor: 'user:default/sam',
        idempotencyKey: 'user:default/sam:abc',
      };
      const [a, b] = await Promise.all([
        store.attest(attestation),
        store.attest(attestation),
      ]);
      const c = await store.attest(attestation);
      expect([a.created, b.created].sort()).toEqual([false, true]);
      expect(c).toEqual({ attestation: a.attestation, created: false });
      expect(b.attestation).toEqual(a.attestation);
      expect(await store.history(campaignId)).toHaveLength(1);
      expect(
        (await store.getItem(campaignId, attestation.entityRef))!.answers,
      ).toBe(1);
    });

    it('refuses answers for unknown items and before opening', async () => {
      const { store } = await setup();
      const { campaign } = await store.create(newCampaign);
      await expect(
        store.attest({
          campaignId: campaign.id,
          entityRef: 'component:default/search',
          answer: 'confirm',
          actor: 'user:default/sam',
        }),
      ).rejects.toThrow(/has not opened yet/);
      await store.open(campaign.id, population, new Date());
      await expect(
        store.attest({
          campaignId: campaign.id,
          entityRef: 'component:default/nope',
          answer: 'confirm',
          actor: 'user:default/sam',
        }),
      ).rejects.toThrow(NotFoundError);
      await expect(store.get(999)).resolves.toBeUndefined();
    });

    it('is immutable once closed', async () => {
      const { store } = await setup();
      const campaignId = await openCampaign(store);
      await store.attest({
        campaignId,
        entityRef: 'component:default/search',
        answer: 'confirm',
        actor: 'user:default/sam',
      });
      const closed = await store.close(campaignId, {
        closedAt: new Date('2027-01-20T00:00:00Z'),
        closedBy: 'user:default/auditor',
        ownersAtClosing: new Map([
          ['component:default/payments-api', 'group:default/payments'],
          ['component:default/payments-gateway', 'group:default/payments'],
          ['component:default/search', undefined],
        ]),
        digest: (campaign, items, history) =>
          `${campaign.state}:${items.length}:${history.length}`,
      });
      expect(closed).toMatchObject({ state: 'closed', digest: 'closed:3:1' });
      const search = await store.getItem(
        campaignId,
        'component:default/search',
      );
      expect(search!.goneAt).toBe('2027-01-20T00:00:00.000Z');
      const api = await store.getItem(
        campaignId,
        'component:default/payments-api',
      );
      expect(api!.ownerAtClosing).toBe('group:default/payments');

      const before = await store.history(campaignId);
      await expect(
        store.attest({
          campaignId,
          entityRef: 'component:default/payments-api',
          answer: 'confirm',
          actor: 'user:default/sam',
        }),
      ).rejects.toThrow(ConflictError);
      await expect(
        store.close(campaignId, {
          closedAt: new Date(),
          ownersAtClosing: new Map(),
          digest: () => 'x',
        }),
      ).rejects.toThrow(/is closed/);
      await expect(store.update(campaignId, { title: 'x' })).rejects.toThrow(
        ConflictError,
      );
      expect(
        await store.markGone(
          campaignId,
          ['component:default/payments-api'],
          new Date(),
        ),
      ).toBe(0);
      expect(await store.history(campaignId)).toEqual(before);
      expect((await store.get(campaignId))!.digest).toBe('closed:3:1');
    });

    it('lists pending items of open campaigns for teams, page by page', async () => {
      const { store } = await setup();
      const campaignId = await openCampaign(store);
      await store.attest({
        campaignId,
        entityRef: 'component:default/payments-api',
        answer: 'confirm',
        actor: 'user:default/ana',
      });
      await store.markGone(
        campaignId,
        ['component:default/search'],
        new Date(),
      );
      const first = await store.pendingItems(
        { teams: ['group:default/payments', 'group:default/search'] },
        { limit: 1 },
      );
      expect(first.map(p => p.item.entityRef)).toEqual([
        'component:default/payments-gateway',
      ]);
      const next = await store.pendingItems(
        { teams: ['group:default/payments', 'group:default/search'] },
        {
          limit: 1,
          after: {
            dueAt: first[0].campaign.dueAt,
            campaignId,
            entityRef: first[0].item.entityRef,
          },
        },
      );
      expect(next).toEqual([]);
      const answered = await store.listItems(
        campaignId,
        { pending: false },
        { limit: 10 },
      );
      expect(answered.map(i => i.entityRef)).toEqual([
        'component:default/payments-api',
      ]);
    });

    it('claims each notice once', async () => {
      const { store } = await setup();
      const campaignId = await openCampaign(store);
      const at = new Date();
      const claims = await Promise.all([
        store.claimNotice(campaignId, 'group:default/payments', 'opened', at),
        store.claimNotice(campaignId, 'group:default/payments', 'opened', at),
      ]);
      expect(claims.sort()).toEqual([false, true]);
      await store.releaseNotice(campaignId, 'group:default/payments', 'opened');
      expect(
        await store.claimNotice(
          campaignId,
          'group:default/payments',
          'opened',
          at,
        ),
      ).toBe(true);
    });
  },
);
