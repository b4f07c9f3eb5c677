import { ResponseError } from '@backstage/errors';
import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { overviewOf } from '../testing/fixtures';
import { OwnershipClient } from './OwnershipClient';

const baseUrl = 'http://backend.test/api/ownership';

describe('OwnershipClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const client = new OwnershipClient({
    discoveryApi: {
      getBaseUrl: async pluginId => `http://backend.test/api/${pluginId}`,
    },
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });

  it('reads the overview from /overview', async () => {
    const overview = overviewOf({ Component: 3 }, { production: 3 });
    server.use(
      http.get(`${baseUrl}/overview`, () => HttpResponse.json(overview)),
    );

    await expect(client.getOverview()).resolves.toEqual(overview);
  });

  it('reads the rules from /rules', async () => {
    server.use(
      http.get(`${baseUrl}/rules`, () => HttpResponse.json({ items: [] })),
    );

    await expect(client.listRules()).resolves.toEqual({ items: [] });
  });

  it('throws a ResponseError carrying the backend error', async () => {
    server.use(
      http.get(`${baseUrl}/overview`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'AuthenticationError',
              message: 'Missing credentials',
            },
            request: { method: 'GET', url: '/api/ownership/overview' },
            response: { statusCode: 401 },
          },
          { status: 401 },
        ),
      ),
    );

    const error = await client.getOverview().catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(401);
    expect(error.message).toBe('Request failed with 401 Unauthorized');
    expect(error.body.error.message).toBe('Missing credentials');
  });
});
