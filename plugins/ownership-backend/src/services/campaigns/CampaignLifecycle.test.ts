import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { readOwnersConfig } from '../../config/owners';
import { readScopeConfig } from '../../config/scope';
import { DatabaseCampaignStore } from '../../database/CampaignStore';
import { applyMigrations } from '../../database/migrations';
import { DatabaseResultStore } from '../../database/ResultStore';
import { DatabaseRunStore } from '../../database/RunStore';
import { manualClock } from '../../database/__testUtils__/fixtures';
import { entity, group, user } from '../../__testUtils__/entities';
import { CatalogReader } from '../ingest/CatalogReader';
import { CatalogVisibility } from '../query/CatalogVisibility';
import { CampaignLifecycle } from './CampaignLifecycle';
import { CampaignService } from './CampaignService';
import { UserTeams } from './UserTeams';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const DAY = 24 * 60 * 60 * 1000;

const service = (name: string, owner: string, lifecycle = 'production') =>
  entity('Component', name, { type: 'service', lifecycle, owner });

const ORG: Entity[] = [
  group('payments', { children: ['payments-fraud'] }),
  group('payments-fraud', { parent: 'payments' }),
  group('search'),
  user('priya', ['payments-fraud']),
  service('payments-api', 'payments'),
  service('fraud-scorer', 'payments-fraud'),
  service('ledger-lab', 'payments', 'experimental'),
  service('search-api', 'search'),
];

/** A catalog whose entities the test can change between ticks. */
function mutableCatalog(initial: Entity[]) {
  let current = catalogServiceMock({ entities: initial });
  const catalog = new Proxy({} as CatalogService, {
    get: (_target, property) =>
      (current as unknown as Record<PropertyKey, Function>)[property].bind(
        current,
      ),
  });
  return {
    catalog,
    set(entities: Entity[]) {
      current = catalogServiceMock({ entities });
    },
  };
}

describe.each(databases.eachSupportedId())('CampaignLifecycle on %s', id => {
  async function setup() {
    const client = await databases.init(id);
    await applyMigrations({ getClient: async () => client }, client);
    const clock = manualClock('2027-01-01T00:00:00Z');
    const store = DatabaseCampaignStore.create({ client, now: clock.now });
    const { catalog, set } = mutableCatalog(ORG);
    const auth = mockServices.auth();
    const logger = mockServices.logger.mock();
    const config = new ConfigReader({});
    const campaigns = CampaignService.create({
      store,
      catalog,
      auth,
      visibility: CatalogVisibility.create({ catalog }),
      permissions: mockServices.permissions(),
      userTeams: UserTeams.create({
        userInfo: mockServices.userInfo(),
        catalog,
        auth,
      }),
      snapshot: {
        reader: CatalogReader.create({
          catalog,
          scope: readScopeConfig(config),
        }),
        auth,
        owners: readOwnersConfig(config),
        auditScope: readScopeConfig(config),
        runs: DatabaseRunStore.create({ client }),
        results: DatabaseResultStore.create({ client }),
      },
      logger,
      closeAfterDueMs: 7 * DAY,
      now: clock.now,
    });
    const lifecycle = () =>
      CampaignLifecycle.create({
        store,
        campaigns,
        catalog,
        auth,
        logger,
        now: clock.now,
      });
    return { store, clock, setCatalog: set, campaigns, lifecycle };
  }

  it('opens at its opening date with the population then, once across replicas, marks deletions gone and closes after the grace period', async () => {
    const { store, clock, setCatalog, lifecycle } = await setup();
    const { campaign } = await store.create({
      title: 'Q1 2027 ownership review',
      instructions: '',
      scope: {
        include: {
          teams: ['group:default/payments'],
          lifecycles: ['production'],
        },
      },
      opensAt: new Date('2027-01-04T09:00:00Z'),
      dueAt: new Date('2027-01-18T17:00:00Z'),
      createdBy: 'user:default/auditor',
    });

    await lifecycle().tick();
    expect((await store.get(campaign.id))!.state).toBe('scheduled');

    clock.set('2027-01-04T09:00:00Z');
    await Promise.all([lifecycle().tick(), lifecycle().tick()]);
    expect((await store.get(campaign.id))!.state).toBe('open');
    const opened = await store.itemStates(campaign.id);
    // The sub-team's service is in; the experimental one and other teams' are not.
    expect(opened.map(i => [i.entityRef, i.team])).toEqual([
      ['component:default/fraud-scorer', 'group:default/payments-fraud'],
      ['component:default/payments-api', 'group:default/payments'],
    ]);

    // Added after opening: not pulled in. Deleted: kept, marked gone.
    setCatalog([
      ...ORG.filter(e => e.metadata.name !== 'fraud-scorer'),
      service('new-payments-thing', 'payments'),
    ]);
    clock.set('2027-01-05T09:00:00Z');
    await lifecycle().tick();
    expect(await store.itemStates(campaign.id)).toEqual([
      expect.objectContaining({
        entityRef: 'component:default/fraud-scorer',
        gone: true,
      }),
      expect.objectContaining({
        entityRef: 'component:default/payments-api',
        gone: false,
      }),
    ]);

    clock.set('2027-01-25T16:59:00Z');
    await lifecycle().tick();
    expect((await store.get(campaign.id))!.state).toBe('open');
    clock.set('2027-01-25T17:00:00Z');
    await lifecycle().tick();
    const closed = await store.get(campaign.id);
    expect(closed).toMatchObject({
      state: 'closed',
      closedAt: '2027-01-25T17:00:00.000Z',
      digest: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(closed!.closedBy).toBeUndefined();
    const api = await store.getItem(
      campaign.id,
      'component:default/payments-api',
    );
    expect(api!.ownerAtClosing).toBe('group:default/payments');
  });
});
