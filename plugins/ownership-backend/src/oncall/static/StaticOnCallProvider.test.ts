import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { OnCallUser } from '@ownership-portal/plugin-ownership-common';
import type {
  OnCallContext,
  OnCallSubject,
} from '@ownership-portal/plugin-ownership-node';
import { DateTime } from 'luxon';
import { StaticOnCallProvider } from './StaticOnCallProvider';

const local = (iso: string) =>
  DateTime.fromISO(iso, { zone: 'Europe/Berlin' }).toJSDate().toISOString();

const users: Record<string, OnCallUser> = {
  'user:default/alice': {
    entityRef: 'user:default/alice',
    name: 'Alice Doe',
    email: 'alice@example.com',
  },
  'user:default/carol': { entityRef: 'user:default/carol', name: 'Carol' },
};

function context(now: string): OnCallContext {
  return {
    now: new Date(local(now)),
    userByEmail: () => undefined,
    userByRef: ref => users[ref],
  };
}

const alice = users['user:default/alice'];
const bob = { entityRef: 'user:default/bob', name: 'bob' };
const carol = users['user:default/carol'];
const dave = { entityRef: 'user:default/dave', name: 'dave' };

const ROTATIONS = [
  {
    id: 'payments-primary',
    team: 'group:default/payments',
    timezone: 'Europe/Berlin',
    start: '2026-01-05T09:00',
    shift: 'P7D',
    members: ['user:default/alice', 'user:default/bob'],
    end: '2027-01-01T00:00',
    overrides: [
      { from: '2026-12-24T09:00', to: '2026-12-27T09:00', member: 'dave' },
      { from: '2026-12-31T18:00', to: '2027-01-01T09:00' },
    ],
    escalation: [
      { after: 'PT15M', rotation: 'payments-secondary' },
      {
        after: 'PT30M',
        targets: ['group:default/platform-leads', 'user:default/carol'],
      },
    ],
  },
  {
    id: 'payments-secondary',
    team: 'group:default/payments',
    timezone: 'Europe/Berlin',
    start: '2026-01-01T00:00',
    shift: 'P1D',
    members: ['carol', 'dave'],
  },
  {
    id: 'search',
    team: 'search',
    timezone: 'Europe/Berlin',
    start: '2026-06-01T09:00',
    shift: 'P7D',
    members: ['erin'],
  },
];

function provider() {
  return StaticOnCallProvider.create({
    config: new ConfigReader({
      ownership: { oncall: { rotations: ROTATIONS } },
    }),
    logger: mockServices.logger.mock(),
  });
}

function subject(
  service: Record<string, string> = {},
  team?: { ref: string; annotations?: Record<string, string> },
): OnCallSubject {
  return {
    service: {
      entityRef: 'component:default/checkout',
      kind: 'Component',
      annotations: service,
    },
    ...(team
      ? {
          team: { entityRef: team.ref, annotations: team.annotations ?? {} },
        }
      : {}),
  };
}

const ANNOTATION = 'ownership-portal/oncall-rotation';

