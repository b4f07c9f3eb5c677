import { mockServices } from '@backstage/backend-test-utils';
import type {
  OnCallProvider,
  OnCallSubject,
} from '@ownership-portal/plugin-ownership-node';
import { memoryCache } from '../__testUtils__/cache';
import { fakeOnCallProvider } from '../__testUtils__/oncall';
import { OnCallService } from './OnCallService';
import type { UserDirectory } from './UserDirectory';

const users = {
  lookups: async () => ({
    userByEmail: () => undefined,
    userByRef: (ref: string) => ({ entityRef: ref, name: ref.split('/')[1] }),
  }),
} as unknown as UserDirectory;

const subject = (annotations: Record<string, string> = {}): OnCallSubject => ({
  service: {
    entityRef: 'component:default/api',
    kind: 'Component',
    annotations,
  },
  team: { entityRef: 'group:default/team-a', annotations: {} },
});

function setup(providers: OnCallProvider[]) {
  const clock = { now: Date.parse('2026-12-01T10:00:00Z') };
  const service = OnCallService.create({
    providers,
    cache: memoryCache(() => clock.now),
    users,
    logger: mockServices.logger.mock(),
    now: () => new Date(clock.now),
  });
  return { service, clock };
}

describe('OnCallService', () => {
  it('picks the most specific match across providers, the first registered on a tie', async () => {
    const byAnnotation: OnCallProvider = {
      ...fakeOnCallProvider({ teams: [], id: 'annotated' }),
      match: s =>
        s.service.annotations['pagerduty.com/service-id']
          ? { matchedBy: 'service-annotation', key: 'svc' }
          : undefined,
    };
    const first = fakeOnCallProvider({
      teams: ['group:default/team-a'],
      id: 'first',
    });
    const second = fakeOnCallProvider({
      teams: ['group:default/team-a'],
      id: 'second',
    });
    const { service } = setup([first, second, byAnnotation]);

    expect((await service.answer(subject()))?.source).toBe('first');
    expect(
      (await service.answer(subject({ 'pagerduty.com/service-id': 'P1' })))
        ?.source,
    ).toBe('annotated');
    expect(
      await service.answer({ service: subject().service }),
    ).toBeUndefined();
  });

  it('reuses a remote answer for a minute, then asks again', async () => {
    const provider = fakeOnCallProvider({
      teams: ['group:default/team-a'],
      remote: true,
    });
    const resolve = jest.spyOn(provider, 'resolve');
    const { service, clock } = setup([provider]);

    await service.answer(subject());
    await service.answer(subject());
    expect(resolve).toHaveBeenCalledTimes(1);
    clock.now += 61_000;
    await service.answer(subject());
    expect(resolve).toHaveBeenCalledTimes(2);
  });

  it('serves the last known answer, marked stale and rolled forward, while a remote provider is down', async () => {
    let down = false;
    const provider = fakeOnCallProvider({
      teams: ['group:default/team-a'],
      remote: true,
      fail: () => down,
    });
    const { service, clock } = setup([provider]);
    const fresh = await service.answer(subject());
    expect(fresh).toMatchObject({ status: 'ok', stale: false });

    down = true;
    clock.now += 25 * 60 * 60 * 1000;
    const stale = await service.answer(subject());

    expect(stale).toMatchObject({
      status: 'ok',
      stale: true,
      checkedAt: fresh!.checkedAt,
      reason: 'fake provider is down',
    });
    // alice's shift ended after a day; bob's shift from `next` is on call now.
    expect(stale!.onCallNow).toEqual([
      expect.objectContaining({
        level: 1,
        user: expect.objectContaining({ name: 'bob' }),
      }),
    ]);
  });

  it('answers status unknown, not a missing rotation, when a provider fails with nothing known', async () => {
    const provider = fakeOnCallProvider({
      teams: ['group:default/team-a'],
      remote: true,
      fail: () => true,
    });
    const { service } = setup([provider]);
    expect(await service.answer(subject())).toMatchObject({
      status: 'unknown',
      stale: false,
      reason: 'fake provider is down',
      onCallNow: [],
    });
  });

  it('peeks without waiting: cached or last known answers, and starts a refresh', async () => {
    const provider = fakeOnCallProvider({
      teams: ['group:default/team-a'],
      remote: true,
    });
    const resolve = jest.spyOn(provider, 'resolve');
    const { service, clock } = setup([provider]);

    expect(await service.peek(subject())).toBeUndefined();
    await new Promise(resolve_ => setImmediate(resolve_));
    expect(resolve).toHaveBeenCalledTimes(1);
    expect(await service.peek(subject())).toMatchObject({ stale: false });
    clock.now += 120_000;
    expect(await service.peek(subject())).toMatchObject({
      stale: true,
      reason: 'refreshing',
    });
  });

  it('reuses answers of local providers until the next hand-off, at most 30 seconds', async () => {
    const provider = fakeOnCallProvider({ teams: ['group:default/team-a'] });
    const resolve = jest.spyOn(provider, 'resolve');
    const { service, clock } = setup([provider]);

    await service.answer(subject());
    await service.peek(subject());
    expect(resolve).toHaveBeenCalledTimes(1);
    clock.now += 31_000;
    await service.answer(subject());
    expect(resolve).toHaveBeenCalledTimes(2);
  });

  it('refuses two providers with the same id', () => {
    const provider = fakeOnCallProvider({ teams: [] });
    expect(() => setup([provider, provider])).toThrow(
      'On-call provider "fake" is registered twice',
    );
  });
});
