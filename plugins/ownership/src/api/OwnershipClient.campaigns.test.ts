import { ResponseError } from '@backstage/errors';
import { registerMswTestHooks } from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  attestationOf,
  campaign,
  campaignDetails,
  campaignItem,
  pendingItem,
} from '../testing/campaignFixtures';
import { OwnershipClient } from './OwnershipClient';

const baseUrl = 'http://backend.test/api/ownership';
const UUID =
  /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** An error response exactly as the backend's error handler writes it. */
function errorResponse(status: number, name: string, message: string) {
  return HttpResponse.json(
    {
      error: { name, message },
      request: { method: 'POST', url: '/api/ownership/campaigns' },
      response: { statusCode: status },
    },
    { status },
  );
}

interface Seen {
  method: string;
  url: URL;
  headers: Headers;
  body?: unknown;
}

describe('OwnershipClient campaigns', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const fetchSpy = jest.fn((input: RequestInfo | URL, init?: RequestInit) =>
    fetch(input, init),
  );
  const client = new OwnershipClient({
    discoveryApi: {
      getBaseUrl: async pluginId => `http://backend.test/api/${pluginId}`,
    },
    fetchApi: { fetch: fetchSpy },
  });

  /** Answers every request with `body` (and `status`) and records it. */
  function serve(body: object, status = 200) {
    const seen: Seen[] = [];
    server.use(
      http.all(`${baseUrl}/*`, async ({ request }) => {
        const text = await request.text();
        seen.push({
          method: request.method,
          url: new URL(request.url),
          headers: request.headers,
          body: text ? JSON.parse(text) : undefined,
        });
        return HttpResponse.json(body, { status });
      }),
    );
    return seen;
  }

  beforeEach(() => fetchSpy.mockClear());

  it('lists campaigns by state with paging', async () => {
    const body = { items: [campaign()], nextCursor: 'c2' };
    const seen = serve(body);

    await expect(
      client.listCampaigns({ state: 'open', limit: 10, cursor: 'c1' }),
    ).resolves.toEqual(body);

    expect(seen[0].method).toBe('GET');
    expect(seen[0].url.pathname).toBe('/api/ownership/campaigns');
    expect(seen[0].url.search).toBe('?state=open&limit=10&cursor=c1');
  });

  it('lists campaigns without a query by default', async () => {
    const seen = serve({ items: [] });

    await client.listCampaigns();

    expect(seen[0].url.href).toBe(`${baseUrl}/campaigns`);
  });

  describe('createCampaign', () => {
    const input = {
      title: 'Q1 review',
      instructions: 'Check **everything**',
      opensAt: '2027-01-05T00:00:00.000Z',
      dueAt: '2027-01-31T00:00:00.000Z',
      scope: {
        include: { kinds: ['Component'], teams: ['group:default/payments'] },
        exclude: { teams: ['group:default/payments-sandbox'] },
        includeSubgroups: false,
      },
    };

    it('posts the campaign as JSON with a fresh Idempotency-Key each time', async () => {
      const seen = serve(campaign({ state: 'scheduled' }), 201);

      await expect(client.createCampaign(input)).resolves.toMatchObject({
        state: 'scheduled',
      });
      await client.createCampaign(input);

      expect(seen[0].method).toBe('POST');
      expect(seen[0].url.pathname).toBe('/api/ownership/campaigns');
      expect(seen[0].headers.get('content-type')).toBe('application/json');
      expect(seen[0].body).toEqual(input);
      const keys = seen.map(s => s.headers.get('idempotency-key'));
      expect(keys[0]).toMatch(UUID);
      expect(keys[1]).toMatch(UUID);
      expect(keys[0]).not.toBe(keys[1]);
    });

    it('sends the key it is given, so a repeated request is a replay', async () => {
      const seen = serve(campaign(), 200);

      await client.createCampaign(input, { idempotencyKey: 'k-1' });
      await client.createCampaign(input, { idempotencyKey: 'k-1' });

      expect(seen.map(s => s.headers.get('idempotency-key'))).toEqual([
        'k-1',
        'k-1',
      ]);
    });

    it('rejects with the 400 naming the field', async () => {
      server.use(
        http.post(`${baseUrl}/campaigns`, () =>
          errorResponse(400, 'InputError', 'dueAt must be after opensAt'),
        ),
      );

      const error = await client.createCampaign(input).catch(e => e);

      expect(error).toBeInstanceOf(ResponseError);
      expect(error.statusCode).toBe(400);
      expect(error.body.error.message).toBe('dueAt must be after opensAt');
    });
  });

  it('reads one campaign from /campaigns/{id}', async () => {
    const details = campaignDetails();
    const seen = serve(details);

    await expect(client.getCampaign(7)).resolves.toEqual(details);

    expect(seen[0].url.pathname).toBe('/api/ownership/campaigns/7');
  });

  it('closes a campaign with POST /campaigns/{id}/close and no body', async () => {
    const seen = serve(campaign({ state: 'closed', digest: 'ab12' }));

    await expect(client.closeCampaign(7)).resolves.toMatchObject({
      state: 'closed',
    });

    expect(seen[0].method).toBe('POST');
    expect(seen[0].url.pathname).toBe('/api/ownership/campaigns/7/close');
    expect(seen[0].body).toBeUndefined();
  });

  it('surfaces the 409 of closing a closed campaign', async () => {
    server.use(
      http.post(`${baseUrl}/campaigns/7/close`, () =>
        errorResponse(409, 'ConflictError', 'Campaign 7 is already closed'),
      ),
    );

    const error = await client.closeCampaign(7).catch(e => e);

    expect(error.statusCode).toBe(409);
    expect(error.cause.message).toBe('Campaign 7 is already closed');
  });

  it('lists items with team, answer, pending and paging', async () => {
    const body = { items: [campaignItem('payments-api')] };
    const seen = serve(body);

    await expect(
      client.listCampaignItems(7, {
        team: 'group:default/payments',
        answer: 'not-ours',
        pending: false,
        limit: 50,
        cursor: 'x',
      }),
    ).resolves.toEqual(body);

    expect(seen[0].url.pathname).toBe('/api/ownership/campaigns/7/items');
    expect(seen[0].url.search).toBe(
      '?team=group%3Adefault%2Fpayments&answer=not-ours&pending=false&limit=50&cursor=x',
    );
  });

  describe('attest', () => {
    it('posts the answer with a fresh Idempotency-Key', async () => {
      const input = {
        entityRef: 'component:default/payments-api',
        answer: 'transfer' as const,
        transferTo: 'group:default/search',
        comment: 'They run it now',
      };
      const stored = attestationOf(7, input);
      const seen = serve(stored, 201);

      await expect(client.attest(7, input)).resolves.toEqual(stored);
      await client.attest(7, input);

      expect(seen[0].method).toBe('POST');
      expect(seen[0].url.pathname).toBe(
        '/api/ownership/campaigns/7/attestations',
      );
      expect(seen[0].body).toEqual(input);
      expect(seen[0].headers.get('idempotency-key')).toMatch(UUID);
      expect(seen[0].headers.get('idempotency-key')).not.toBe(
        seen[1].headers.get('idempotency-key'),
      );
    });

    it('sends a given key', async () => {
      const seen = serve(
        attestationOf(7, { entityRef: 'a', answer: 'confirm' }),
      );

      await client.attest(
        7,
        { entityRef: 'a', answer: 'confirm' },
        { idempotencyKey: 'same' },
      );

      expect(seen[0].headers.get('idempotency-key')).toBe('same');
    });

    it.each([
      [
        403,
        'NotAllowedError',
        'needs the permission ownership.attestation.create',
      ],
      [409, 'ConflictError', 'Campaign 7 is closed'],
    ])('rejects with the %s', async (status, name, message) => {
      server.use(
        http.post(`${baseUrl}/campaigns/7/attestations`, () =>
          errorResponse(status, name, message),
        ),
      );

      const error = await client
        .attest(7, { entityRef: 'a', answer: 'confirm' })
        .catch(e => e);

      expect(error).toBeInstanceOf(ResponseError);
      expect(error.statusCode).toBe(status);
      expect(error.cause).toMatchObject({ name, message });
    });
  });

  it('reads the answer history of one entity', async () => {
    const body = {
      items: [
        attestationOf(7, {
          entityRef: 'component:default/a',
          answer: 'confirm',
        }),
      ],
    };
    const seen = serve(body);

    await expect(
      client.listAttestations(7, 'component:default/a'),
    ).resolves.toEqual(body);

    expect(seen[0].url.pathname).toBe(
      '/api/ownership/campaigns/7/attestations',
    );
    expect(seen[0].url.searchParams.get('entity')).toBe('component:default/a');
  });

  it('lists pending attestations of the user, or of one entity', async () => {
    const body = { items: [pendingItem('payments-api')], nextCursor: 'n' };
    const seen = serve(body);

    await expect(client.listPendingAttestations()).resolves.toEqual(body);
    await client.listPendingAttestations({
      entity: 'component:default/payments-api',
      limit: 5,
      cursor: 'n',
    });

    expect(seen[0].url.href).toBe(`${baseUrl}/attestations/pending`);
    expect(seen[1].url.search).toBe(
      '?entity=component%3Adefault%2Fpayments-api&limit=5&cursor=n',
    );
  });

  it('builds the evidence URLs without fetching', async () => {
    await expect(client.getCampaignCsvUrl(7)).resolves.toBe(
      `${baseUrl}/campaigns/7/export.csv`,
    );
    await expect(client.getCampaignEvidenceUrl(7)).resolves.toBe(
      `${baseUrl}/campaigns/7/evidence.json`,
    );
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});
