import { InputError, ResponseError } from '@backstage/errors';
import { registerMswTestHooks } from '@backstage/test-utils';
import type {
  FindingRecord,
  RuleListResponse,
  TeamRollup,
} from '@ownership-portal/plugin-ownership-common';
import { http, HttpResponse, type JsonBodyType } from 'msw';
import { setupServer } from 'msw/node';
import {
  auditRun,
  fakeOwnershipApi,
  lookupMatch,
  onCallAnswer,
  overviewOf,
  page,
  serviceDetails,
  serviceSummary,
  summaryResponse,
  teamDetails,
} from '../testing/fixtures';
import { OwnershipClient } from './OwnershipClient';

const baseUrl = 'http://backend.test/api/ownership';

/** An error response exactly as the backend's error handler writes it. */
function errorResponse(
  status: number,
  name: string,
  message: string,
  request: { method: string; url: string },
) {
  return HttpResponse.json(
    { error: { name, message }, request, response: { statusCode: status } },
    { status },
  );
}

describe('OwnershipClient', () => {
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

  /** Answers every GET with `body` and records the requested URLs. */
  function serve(body: JsonBodyType) {
    const urls: URL[] = [];
    server.use(
      http.get(`${baseUrl}/*`, ({ request }) => {
        urls.push(new URL(request.url));
        return HttpResponse.json(body);
      }),
    );
    return urls;
  }

  beforeEach(() => fetchSpy.mockClear());

  it('reads the overview from /overview', async () => {
    const overview = overviewOf({ Component: 3 }, { production: 3 });
    server.use(
      http.get(`${baseUrl}/overview`, () => HttpResponse.json(overview)),
    );

    await expect(client.getOverview()).resolves.toEqual(overview);
    expect(fetchSpy).toHaveBeenCalledTimes(1);
  });

  it('reads the rules from /rules', async () => {
    const rules: RuleListResponse = {
      items: [
        {
          id: 'owner.missing',
          defaultSeverity: 'error',
          description: 'The entity has no owner, or a placeholder owner.',
          remediation: 'Set spec.owner to the team responsible for it.',
          enabled: true,
          severity: 'error',
          operational: false,
          lifecycles: { production: 'error', experimental: 'warning' },
          options: { placeholders: ['unknown', 'tbd'] },
        },
      ],
    };
    const urls = serve(rules);

    await expect(client.listRules()).resolves.toEqual(rules);
    expect(urls[0].pathname).toBe('/api/ownership/rules');
    expect(urls[0].search).toBe('');
  });

  it('reads the summary from /summary', async () => {
    const summary = summaryResponse();
    const urls = serve(summary);

    await expect(client.getSummary()).resolves.toEqual(summary);
    expect(urls[0].pathname).toBe('/api/ownership/summary');
  });

  describe('listServices', () => {
    it('sends every filter, repeating the repeatable ones, with paging and sorting', async () => {
      const body = page([serviceSummary('payments-api')], {
        totalItems: 31,
        nextCursor: 'eyJvIjoyNX0',
      });
      const urls = serve(body);

      await expect(
        client.listServices(
          {
            team: 'group:default/payments',
            ruleId: ['owner.missing', 'runbook.stale'],
            severity: ['error', 'warning'],
            lifecycle: ['production', 'experimental'],
            kind: ['Component', 'Resource'],
            q: 'ledger',
          },
          { limit: 25, cursor: 'eyJvIjoyNX0', orderBy: 'score', order: 'desc' },
        ),
      ).resolves.toEqual(body);

      expect(urls[0].pathname).toBe('/api/ownership/services');
      expect(urls[0].search).toBe(
        '?team=group%3Adefault%2Fpayments' +
          '&ruleId=owner.missing&ruleId=runbook.stale' +
          '&severity=error&severity=warning' +
          '&lifecycle=production&lifecycle=experimental' +
          '&kind=Component&kind=Resource' +
          '&q=ledger&limit=25&cursor=eyJvIjoyNX0&orderBy=score&order=desc',
      );
    });

    it('sends no query without filters', async () => {
      const urls = serve(page([]));

      await client.listServices();

      expect(urls[0].href).toBe(`${baseUrl}/services`);
    });

    it('leaves out undefined and empty values', async () => {
      const urls = serve(page([]));

      await client.listServices(
        { team: '', ruleId: [], severity: ['error'], q: undefined },
        { limit: undefined, cursor: '' },
      );

      expect(urls[0].search).toBe('?severity=error');
    });

    it('encodes special characters of values', async () => {
      const urls = serve(page([]));
      const q = 'a&b=c d/é+?#%';
      const cursor = 'eyJ+/=';

      await client.listServices({ q, ruleId: ['x&ruleId=y'] }, { cursor });

      expect(urls[0].search).toBe(
        '?ruleId=x%26ruleId%3Dy&q=a%26b%3Dc%20d%2F%C3%A9%2B%3F%23%25&cursor=eyJ%2B%2F%3D',
      );
      expect(urls[0].searchParams.getAll('ruleId')).toEqual(['x&ruleId=y']);
      expect(urls[0].searchParams.get('q')).toBe(q);
      expect(urls[0].searchParams.get('cursor')).toBe(cursor);
    });
  });

  describe('listFindings', () => {
    it('sends the filters with limit and cursor', async () => {
      const finding: FindingRecord = {
        ruleId: 'owner.missing',
        severity: 'error',
        message: 'component:default/legacy-billing has owner "unknown"',
        remediation:
          'In the catalog-info.yaml of component:default/legacy-billing, replace "owner: unknown" with the team responsible for it.',
        entityRef: 'component:default/legacy-billing',
        kind: 'Component',
        title: 'Legacy Billing',
        lifecycle: 'deprecated',
      };
      const body = page([finding]);
      const urls = serve(body);

      await expect(
        client.listFindings(
          { team: 'payments', severity: ['error'], ruleId: ['owner.missing'] },
          { limit: 100, cursor: 'abc' },
        ),
      ).resolves.toEqual(body);

      expect(urls[0].pathname).toBe('/api/ownership/findings');
      expect(urls[0].search).toBe(
        '?team=payments&ruleId=owner.missing&severity=error&limit=100&cursor=abc',
      );
    });

    it('does not send sorting, which /findings rejects', async () => {
      const urls = serve(page([]));

      await client.listFindings({}, { orderBy: 'title', order: 'asc' });

      expect(urls[0].search).toBe('');
    });
  });

  describe('getService', () => {
    it.each([
      ['component:default/payments-api', '/component/default/payments-api'],
      ['payments-api', '/component/default/payments-api'],
      ['billing/invoices', '/component/billing/invoices'],
      ['resource:payments-db', '/resource/default/payments-db'],
      ['API:platform/payments.v2', '/API/platform/payments.v2'],
      ['component:my ns/a#b?c', '/component/my%20ns/a%23b%3Fc'],
    ])('reads %s from /services%s', async (ref, path) => {
      const details = serviceDetails('payments-api');
      const urls = serve(details);

      await expect(client.getService(ref)).resolves.toEqual(details);

      expect(urls[0].pathname).toBe(`/api/ownership/services${path}`);
    });

    it('encodes a slash in the name', async () => {
      const urls = serve(serviceDetails('payments-api'));

      await client.getService('component:default/a/b');

      expect(urls[0].pathname).toBe(
        '/api/ownership/services/component/default/a%2Fb',
      );
    });

    it('rejects a malformed ref without asking the backend', async () => {
      await expect(client.getService('component:')).rejects.toThrow(InputError);
      await expect(client.getService('default/')).rejects.toThrow(
        'Invalid entity ref "default/"',
      );
      expect(fetchSpy).not.toHaveBeenCalled();
    });

    it('surfaces a 404 as a ResponseError with the backend message', async () => {
      server.use(
        http.get(`${baseUrl}/services/:kind/:namespace/:name`, () =>
          errorResponse(
            404,
            'NotFoundError',
            'component:default/nope is not in the latest audit run',
            {
              method: 'GET',
              url: '/api/ownership/services/component/default/nope',
            },
          ),
        ),
      );

      const error = await client.getService('nope').catch(e => e);

      expect(error).toBeInstanceOf(ResponseError);
      expect(error.statusCode).toBe(404);
      expect(error.body.error).toEqual({
        name: 'NotFoundError',
        message: 'component:default/nope is not in the latest audit run',
      });
      expect(error.cause.name).toBe('NotFoundError');
    });
  });

  describe('listTeams', () => {
    it('sends paging, sorting and the text', async () => {
      const rollup: TeamRollup = {
        entityRef: 'group:default/payments',
        title: 'Payments',
        parent: 'group:default/commerce',
        serviceCount: 2,
        directServiceCount: 1,
        findings: { error: 1, warning: 1, info: 0 },
        levels: [0, 1, 1, 0, 0],
        score: 69,
        memberCount: 2,
      };
      const body = page([rollup]);
      const urls = serve(body);

      await expect(
        client.listTeams({
          limit: 20,
          orderBy: 'errors',
          order: 'desc',
          q: 'pay & bill',
        }),
      ).resolves.toEqual(body);

      expect(urls[0].pathname).toBe('/api/ownership/teams');
      expect(urls[0].search).toBe(
        '?limit=20&orderBy=errors&order=desc&q=pay%20%26%20bill',
      );
    });

    it('sends no query without arguments', async () => {
      const urls = serve(page([]));

      await client.listTeams();

      expect(urls[0].href).toBe(`${baseUrl}/teams`);
    });
  });

  describe('getTeam', () => {
    it.each([
      ['payments', '/group/default/payments'],
      ['group:default/payments', '/group/default/payments'],
      ['platform/sre', '/group/platform/sre'],
      ['user:default/alice.ng', '/user/default/alice.ng'],
    ])('reads %s from /teams%s', async (ref, path) => {
      const details = teamDetails('payments');
      const urls = serve(details);

      await expect(client.getTeam(ref)).resolves.toEqual(details);

      expect(urls[0].pathname).toBe(`/api/ownership/teams${path}`);
    });
  });

  describe('getOnCall', () => {
    it('reads the answer from /oncall/{kind}/{namespace}/{name}', async () => {
      const answer = onCallAnswer();
      const urls = serve(answer);

      await expect(client.getOnCall('payments-api')).resolves.toEqual(answer);

      expect(urls[0].pathname).toBe(
        '/api/ownership/oncall/component/default/payments-api',
      );
    });

    it('resolves to undefined when the entity has no rotation (404)', async () => {
      server.use(
        http.get(`${baseUrl}/oncall/:kind/:namespace/:name`, () =>
          errorResponse(
            404,
            'NotFoundError',
            'component:default/batch-job has no on-call rotation: no provider knows one for it or for its owning team',
            {
              method: 'GET',
              url: '/api/ownership/oncall/component/default/batch-job',
            },
          ),
        ),
      );

      await expect(client.getOnCall('batch-job')).resolves.toBeUndefined();
    });

    it('rejects on other errors', async () => {
      server.use(
        http.get(`${baseUrl}/oncall/:kind/:namespace/:name`, () =>
          errorResponse(503, 'ServiceUnavailableError', 'PagerDuty is down', {
            method: 'GET',
            url: '/api/ownership/oncall/component/default/payments-api',
          }),
        ),
      );

      const error = await client.getOnCall('payments-api').catch(e => e);

      expect(error).toBeInstanceOf(ResponseError);
      expect(error.statusCode).toBe(503);
      expect(error.body.error.message).toBe('PagerDuty is down');
    });
  });

  describe('lookup', () => {
    it('sends the text and the limit to /lookup', async () => {
      const body = {
        query: 'payments api',
        items: [
          lookupMatch('payments-api'),
          lookupMatch('payments-worker', { rank: 40, matchedOn: ['owner'] }),
        ],
        runId: 42,
      };
      const urls = serve(body);

      await expect(client.lookup('payments api', 5)).resolves.toEqual(body);

      expect(urls[0].pathname).toBe('/api/ownership/lookup');
      expect(urls[0].search).toBe('?q=payments%20api&limit=5');
    });

    it('leaves out the limit when not given', async () => {
      const urls = serve({ query: 'x', items: [] });

      await client.lookup('#payments');

      expect(urls[0].search).toBe('?q=%23payments');
    });
  });

  describe('getDocument', () => {
    it('asks /documents for the file: URL', async () => {
      const body = {
        url: 'file:///srv/docs/runbooks/payments.md',
        markdown: '# Payments down\n',
        lastModified: '2026-11-02T10:00:00.000Z',
      };
      const urls = serve(body);

      await expect(
        client.getDocument('file:///srv/docs/runbooks/payments.md'),
      ).resolves.toEqual(body);

      expect(urls[0].pathname).toBe('/api/ownership/documents');
      expect(urls[0].searchParams.get('url')).toBe(
        'file:///srv/docs/runbooks/payments.md',
      );
    });

    it('rejects with the reason when the backend will not show it', async () => {
      server.use(
        http.get(`${baseUrl}/documents`, () =>
          errorResponse(
            404,
            'NotFoundError',
            'Cannot show file:///etc/passwd.md: it is outside ownership.docs.localRoots',
            { method: 'GET', url: '/api/ownership/documents' },
          ),
        ),
      );

      const error = await client
        .getDocument('file:///etc/passwd.md')
        .catch(e => e);

      expect(error).toBeInstanceOf(ResponseError);
      expect(error.statusCode).toBe(404);
      expect(error.body.error.message).toContain(
        'outside ownership.docs.localRoots',
      );
    });
  });

  describe('runs', () => {
    it('reads the latest run from /runs/latest', async () => {
      const run = auditRun({ status: 'running', processed: 12, total: 40 });
      const urls = serve(run);

      await expect(client.getLatestRun()).resolves.toEqual(run);

      expect(urls[0].pathname).toBe('/api/ownership/runs/latest');
    });

    it('resolves the latest run to undefined before the first run (404)', async () => {
      server.use(
        http.get(`${baseUrl}/runs/latest`, () =>
          errorResponse(
            404,
            'NotFoundError',
            'No ownership audit run has been started yet',
            { method: 'GET', url: '/api/ownership/runs/latest' },
          ),
        ),
      );

      await expect(client.getLatestRun()).resolves.toBeUndefined();
    });

    it('rejects the latest run on other errors', async () => {
      server.use(
        http.get(`${baseUrl}/runs/latest`, () =>
          errorResponse(401, 'AuthenticationError', 'Missing credentials', {
            method: 'GET',
            url: '/api/ownership/runs/latest',
          }),
        ),
      );

      const error = await client.getLatestRun().catch(e => e);

      expect(error).toBeInstanceOf(ResponseError);
      expect(error.statusCode).toBe(401);
    });

    it('lists runs with a limit', async () => {
      const body = {
        items: [
          auditRun({ id: 43, status: 'running', trigger: 'manual' }),
          auditRun(),
        ],
      };
      const urls = serve(body);

      await expect(client.listRuns(5)).resolves.toEqual(body);

      expect(urls[0].pathname).toBe('/api/ownership/runs');
      expect(urls[0].search).toBe('?limit=5');
    });

    it('lists runs without a limit', async () => {
      const urls = serve({ items: [] });

      await client.listRuns();

      expect(urls[0].href).toBe(`${baseUrl}/runs`);
    });

    it('starts a run with POST /runs (202)', async () => {
      const run = auditRun({
        id: 43,
        status: 'running',
        trigger: 'manual',
        triggeredBy: 'user:default/alice.ng',
        finishedAt: undefined,
        processed: 0,
        total: undefined,
      });
      let method: string | undefined;
      server.use(
        http.post(`${baseUrl}/runs`, ({ request }) => {
          method = request.method;
          return HttpResponse.json(run, {
            status: 202,
            headers: { Location: `runs/${run.id}` },
          });
        }),
      );

      await expect(client.startRun()).resolves.toEqual(run);
      expect(method).toBe('POST');
    });

    it('rejects with a 409 ResponseError while a run is in progress', async () => {
      server.use(
        http.post(`${baseUrl}/runs`, () =>
          errorResponse(
            409,
            'ConflictError',
            'Audit run 43 is already in progress (started 2026-11-28T10:00:00.000Z)',
            { method: 'POST', url: '/api/ownership/runs' },
          ),
        ),
      );

      const error = await client.startRun().catch(e => e);

      expect(error).toBeInstanceOf(ResponseError);
      expect(error.statusCode).toBe(409);
      expect(error.message).toBe('Request failed with 409 Conflict');
      expect(error.cause).toMatchObject({
        name: 'ConflictError',
        message:
          'Audit run 43 is already in progress (started 2026-11-28T10:00:00.000Z)',
      });
    });

    it('rejects with a 403 ResponseError without the permission', async () => {
      server.use(
        http.post(`${baseUrl}/runs`, () =>
          errorResponse(
            403,
            'NotAllowedError',
            'Starting an audit run needs the permission ownership.run.create',
            { method: 'POST', url: '/api/ownership/runs' },
          ),
        ),
      );

      const error = await client.startRun().catch(e => e);

      expect(error).toBeInstanceOf(ResponseError);
      expect(error.statusCode).toBe(403);
      expect(error.cause.name).toBe('NotAllowedError');
      expect(error.body.error.message).toBe(
        'Starting an audit run needs the permission ownership.run.create',
      );
    });
  });

  describe('getExportUrl', () => {
    it('builds the absolute URL of /export.csv without fetching', async () => {
      await expect(
        client.getExportUrl({
          team: 'group:default/payments',
          severity: ['error', 'warning'],
          q: 'a b',
        }),
      ).resolves.toBe(
        `${baseUrl}/export.csv?team=group%3Adefault%2Fpayments&severity=error&severity=warning&q=a%20b`,
      );
      expect(fetchSpy).not.toHaveBeenCalled();
    });

    it('has no query without filters', async () => {
      await expect(client.getExportUrl()).resolves.toBe(
        `${baseUrl}/export.csv`,
      );
    });
  });

  describe('exportCsv', () => {
    it('downloads the selection with the user credentials', async () => {
      server.use(
        http.get(
          `${baseUrl}/export.csv`,
          ({ request }) =>
            new HttpResponse(
              'entity_ref,kind\r\ncomponent:default/a,Component\r\n',
              {
                headers: {
                  'Content-Type': 'text/csv; charset=utf-8',
                  'x-seen-query': new URL(request.url).search,
                },
              },
            ),
        ),
      );
      const blob = await client.exportCsv({ ruleId: ['owner.missing'] });
      expect(await blob.text()).toContain('component:default/a');
      expect(fetchSpy).toHaveBeenCalledWith(
        `${baseUrl}/export.csv?ruleId=owner.missing`,
      );
    });

    it('throws the backend error', async () => {
      server.use(
        http.get(`${baseUrl}/export.csv`, () =>
          errorResponse(400, 'InputError', 'Invalid query parameter team', {
            method: 'GET',
            url: '/export.csv',
          }),
        ),
      );
      await expect(client.exportCsv({ team: 'nope' })).rejects.toMatchObject({
        body: {
          error: {
            name: 'InputError',
            message: 'Invalid query parameter team',
          },
        },
      });
    });
  });

  describe('errors', () => {
    it('throws a ResponseError carrying the backend error', async () => {
      server.use(
        http.get(`${baseUrl}/overview`, () =>
          errorResponse(401, 'AuthenticationError', 'Missing credentials', {
            method: 'GET',
            url: '/api/ownership/overview',
          }),
        ),
      );

      const error = await client.getOverview().catch(e => e);
      expect(error).toBeInstanceOf(ResponseError);
      expect(error.statusCode).toBe(401);
      expect(error.message).toBe('Request failed with 401 Unauthorized');
      expect(error.body.error.message).toBe('Missing credentials');
    });

    it('names the bad parameter of a 400', async () => {
      server.use(
        http.get(`${baseUrl}/services`, () =>
          errorResponse(
            400,
            'InputError',
            'Invalid query parameter severity must be one of error, warning, info, got "fatal"',
            { method: 'GET', url: '/api/ownership/services?severity=fatal' },
          ),
        ),
      );

      const error = await client
        .listServices({ severity: ['fatal' as 'error'] })
        .catch(e => e);

      expect(error).toBeInstanceOf(ResponseError);
      expect(error.cause.name).toBe('InputError');
      expect(error.cause.message).toContain('severity');
    });

    it('surfaces a non-JSON failure as a ResponseError', async () => {
      server.use(
        http.get(
          `${baseUrl}/summary`,
          () =>
            new HttpResponse('upstream connect error', {
              status: 502,
              statusText: 'Bad Gateway',
              headers: { 'Content-Type': 'text/plain' },
            }),
        ),
      );

      const error = await client.getSummary().catch(e => e);

      expect(error).toBeInstanceOf(ResponseError);
      expect(error.statusCode).toBe(502);
      expect(error.body.error.message).toContain('upstream connect error');
    });
  });
});

describe('fakeOwnershipApi', () => {
  it('serves the given methods and rejects the others', async () => {
    const details = serviceDetails('payments-api');
    const api = fakeOwnershipApi({ getService: async () => details });

    await expect(api.getService('payments-api')).resolves.toBe(details);
    await expect(api.startRun()).rejects.toThrow(
      'startRun was not expected in this test',
    );
  });
});
