import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { mockCredentials } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { OnCallProvider } from '@ownership-portal/plugin-ownership-node';
import request from 'supertest';
import { startOwnershipBackend } from '../__testUtils__/backend';
import { group, user } from '../__testUtils__/entities';
import { oncallModule } from '../__testUtils__/oncall';
import {
  catalogHiding,
  OUTSIDER,
  permissionsRefusingOutsider,
} from '../__testUtils__/visibility';
import { tempFolder, writeFiles } from '../docs/reader/__testUtils__/fakes';

jest.setTimeout(60_000);

/** What the outsider may not read. */
const HIDDEN = [
  'component:default/zephyr-vault',
  'component:default/nebula-core',
  'group:default/secret-ops',
];
/** Words that only the hidden entities carry: names, titles, document titles and URLs. */
const SECRETS = ['zephyr', 'nebula', 'token-xyz', 'classified', 'olga'];
const FEED = 'https://calendar.example.com/private/TOKEN-XYZ/basic.ics';

function component(
  name: string,
  owner: string,
  extra: {
    title?: string;
    links?: Array<{ url: string; title: string; type: string }>;
    annotations?: Record<string, string>;
    relations?: Array<{ type: string; targetRef: string }>;
  } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      ...(extra.title && { title: extra.title }),
      ...(extra.links && { links: extra.links }),
      ...(extra.annotations && { annotations: extra.annotations }),
    },
    spec: { type: 'service', lifecycle: 'production', owner },
    ...(extra.relations && { relations: extra.relations }),
  };
}

/** Alice is on call for every team; secret-ops publishes its rotation at a secret address. */
const provider: OnCallProvider = {
  id: 'calendar',
  remote: false,
  match(subject) {
    const team = subject.team?.entityRef;
    return team ? { matchedBy: 'team', key: team } : undefined;
  },
  async resolve(target, context) {
    const now = context.now.getTime();
    const day = 24 * 60 * 60 * 1000;
    return {
      scheduleName: 'rotation',
      ...(target.key === 'group:default/secret-ops' && { scheduleUrl: FEED }),
      status: 'ok',
      onCallNow: [
        {
          user: context.userByRef('user:default/alice') ?? { name: 'alice' },
          level: 1,
          until: new Date(now + 8 * day).toISOString(),
        },
      ],
      escalation: [],
      next: [],
      gaps: [],
    };
  },
};

/** The Group the outsider may not read: a title, contacts and a runbook of its own. */
function secretOps(runbookUrl: string): Entity {
  const links = [
    {
      url: 'https://chat.example.com/classified-ops',
      title: '#classified-ops',
      type: 'chat',
    },
    { url: runbookUrl, title: 'Classified team runbook', type: 'runbook' },
  ];
  const entity = group(
    'secret-ops',
    {
      parent: 'engineering',
      profile: { email: 'classified-ops@example.com' },
    },
    { links },
  );
  return {
    ...entity,
    metadata: { ...entity.metadata, title: 'Classified Ops' },
  };
}

function leaks(body: unknown): string[] {
  const text = (
    typeof body === 'string' ? body : JSON.stringify(body)
  ).toLowerCase();
  return SECRETS.filter(secret => text.includes(secret));
}