describe('StaticOnCallProvider', () => {
  it('is the local "static" provider', () => {
    const p = provider();
    expect(p.id).toBe('static');
    expect(p.remote).toBe(false);
    expect(p.rotationIds).toEqual([
      'payments-primary',
      'payments-secondary',
      'search',
    ]);
  });

  describe('match', () => {
    const p = provider();
    const team = { ref: 'group:default/payments' };

    it('prefers the service annotation, then the team annotation, then the team', () => {
      expect(
        p.match(
          subject(
            { [ANNOTATION]: 'search' },
            { ...team, annotations: { [ANNOTATION]: 'payments-secondary' } },
          ),
        ),
      ).toEqual({
        matchedBy: 'service-annotation',
        key: 'rotation:search',
        data: { rotation: 'search' },
      });
      expect(
        p.match(
          subject(
            {},
            { ...team, annotations: { [ANNOTATION]: 'payments-secondary' } },
          ),
        ),
      ).toMatchObject({
        matchedBy: 'team-annotation',
        key: 'rotation:payments-secondary',
      });
      // the team's rotation is the one nobody escalates to
      expect(p.match(subject({}, { ref: 'Group:Default/Payments' }))).toEqual({
        matchedBy: 'team',
        key: 'rotation:payments-primary',
        data: { rotation: 'payments-primary' },
      });
    });

    it('falls through annotations naming rotations that are not configured', () => {
      expect(
        p.match(
          subject(
            { [ANNOTATION]: 'nope' },
            { ...team, annotations: { [ANNOTATION]: 'search' } },
          ),
        ),
      ).toMatchObject({ matchedBy: 'team-annotation', key: 'rotation:search' });
      expect(
        p.match(
          subject(
            { [ANNOTATION]: 'nope' },
            { ...team, annotations: { [ANNOTATION]: 'nope' } },
          ),
        ),
      ).toMatchObject({ matchedBy: 'team', key: 'rotation:payments-primary' });
      expect(
        p.match(subject({ [ANNOTATION]: 'nope' }, { ref: 'group:default/x' })),
      ).toBeUndefined();
      expect(p.match(subject())).toBeUndefined();
    });
  });

  describe('resolve', () => {
    const p = provider();
    const primary = {
      matchedBy: 'team' as const,
      key: 'rotation:payments-primary',
    };

    it('answers who is on call at every level, who is next and the escalation', async () => {
      // Tuesday 2026-12-15 12:00: shift 49 (bob), secondary day 348 (carol)
      const answer = await p.resolve(primary, context('2026-12-15T12:00'));
      expect(answer).toEqual({
        scheduleName: 'payments-primary',
        status: 'ok',
        onCallNow: [
          { user: bob, level: 1, until: local('2026-12-21T09:00') },
          { user: carol, level: 2, until: local('2026-12-16T00:00') },
          { user: carol, level: 3 },
        ],
        escalation: [
          {
            level: 1,
            after: 'PT0S',
            targets: [
              {
                type: 'rotation',
                ref: 'payments-primary',
                name: 'payments-primary',
              },
            ],
          },
          {
            level: 2,
            after: 'PT15M',
            targets: [
              {
                type: 'rotation',
                ref: 'payments-secondary',
                name: 'payments-secondary',
              },
            ],
          },
          {
            level: 3,
            after: 'PT30M',
            targets: [
              {
                type: 'group',
                ref: 'group:default/platform-leads',
                name: 'platform-leads',
              },
              { type: 'user', ref: 'user:default/carol', name: 'Carol' },
            ],
          },
        ],
        next: [
          {
            user: alice,
            from: local('2026-12-21T09:00'),
            to: local('2026-12-24T09:00'),
          },
          {
            user: dave,
            from: local('2026-12-24T09:00'),
            to: local('2026-12-27T09:00'),
          },
          {
            user: alice,
            from: local('2026-12-27T09:00'),
            to: local('2026-12-28T09:00'),
          },
          {
            user: bob,
            from: local('2026-12-28T09:00'),
            to: local('2026-12-31T18:00'),
          },
          // then a hole until the end: nobody after that
        ],
        gaps: [],
      });
    });

    it('reports a member-less override within 7 days as a gap, and the end', async () => {
      const answer = await p.resolve(primary, context('2026-12-28T12:00'));
      expect(answer.status).toBe('gap');
      expect(answer.gaps).toEqual([
        { from: local('2026-12-31T18:00'), to: local('2027-01-04T12:00') },
      ]);
      expect(answer.onCallNow[0]).toEqual({
        user: bob,
        level: 1,
        until: local('2026-12-31T18:00'),
      });
      expect(answer.next).toEqual([]);
    });

    it('merges runs of one member across an override of the same member', async () => {
      const merged = StaticOnCallProvider.create({
        config: new ConfigReader({
          ownership: {
            oncall: {
              rotations: [
                {
                  ...ROTATIONS[1],
                  overrides: [
                    // dave covers carol's day between two of his: one run of 3 days
                    {
                      from: '2026-02-28T00:00',
                      to: '2026-03-01T00:00',
                      member: 'dave',
                    },
                  ],
                },
              ],
            },
          },
        }),
        logger: mockServices.logger.mock(),
      });
      const answer = await merged.resolve(
        { matchedBy: 'team', key: 'rotation:payments-secondary' },
        context('2026-02-27T12:00'), // day 57: dave
      );
      expect(answer.onCallNow).toEqual([
        { user: dave, level: 1, until: local('2026-03-02T00:00') },
      ]);
      expect(answer.next.map(s => [s.user.name, s.from, s.to])).toEqual([
        ['Carol', local('2026-03-02T00:00'), local('2026-03-03T00:00')],
        ['dave', local('2026-03-03T00:00'), local('2026-03-04T00:00')],
        ['Carol', local('2026-03-04T00:00'), local('2026-03-05T00:00')],
        ['dave', local('2026-03-05T00:00'), local('2026-03-06T00:00')],
        ['Carol', local('2026-03-06T00:00'), local('2026-03-07T00:00')],
      ]);
    });

    it('has nobody at level 1 before the start and after the end', async () => {
      const search = { matchedBy: 'team' as const, key: 'rotation:search' };
      const before = await p.resolve(search, context('2026-05-30T09:00'));
      expect(before.onCallNow).toEqual([]);
      expect(before.status).toBe('gap');
      expect(before.gaps).toEqual([
        { from: local('2026-05-30T09:00'), to: local('2026-06-01T09:00') },
      ]);
      // a single member is on call for good: no hand-off, nobody next
      const during = await p.resolve(search, context('2026-06-02T09:00'));
      expect(during.onCallNow).toEqual([
        {
          user: { entityRef: 'user:default/erin', name: 'erin' },
          level: 1,
        },
      ]);
      expect(during.next).toEqual([]);
      expect(during.status).toBe('ok');

      const after = await p.resolve(primary, context('2027-02-01T00:00'));
      expect(after.onCallNow.map(n => n.level)).toEqual([2, 3]);
      expect(after.status).toBe('gap');
      expect(after.next).toEqual([]);
      expect(after.gaps).toEqual([
        { from: local('2027-02-01T00:00'), to: local('2027-02-08T00:00') },
      ]);
    });

    it('rejects a target it does not know, naming it', async () => {
      await expect(
        p.resolve(
          { matchedBy: 'team', key: 'rotation:gone' },
          context('2026-12-15T12:00'),
        ),
      ).rejects.toThrow('no rotation for target key "rotation:gone"');
    });
  });
});
