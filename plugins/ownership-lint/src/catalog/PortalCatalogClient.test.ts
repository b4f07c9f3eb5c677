import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { CatalogAuthError, CatalogUnavailableError } from './errors';
import { PortalCatalogClient } from './PortalCatalogClient';

const BASE = 'http://portal.test:7007';

const payments = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'payments', namespace: 'default' },
  spec: { type: 'team', children: [], members: ['alice'] },
};

const onCall = {
  source: 'static',
  matchedBy: 'team',
  scheduleName: 'payments-primary',
  status: 'ok',
  onCallNow: [{ user: { ref: 'user:default/alice' }, level: 1 }],
};

describe('PortalCatalogClient', () => {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  const waits: number[] = [];
  function client(
    options: Partial<ConstructorParameters<typeof PortalCatalogClient>[0]> = {},
  ) {
    waits.length = 0;
    return new PortalCatalogClient({
      baseUrl: `${BASE}/`,
      token: 'secret-token',
      sleep: async ms => {
        waits.push(ms);
      },
      ...options,
    });
  }

  it('reads an entity by name and an on-call answer, with the bearer token', async () => {
    const seen: string[] = [];
    server.use(
      http.get(
        `${BASE}/api/catalog/entities/by-name/:kind/:namespace/:name`,
        ({ request, params }) => {
          seen.push(
            `${request.headers.get('authorization')} ${params.kind}/${
              params.namespace
            }/${params.name}`,
          );
          return HttpResponse.json(payments);
        },
      ),
      http.get(
        `${BASE}/api/ownership/oncall/:kind/:namespace/:name`,
        ({ params }) =>
          params.name === 'payments-service'
            ? HttpResponse.json(onCall)
            : new HttpResponse(null, { status: 404 }),
      ),
    );
    const catalog = client();
    await expect(catalog.getEntity('group:default/payments')).resolves.toEqual(
      payments,
    );
    await expect(
      catalog.getOnCall('component:default/payments-service'),
    ).resolves.toEqual(onCall);
    expect(seen).toEqual(['Bearer secret-token group/default/payments']);
  });

  it('answers undefined on a definite 404 and asks once per ref', async () => {
    let calls = 0;
    server.use(
      http.get(
        `${BASE}/api/catalog/entities/by-name/group/default/ghosts`,
        () => {
          calls += 1;
          return HttpResponse.json(
            { error: { name: 'NotFoundError' } },
            { status: 404 },
          );
        },
      ),
    );
    const catalog = client();
    await expect(
      catalog.getEntity('group:default/ghosts'),
    ).resolves.toBeUndefined();
    await expect(
      catalog.getEntity('group:default/ghosts'),
    ).resolves.toBeUndefined();
    expect(calls).toBe(1);
  });

  it('URL-encodes the parts of a ref', async () => {
    const urls: string[] = [];
    server.use(
      http.get(`${BASE}/api/catalog/entities/by-name/*`, ({ request }) => {
        urls.push(request.url);
        return HttpResponse.json(payments);
      }),
    );
    await client().getEntity('group:team space/a#b?c');
    expect(urls).toEqual([
      `${BASE}/api/catalog/entities/by-name/group/team%20space/a%23b%3Fc`,
    ]);
  });

  it('retries 429 honouring Retry-After, and 5xx with backoff', async () => {
    const statuses = [429, 503, 200];
    server.use(
      http.get(
        `${BASE}/api/catalog/entities/by-name/group/default/payments`,
        () => {
          const status = statuses.shift()!;
          if (status === 429) {
            return new HttpResponse(null, {
              status,
              headers: { 'Retry-After': '3' },
            });
          }
          if (status === 503) {
            return new HttpResponse('busy', { status });
          }
          return HttpResponse.json(payments);
        },
      ),
    );
    const catalog = client();
    await expect(catalog.getEntity('group:default/payments')).resolves.toEqual(
      payments,
    );
    expect(waits[0]).toBe(3000);
    expect(waits[1]).toBeGreaterThanOrEqual(500);
    expect(waits[1]).toBeLessThanOrEqual(1000);
  });

  it('gives up after the last attempt with an error naming the URL and the last answer, never a false "none"', async () => {
    server.use(
      http.get(
        `${BASE}/api/ownership/oncall/component/default/checkout`,
        () =>
          new HttpResponse('down', { status: 502, statusText: 'Bad Gateway' }),
      ),
    );
    const catalog = client({
      retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 100 },
    });
    await expect(
      catalog.getOnCall('component:default/checkout'),
    ).rejects.toThrow(
      new CatalogUnavailableError(
        `${BASE}/api/ownership/oncall/component/default/checkout answered 502 Bad Gateway after 3 attempts`,
      ),
    );
    expect(waits).toHaveLength(2);
  });

  it('times out a request that does not answer, and retries it', async () => {
    let calls = 0;
    server.use(
      http.get(
        `${BASE}/api/catalog/entities/by-name/group/default/payments`,
        async () => {
          calls += 1;
          if (calls === 1) {
            await new Promise(resolve => setTimeout(resolve, 300));
          }
          return HttpResponse.json(payments);
        },
      ),
    );
    const catalog = client({ timeoutMs: 100 });
    await expect(catalog.getEntity('group:default/payments')).resolves.toEqual(
      payments,
    );
    expect(calls).toBe(2);
  });

  it('stops at 401 and 403 with an error about the token, without retrying', async () => {
    let calls = 0;
    server.use(
      http.get(
        `${BASE}/api/catalog/entities/by-name/group/default/payments`,
        () => {
          calls += 1;
          return HttpResponse.json(
            { error: { name: 'AuthenticationError' } },
            { status: 401 },
          );
        },
      ),
      http.get(`${BASE}/api/ownership/oncall/component/default/checkout`, () =>
        HttpResponse.json(
          { error: { name: 'NotAllowedError' } },
          { status: 403 },
        ),
      ),
    );
    await expect(
      client({ token: undefined }).getEntity('group:default/payments'),
    ).rejects.toThrow(
      new CatalogAuthError(
        `${BASE}/api/catalog/entities/by-name/group/default/payments answered 401 Unauthorized: the portal needs a token: pass --token or set OWNERSHIP_LINT_TOKEN`,
      ),
    );
    expect(calls).toBe(1);
    await expect(
      client().getOnCall('component:default/checkout'),
    ).rejects.toThrow(/answered 403 Forbidden: the portal refused the token/);
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    let inFlight = 0;
    let most = 0;
    server.use(
      http.get(
        `${BASE}/api/catalog/entities/by-name/:kind/:namespace/:name`,
        async () => {
          inFlight += 1;
          most = Math.max(most, inFlight);
          await new Promise(resolve => setTimeout(resolve, 20));
          inFlight -= 1;
          return HttpResponse.json(payments);
        },
      ),
    );
    const catalog = client({ concurrency: 2 });
    await Promise.all(
      ['a', 'b', 'c', 'd', 'e'].map(name =>
        catalog.getEntity(`group:default/${name}`),
      ),
    );
    expect(most).toBe(2);
  });

  it('refuses a base URL that is not http(s)', () => {
    expect(() => client({ baseUrl: 'ftp://portal' })).toThrow(
      '--catalog-url: "ftp://portal" must be an http: or https: URL',
    );
    expect(() => client({ baseUrl: 'portal' })).toThrow(
      '--catalog-url: "portal" is not a URL',
    );
  });
});
