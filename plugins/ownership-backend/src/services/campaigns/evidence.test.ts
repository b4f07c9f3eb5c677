import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DatabaseCampaignStore } from '../../database/CampaignStore';
import { applyMigrations } from '../../database/migrations';
import { entity, group } from '../../__testUtils__/entities';
import { CatalogVisibility } from '../query/CatalogVisibility';
import type { SnapshotDeps } from './snapshot';
import { CampaignService } from './CampaignService';
import { canonicalJson, evidenceCsv } from './evidence';
import { UserTeams } from './UserTeams';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const entities = [
  group('payments'),
  entity('Component', 'payments-api', { owner: 'payments' }),
];

describe('canonicalJson', () => {
  it('sorts keys at every depth, keeps array order and drops undefined', () => {
    expect(
      canonicalJson({ b: [{ z: 1, a: 'x' }, 2], a: undefined, c: null }),
    ).toBe('{"b":[{"a":"x","z":1},2],"c":null}');
  });
});

describe('evidenceCsv', () => {
  it('defuses formulas and quotes separators', () => {
    const csv = evidenceCsv([
      {
        entityRef: 'component:default/a',
        ownerAtOpening: 'group:default/x',
        gone: false,
        answer: 'not-ours',
        reason: '=HYPERLINK("evil"), really',
        by: 'user:default/ana',
        at: '2027-01-05T00:00:00.000Z',
        earlierAnswers: 1,
        history: [],
      },
    ]);
    expect(csv.split('\r\n')[1]).toBe(
      `component:default/a,group:default/x,,no,not-ours,,"'=HYPERLINK(""evil""), really",user:default/ana,2027-01-05T00:00:00.000Z,,1`,
    );
  });
});

describe.each(databases.eachSupportedId())('campaign evidence on %s', id => {
  it('verifies the digest recorded at closing, and fails once a row is altered behind the store', async () => {
    const client = await databases.init(id);
    await applyMigrations({ getClient: async () => client }, client);
    const store = DatabaseCampaignStore.create({ client });
    const catalog = catalogServiceMock({ entities });
    const auth = mockServices.auth();
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
      snapshot: {} as SnapshotDeps,
      logger: mockServices.logger.mock(),
      closeAfterDueMs: 0,
    });
    const { campaign } = await store.create({
      title: 'Q1 2027 ownership review',
      instructions: '',
      scope: {},
      opensAt: new Date('2027-01-04T00:00:00Z'),
      dueAt: new Date('2027-01-18T00:00:00Z'),
      createdBy: 'user:default/auditor',
    });
    await store.open(
      campaign.id,
      [
        {
          entityRef: 'component:default/payments-api',
          kind: 'Component',
          title: 'payments-api',
          team: 'group:default/payments',
          findings: [],
        },
        {
          entityRef: 'component:default/deleted',
          kind: 'Component',
          title: 'deleted',
          team: 'group:default/payments',
          findings: [],
        },
      ],
      new Date('2027-01-04T00:00:00Z'),
    );
    for (const answer of ['confirm', 'retire'] as const) {
      await store.attest({
        campaignId: campaign.id,
        entityRef: 'component:default/payments-api',
        answer,
        actor: 'user:default/ana',
      });
    }
    const closed = await campaigns.close(campaign.id, 'user:default/auditor');
    const credentials = mockCredentials.user();
    const evidence = await campaigns.evidence(campaign.id, credentials);
    expect(evidence.recordedDigest).toBe(closed.digest);
    expect(evidence.digest).toBe(closed.digest);
    expect(evidence.rows).toEqual([
      expect.objectContaining({
        entityRef: 'component:default/deleted',
        gone: true,
        earlierAnswers: 0,
      }),
      expect.objectContaining({
        entityRef: 'component:default/payments-api',
        ownerAtOpening: 'group:default/payments',
        ownerAtClosing: 'group:default/payments',
        answer: 'retire',
        earlierAnswers: 1,
      }),
    ]);
    expect(await campaigns.verify(campaign.id)).toMatchObject({
      matches: true,
      computedDigest: closed.digest,
    });

    // An earlier answer rewritten directly in the database.
    await client('ownership_attestations')
      .where({ answer: 'confirm' })
      .update({ actor: 'user:default/mallory' });
    const tampered = await campaigns.verify(campaign.id);
    expect(tampered.matches).toBe(false);
    expect(tampered.recordedDigest).toBe(closed.digest);
    expect(tampered.computedDigest).not.toBe(closed.digest);
  });
});