describe('what a caller who may not read some entities learns', () => {
  let server: Awaited<ReturnType<typeof startOwnershipBackend>>['server'];
  let root: string;
  const doc = (file: string) => pathToFileURL(path.join(root, file)).href;
  const outsider = mockCredentials.user.header(OUTSIDER);
  const asOutsider = (url: string) =>
    request(server).get(`/api/ownership${url}`).set('authorization', outsider);
  const asInsider = (url: string) =>
    request(server).get(`/api/ownership${url}`);
  const invoke = (
    action: string,
    input: object,
    authorization = mockCredentials.user.header(),
  ) =>
    request(server)
      .post(
        `/api/ownership/.backstage/actions/v1/actions/${encodeURIComponent(
          `ownership:${action}`,
        )}/invoke`,
      )
      .set('authorization', authorization)
      .send(input);

  beforeAll(async () => {
    root = path.join(await tempFolder(), 'docs');
    await writeFiles(root, {
      'runbooks/shared.md': '# Shared on-call guide\n',
      'runbooks/payments-api.md': '# Payments API runbook\n',
      'runbooks/zephyr.md': '# Classified recovery steps\n',
      'runbooks/classified-team.md': '# What the classified team does\n',
      'debt/zephyr.yaml':
        'items:\n  - id: DEBT-1\n    title: Classified rewrite\n    impact: low\n    created: 2026-01-01\n    status: open\n',
      'adr-zephyr/0001-classified-choice.md':
        '# 1. Classified choice\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n',
      'runbooks/.hidden.md': '# Hidden file\n',
      '.git/config.md': '# not a document\n',
      'runbooks/payments-api.json': '{}',
    });
    const entities: Entity[] = [
      group('engineering', { children: ['payments', 'secret-ops'] }),
      group('payments', { parent: 'engineering' }),
      secretOps(doc('runbooks/classified-team.md')),
      user('alice', ['payments']),
      user('olga', ['secret-ops']),
      component('payments-api', 'payments', {
        title: 'Payments API',
        links: [
          { url: doc('runbooks/shared.md'), title: 'Shared', type: 'runbook' },
          {
            url: doc('runbooks/payments-api.md'),
            title: 'Payments API runbook',
            type: 'runbook',
          },
        ],
        relations: [
          { type: 'dependsOn', targetRef: 'component:default/zephyr-vault' },
        ],
      }),
      component('zephyr-vault', 'payments', {
        title: 'Zephyr Vault',
        links: [
          { url: doc('runbooks/shared.md'), title: 'Shared', type: 'runbook' },
          {
            url: doc('runbooks/zephyr.md'),
            title: 'Zephyr recovery',
            type: 'runbook',
          },
        ],
        annotations: {
          'ownership-portal/tech-debt': doc('debt/zephyr.yaml'),
          'backstage.io/adr-location': doc('adr-zephyr'),
        },
        relations: [
          { type: 'dependencyOf', targetRef: 'component:default/payments-api' },
        ],
      }),
      component('aurora-relay', 'secret-ops'),
      component('nebula-core', 'secret-ops', { title: 'Nebula Core' }),
    ];
    const backend = await startOwnershipBackend({
      catalog: catalogHiding(entities, HIDDEN),
      config: { docs: { localRoots: [root] } },
      features: [
        oncallModule(provider),
        permissionsRefusingOutsider(['ownership.summary.read']),
      ],
    });
    server = backend.server;
    const run = await backend.audit();
    if (run.status !== 'succeeded') {
      throw new Error(`The audit run ${run.status}: ${run.error}`);
    }
  });

  it('GET /services: leaves hidden entities out of items, total and pages', async () => {
    const all = await asInsider('/services');
    expect(all.body.totalItems).toBe(4);
    expect(leaks(all.body)).toEqual(
      expect.arrayContaining(['zephyr', 'nebula', 'classified']),
    );

    const seen = await asOutsider('/services');
    expect(seen.status).toBe(200);
    expect(
      seen.body.items.map((i: { entityRef: string }) => i.entityRef),
    ).toEqual([
      'component:default/aurora-relay',
      'component:default/payments-api',
    ]);
    expect(seen.body.totalItems).toBe(2);
    expect(leaks(seen.body)).toEqual([]);

    // A text search for a hidden name answers like one for nothing at all.
    const probe = await asOutsider('/services?q=zeph&limit=1');
    const nothing = await asOutsider('/services?q=qqqq&limit=1');
    expect({ ...probe.body, runId: 0 }).toEqual({
      ...nothing.body,
      runId: 0,
    });
    expect(probe.body).toMatchObject({ items: [], totalItems: 0 });
    expect(probe.body).not.toHaveProperty('nextCursor');

    // Pages of one hold one readable entity each; cursors count readable ones.
    const first = await asOutsider('/services?limit=1');
    expect(first.body.items).toHaveLength(1);
    const second = await asOutsider(
      `/services?limit=1&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items).toHaveLength(1);
    expect(second.body).not.toHaveProperty('nextCursor');
    const offsets = [first.body.nextCursor].map(
      c => JSON.parse(Buffer.from(c, 'base64url').toString()).o,
    );
    expect(offsets).toEqual([1]);
  });

  it('the text filter never matches on the title of a Group the caller may not read', async () => {
    for (const listing of ['/services', '/findings']) {
      const probe = await asOutsider(`${listing}?q=classified`);
      expect(probe.status).toBe(200);
      expect(probe.body).toMatchObject({ items: [], totalItems: 0 });
    }
    const full = await asInsider('/services?q=classified');
    expect(full.body.totalItems).toBe(2);
    // The owner's ref is the service's own spec.owner, so it still matches.
    const byRef = await asOutsider('/services?q=secret-ops');
    expect(
      byRef.body.items.map((i: { entityRef: string }) => i.entityRef),
    ).toEqual(['component:default/aurora-relay']);
    expect((await asOutsider('/lookup?q=classified')).body.items).toEqual([]);
    expect(
      (await asInsider('/lookup?q=classified')).body.items.length,
    ).toBeGreaterThan(0);
    expect(
      (await asOutsider('/lookup?q=secret')).body.items.map(
        (i: { entityRef: string }) => i.entityRef,
      ),
    ).toEqual(['component:default/aurora-relay']);
  });

  it('GET /services/:ref: a hidden entity is answered like a missing one', async () => {
    const hidden = await asOutsider('/services/component/default/zephyr-vault');
    const missing = await asOutsider('/services/component/default/nope');
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.message).toBe(
      missing.body.error.message.replace(
        'component:default/nope',
        'component:default/zephyr-vault',
      ),
    );

    const visible = await asOutsider(
      '/services/component/default/payments-api',
    );
    expect(visible.status).toBe(200);
    expect(visible.body.dependencies).toEqual([]);
    expect(leaks(visible.body)).toEqual([]);
    const full = await asInsider('/services/component/default/payments-api');
    expect(full.body.dependencies).toEqual([
      expect.objectContaining({ entityRef: 'component:default/zephyr-vault' }),
    ]);
  });

  it('GET /oncall/:ref and service details: no feed URL named by a Group the caller may not read', async () => {
    const seen = await asOutsider('/oncall/component/default/aurora-relay');
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ status: 'ok', matchedBy: 'team' });
    expect(seen.body).not.toHaveProperty('scheduleUrl');
    expect(leaks(seen.body)).toEqual([]);
    const details = await asOutsider(
      '/services/component/default/aurora-relay',
    );
    expect(details.body.oncall).toMatchObject({ status: 'ok' });
    expect(leaks(details.body)).toEqual([]);
    // The owner ref is the service's own spec.owner; the rest is the Group's.
    expect(details.body.owner).toEqual({
      entityRef: 'group:default/secret-ops',
      status: 'ok',
      raw: 'secret-ops',
      kind: 'Group',
      members: [],
      contacts: [],
      parents: [],
    });
    expect(details.body.runbooks ?? []).toEqual([]);
    const insiderDetails = await asInsider(
      '/services/component/default/aurora-relay',
    );
    expect(insiderDetails.body.owner).toMatchObject({
      title: 'Classified Ops',
      members: [expect.objectContaining({ entityRef: 'user:default/olga' })],
    });
    expect(insiderDetails.body.runbooks).toEqual([
      expect.objectContaining({ source: 'team-link' }),
    ]);

    const full = await asInsider('/oncall/component/default/aurora-relay');
    expect(full.body.scheduleUrl).toBe(FEED);
    const hidden = await asOutsider('/oncall/component/default/nebula-core');
    expect(hidden.status).toBe(404);
  });

  it('GET /findings: leaves the findings of hidden entities out of items and total', async () => {
    const all = await asInsider('/findings');
    const seen = await asOutsider('/findings');
    expect(seen.status).toBe(200);
    expect(leaks(seen.body)).toEqual([]);
    const mine = all.body.items.filter(
      (f: { entityRef: string }) => !HIDDEN.includes(f.entityRef),
    );
    expect(seen.body.items).toEqual(mine);
    expect(seen.body.totalItems).toBe(mine.length);
    expect(all.body.totalItems).toBeGreaterThan(mine.length);
  });

  it('the team filter answers a hidden Group exactly like a missing one', async () => {
    for (const listing of ['/services', '/findings', '/export.csv']) {
      const hidden = await asOutsider(`${listing}?team=secret-ops`);
      const missing = await asOutsider(`${listing}?team=secret-opz`);
      expect(hidden.status).toBe(400);
      expect(missing.status).toBe(400);
      expect(hidden.body.error.message).toBe(
        missing.body.error.message.replace('secret-opz', 'secret-ops'),
      );
    }
    const full = await asInsider('/services?team=secret-ops');
    expect(full.body.totalItems).toBe(2);
  });

  it('GET /export.csv: no row and no count of hidden entities', async () => {
    const seen = await asOutsider('/export.csv');
    expect(seen.status).toBe(200);
    expect(leaks(seen.text)).toEqual([]);
    expect(seen.text.trim().split('\r\n')).toHaveLength(3);
    const full = await asInsider('/export.csv');
    expect(full.text.trim().split('\r\n')).toHaveLength(5);
  });

  it('GET /teams: only readable Groups, with figures over readable services', async () => {
    const seen = await asOutsider('/teams');
    expect(seen.status).toBe(200);
    const refs = seen.body.items.map((t: { entityRef: string }) => t.entityRef);
    expect(refs).toEqual([
      'group:default/engineering',
      'group:default/payments',
    ]);
    expect(seen.body.totalItems).toBe(2);
    expect(seen.body.items).toEqual([
      expect.objectContaining({
        entityRef: 'group:default/engineering',
        serviceCount: 2,
        directServiceCount: 0,
        // alice, not olga of the hidden sub-group
        memberCount: 1,
      }),
      expect.objectContaining({
        entityRef: 'group:default/payments',
        serviceCount: 1,
        directServiceCount: 1,
      }),
    ]);
    expect(leaks(seen.body)).toEqual([]);

    for (const query of [
      'orderBy=serviceCount&order=desc',
      'orderBy=findings',
      'orderBy=score',
      'q=secret',
    ]) {
      const res = await asOutsider(`/teams?${query}`);
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).not.toContain(
        'group:default/secret-ops',
      );
      expect(leaks(res.body)).toEqual([]);
    }
    expect((await asOutsider('/teams?q=secret')).body.totalItems).toBe(0);

    const full = await asInsider('/teams?orderBy=serviceCount&order=desc');
    expect(full.body.totalItems).toBe(3);
    expect(full.body.items[0]).toMatchObject({
      entityRef: 'group:default/engineering',
      serviceCount: 4,
      memberCount: 2,
    });
  });

  it('GET /teams/:ref: 404 for a hidden Group; readable ones without hidden services, documents or sub-groups', async () => {
    const hidden = await asOutsider('/teams/group/default/secret-ops');
    const missing = await asOutsider('/teams/group/default/secret-opz');
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.message).toBe(
      missing.body.error.message.replace('secret-opz', 'secret-ops'),
    );

    const payments = await asOutsider('/teams/group/default/payments');
    expect(payments.status).toBe(200);
    expect(leaks(payments.body)).toEqual([]);
    expect(payments.body).toMatchObject({
      serviceCount: 1,
      directServiceCount: 1,
      services: [
        expect.objectContaining({
          entityRef: 'component:default/payments-api',
        }),
      ],
    });
    expect(payments.body.readingList.runbooks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          url: doc('runbooks/payments-api.md'),
          entityRefs: ['component:default/payments-api'],
        }),
        expect.objectContaining({
          url: doc('runbooks/shared.md'),
          entityRef: 'component:default/payments-api',
          entityRefs: ['component:default/payments-api'],
        }),
      ]),
    );
    expect(payments.body.readingList.runbooks).toHaveLength(2);
    expect(payments.body.readingList.adrs).toEqual([]);

    const engineering = await asOutsider('/teams/group/default/engineering');
    expect(engineering.body.subGroups).toEqual(['group:default/payments']);
    expect(engineering.body).toMatchObject({
      memberCount: 1,
      members: [expect.objectContaining({ entityRef: 'user:default/alice' })],
    });
    expect(engineering.body.serviceCount).toBe(2);
    expect(leaks(engineering.body)).toEqual([]);

    const full = await asInsider('/teams/group/default/payments');
    expect(full.body.serviceCount).toBe(2);
    expect(full.body.readingList.runbooks).toHaveLength(3);
    expect(full.body.readingList.adrs).toHaveLength(1);
    expect(leaks(full.body)).toEqual(['zephyr', 'classified']);
  });

  it('GET /summary needs ownership.summary.read; the full-rights caller gets every figure', async () => {
    const seen = await asOutsider('/summary');
    expect(seen.status).toBe(403);
    expect(seen.body.error).toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringContaining('ownership.summary.read'),
    });
    const full = await asInsider('/summary');
    expect(full.status).toBe(200);
    expect(full.body.figures.services).toBe(4);
  });

  it('GET /overview and GET /rules: nothing of hidden entities', async () => {
    const overview = await asOutsider('/overview');
    expect(overview.status).toBe(200);
    expect(overview.body.total).toBe(2);
    expect((await asInsider('/overview')).body.total).toBe(4);
    const rules = await asOutsider('/rules');
    expect(rules.status).toBe(200);
    expect(leaks(rules.body)).toEqual([]);
  });

  it('GET /lookup: no hidden match, and no feed URL of a hidden Group', async () => {
    const probe = await asOutsider('/lookup?q=zephyr');
    expect(probe.body.items).toEqual([]);
    const relay = await asOutsider('/lookup?q=aurora');
    expect(relay.body.items[0]).toMatchObject({
      entityRef: 'component:default/aurora-relay',
      oncall: { status: 'ok' },
    });
    expect(relay.body.items[0].oncall).not.toHaveProperty('scheduleUrl');
    expect(leaks(relay.body)).toEqual([]);
    const full = await asInsider('/lookup?q=aurora');
    expect(full.body.items[0].oncall.scheduleUrl).toBe(FEED);
    expect((await asInsider('/lookup?q=zephyr')).body.items).toHaveLength(1);
  });

  it('GET /documents: only text files that a readable entity names; hidden and missing answer alike', async () => {
    const shared = await asOutsider(
      `/documents?url=${encodeURIComponent(doc('runbooks/shared.md'))}`,
    );
    expect(shared.status).toBe(200);
    expect(shared.body.markdown).toBe('# Shared on-call guide\n');

    for (const file of [
      'runbooks/classified-team.md',
      'runbooks/zephyr.md',
      'debt/zephyr.yaml',
      'adr-zephyr/0001-classified-choice.md',
    ]) {
      const hidden = await asOutsider(
        `/documents?url=${encodeURIComponent(doc(file))}`,
      );
      const missing = await asOutsider(
        `/documents?url=${encodeURIComponent(doc(`${file}.missing.md`))}`,
      );
      expect(hidden.status).toBe(404);
      expect(missing.status).toBe(404);
      expect(hidden.body.error.message).toBe(
        missing.body.error.message.replace(
          `${doc(file)}.missing.md`,
          doc(file),
        ),
      );
      expect(hidden.body.error.message).toContain(doc(file));
      expect(leaks(hidden.body.error.message.replace(doc(file), ''))).toEqual(
        [],
      );
      const full = await asInsider(
        `/documents?url=${encodeURIComponent(doc(file))}`,
      );
      expect(full.status).toBe(200);
    }
  });

  it('who-owns: a hidden entity is answered like a missing one', async () => {
    const hidden = await invoke(
      'who-owns',
      { service: 'zephyr-vault' },
      outsider,
    );
    const missing = await invoke(
      'who-owns',
      { service: 'qqqq-vault' },
      outsider,
    );
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.message).toBe(
      missing.body.error.message.replace('qqqq-vault', 'zephyr-vault'),
    );
    const byTitle = await invoke('who-owns', { service: 'Payments' }, outsider);
    expect(byTitle.status).toBe(200);
    expect(leaks(byTitle.body)).toEqual([]);
    const relay = await invoke(
      'who-owns',
      { service: 'aurora-relay' },
      outsider,
    );
    expect(relay.status).toBe(200);
    expect(relay.body.output.owner.entityRef).toBe('group:default/secret-ops');
    expect(leaks(relay.body)).toEqual([]);
    const insiderRelay = await invoke('who-owns', { service: 'aurora-relay' });
    expect(leaks(insiderRelay.body)).toEqual(['classified', 'olga']);
    const full = await invoke('who-owns', { service: 'zephyr-vault' });
    expect(full.status).toBe(200);
    expect(full.body.output.entityRef).toBe('component:default/zephyr-vault');
  });

  it('list-ownership-findings: no hidden entity, and a total over readable ones', async () => {
    const all = await invoke('list-ownership-findings', {});
    const seen = await invoke('list-ownership-findings', {}, outsider);
    expect(seen.status).toBe(200);
    expect(leaks(seen.body)).toEqual([]);
    expect(seen.body.output.totalItems).toBe(seen.body.output.items.length);
    expect(all.body.output.totalItems).toBeGreaterThan(
      seen.body.output.totalItems,
    );
    expect(leaks(all.body)).toContain('zephyr');
    const hidden = await invoke(
      'list-ownership-findings',
      { team: 'secret-ops' },
      outsider,
    );
    const missing = await invoke(
      'list-ownership-findings',
      { team: 'secret-opz' },
      outsider,
    );
    expect(hidden.status).toBe(400);
    expect(hidden.body.error.message).toBe(
      missing.body.error.message.replace('secret-opz', 'secret-ops'),
    );
  });

  it('GET /runs: no entity, and the counts of audited entities only with ownership.summary.read', async () => {
    const latest = await asOutsider('/runs/latest');
    const list = await asOutsider('/runs');
    const one = await asOutsider(`/runs/${latest.body.id}`);
    for (const res of [latest, list, one]) {
      expect(res.status).toBe(200);
      expect(leaks(res.body)).toEqual([]);
      expect(JSON.stringify(res.body)).not.toMatch(/"processed"|"total"/);
    }
    expect(latest.body).toMatchObject({ status: 'succeeded' });
    const full = await asInsider(`/runs/${latest.body.id}`);
    expect(full.body).toMatchObject({ processed: 4, total: 4 });
  });
});
