import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import type { OnCallSubject } from '@ownership-portal/plugin-ownership-node';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { contextWith, WEB } from '../__testUtils__/pagerDuty';
import { PagerDutyOnCallProvider } from '../PagerDutyOnCallProvider';

function subject(annotations: Record<string, string>): OnCallSubject {
  return {
    service: {
      entityRef: 'component:default/evil',
      kind: 'Component',
      annotations,
    },
  };
}

describe('hostile PagerDuty ids', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it.each([
    ['pagerduty.com/service-id', '..', /"\.\." is not a PagerDuty service id/],
    ['pagerduty.com/service-id', '.', /"\." is not a PagerDuty service id/],
    ['pagerduty.com/service-id', '../users', /not a PagerDuty service id/],
    ['pagerduty.com/service-id', 'P1?x=1', /not a PagerDuty service id/],
    [
      'pagerduty.com/escalation-policy-id',
      '..',
      /not a PagerDuty escalation policy id/,
    ],
  ])('%s %j is refused, and no request leaves', async (key, id, why) => {
    const requests: string[] = [];
    server.events.on('request:start', ({ request }) => {
      requests.push(request.url);
    });
    server.use(http.all('*', () => HttpResponse.json({})));
    const provider = PagerDutyOnCallProvider.create({
      token: 'pd-token',
      webUrl: WEB,
      resilience: { initialDelayMs: 1, random: () => 0 },
    });
    const target = provider.match(subject({ [key]: id }));
    expect(target).toBeDefined();

    const answer = provider.resolve(target!, contextWith());
    await expect(answer).rejects.toBeInstanceOf(InputError);
    await expect(answer).rejects.toThrow(why);
    expect(requests).toEqual([]);
  });
});
