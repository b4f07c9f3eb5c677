import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import { ConfigReader } from '@backstage/config';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { feedLabel } from './feedLabel';
import { ICalOnCallProvider } from './ICalOnCallProvider';
import { fixture, onCallContext, user } from './__testUtils__/fixtures';

/**
 * Reads feeds through Backstage's real UrlReader, as the backend does, with
 * HTTP answered by msw: `backend.reading.allow` decides which hosts may be
 * read, and HTTP errors become the UrlReader's errors.
 */
describe('ICalOnCallProvider through the UrlReader', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const requests: string[] = [];
  beforeEach(() => {
    requests.length = 0;
    server.events.on('request:start', ({ request }) => {
      requests.push(request.url);
    });
  });
  afterEach(() => server.events.removeAllListeners());

  const urlReader = UrlReaders.default({
    config: new ConfigReader({
      backend: { reading: { allow: [{ host: 'calendar.example.com' }] } },
    }),
    logger: mockServices.logger.mock(),
  });

  function resolve(url: string, now = '2026-10-21T12:00:00Z') {
    const provider = new ICalOnCallProvider({
      urlReader,
      resilience: { initialDelayMs: 1, maxDelayMs: 5 },
    });
    return provider.resolve(
      { matchedBy: 'team-annotation', key: `ical:${url}`, data: { url } },
      onCallContext(now),
    );
  }

  it('reads a feed from an allowed host', async () => {
    server.use(
      http.get(
        'https://calendar.example.com/calendar/ical/payments/basic.ics',
        () =>
          new HttpResponse(fixture('google-payments.ics'), {
            headers: { 'content-type': 'text/calendar; charset=UTF-8' },
          }),
      ),
    );
    const answer = await resolve(
      'https://calendar.example.com/calendar/ical/payments/basic.ics',
    );
    expect(answer.status).toBe('ok');
    expect(answer.onCallNow[0]).toEqual({
      user: user('alice.moreau'),
      level: 1,
      until: '2026-10-26T11:00:00.000Z',
    });
    expect(requests).toHaveLength(1);
  });

  it('asks for a feed again with its ETag, and answers from the kept text on a 304', async () => {
    const url = 'https://calendar.example.com/calendar/ical/payments/basic.ics';
    const sent: Array<string | null> = [];
    server.use(
      http.get(url, ({ request }) => {
        sent.push(request.headers.get('if-none-match'));
        if (request.headers.get('if-none-match') === '"v1"') {
          return new HttpResponse(null, {
            status: 304,
            headers: { etag: '"v1"' },
          });
        }
        return new HttpResponse(fixture('google-payments.ics'), {
          headers: { 'content-type': 'text/calendar', etag: '"v1"' },
        });
      }),
    );
    const store = new Map<string, unknown>();
    const cache = mockServices.cache.mock({
      get: async (key: string) => store.get(key) as never,
      set: async (key: string, value: unknown) => {
        store.set(key, value);
      },
    });
    const provider = new ICalOnCallProvider({
      urlReader,
      cache,
      resilience: { initialDelayMs: 1, maxDelayMs: 5 },
    });
    const target = {
      matchedBy: 'team-annotation' as const,
      key: 'ical:payments',
      data: { url },
    };
    const first = await provider.resolve(
      target,
      onCallContext('2026-10-21T12:00:00Z'),
    );
    const second = await provider.resolve(
      target,
      onCallContext('2026-10-21T12:00:00Z'),
    );
    expect(second).toEqual(first);
    expect(second.onCallNow[0].user).toEqual(user('alice.moreau'));
    expect(sent).toEqual([null, '"v1"']);
    // The cache key is a digest: the feed's URL may carry a secret.
    expect([...store.keys()].join()).not.toContain('calendar.example.com');
  });

  it('refuses a host outside backend.reading.allow, naming the URL and the setting, without a request', async () => {
    const url = 'https://calendar.elsewhere.example.org/team.ics';
    await expect(resolve(url)).rejects.toThrow(
      `Cannot read iCalendar feed ${feedLabel(
        url,
      )}: Reading from '<feed URL>' is not allowed. You may need to configure an integration for the target host, or add it to the configured list of allowed hosts at 'backend.reading.allow'`,
    );
    expect(requests).toEqual([]);
  });

  it('refuses a redirect to a host outside backend.reading.allow, without retrying', async () => {
    server.use(
      http.get(
        'https://calendar.example.com/moved.ics',
        () =>
          new HttpResponse(null, {
            status: 302,
            headers: { location: 'https://evil.example.net/cal.ics' },
          }),
      ),
    );
    await expect(
      resolve('https://calendar.example.com/moved.ics'),
    ).rejects.toThrow(
      'URL not allowed by backend.reading.allow configuration: <feed URL>',
    );
    expect(requests).toEqual(['https://calendar.example.com/moved.ics']);
  });

  it('does not retry a feed that is not found', async () => {
    server.use(
      http.get(
        'https://calendar.example.com/gone.ics',
        () => new HttpResponse('Not Found', { status: 404 }),
      ),
    );
    await expect(
      resolve('https://calendar.example.com/gone.ics'),
    ).rejects.toThrow(
      `Cannot read iCalendar feed ${feedLabel(
        'https://calendar.example.com/gone.ics',
      )}: could not read <feed URL>, 404 Not Found`,
    );
    expect(requests).toHaveLength(1);
  });

  it('retries server errors, and answers once the host recovers', async () => {
    let calls = 0;
    server.use(
      http.get('https://calendar.example.com/flaky.ics', () => {
        calls += 1;
        return calls < 3
          ? new HttpResponse('upstream timeout', { status: 503 })
          : new HttpResponse(fixture('google-payments.ics'));
      }),
    );
    const answer = await resolve('https://calendar.example.com/flaky.ics');
    expect(answer.scheduleName).toBe('Payments on-call');
    expect(requests).toHaveLength(3);
  });

  it('gives up after three attempts on a failing host, naming the feed', async () => {
    server.use(
      http.get(
        'https://calendar.example.com/down.ics',
        () => new HttpResponse('oops', { status: 500 }),
      ),
    );
    await expect(
      resolve('https://calendar.example.com/down.ics'),
    ).rejects.toThrow(
      `Cannot read iCalendar feed ${feedLabel(
        'https://calendar.example.com/down.ics',
      )}: could not read <feed URL>, 500 Internal Server Error`,
    );
    expect(requests).toHaveLength(3);
  });

  it('refuses a feed over the size limit', async () => {
    server.use(
      http.get(
        'https://calendar.example.com/huge.ics',
        () => new HttpResponse('BEGIN:VCALENDAR\r\n'.padEnd(64 * 1024, 'x')),
      ),
    );
    const provider = new ICalOnCallProvider({ urlReader, maxBytes: 4096 });
    await expect(
      provider.resolve(
        {
          matchedBy: 'team-annotation',
          key: 'ical:huge',
          data: { url: 'https://calendar.example.com/huge.ics' },
        },
        onCallContext('2026-10-21T12:00:00Z'),
      ),
    ).rejects.toThrow(
      `iCalendar feed ${feedLabel(
        'https://calendar.example.com/huge.ics',
      )} is bigger than the limit of 4096 bytes`,
    );
    expect(requests).toHaveLength(1);
  });
});
