import { mockServices } from '@backstage/backend-test-utils';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import type { ServiceSummary } from '@ownership-portal/plugin-ownership-common';
import express from 'express';
import { get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServiceQueries } from '../services/query/ServiceQueries';
import { servicesRoutes } from './servicesRoutes';
import { createValidatedRouter } from './validation';

function summary(name: string): ServiceSummary {
  return {
    entityRef: `component:default/${name}`,
    kind: 'Component',
    title: name,
    owner: { status: 'ok', entityRef: 'group:default/team-a' },
    score: 100,
    level: 4,
    findings: [],
  } as unknown as ServiceSummary;
}

/** Serves `/export.csv` over pages that `pages` produce, one call each. */
async function serve(pages: Array<() => Promise<unknown>>) {
  const services = {
    list: jest.fn(async () => {
      const next = pages.shift();
      if (!next) {
        throw new Error('no more pages');
      }
      return next();
    }),
  } as unknown as ServiceQueries;
  const logger = mockServices.logger.mock();
  logger.child.mockReturnValue(logger);
  const middleware = MiddlewareFactory.create({
    config: mockServices.rootConfig(),
    logger,
  });
  const app = express();
  const router = createValidatedRouter();
  servicesRoutes(router, {
    httpAuth: mockServices.httpAuth(),
    services,
    ruleIds: () => ['owner.missing'],
  });
  app.use(router);
  app.use(middleware.error());
  const server: Server = await new Promise(resolve => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return { server, port, logger };
}

/** What a client sees: the status, the body so far, and whether it ended cleanly. */
function download(port: number) {
  return new Promise<{ status?: number; body: string; complete: boolean }>(
    resolve => {
      let body = '';
      let status: number | undefined;
      const req = get(`http://127.0.0.1:${port}/export.csv`, res => {
        status = res.statusCode;
        res.setEncoding('utf8');
        res.on('data', chunk => {
          body += chunk;
        });
        res.on('end', () => resolve({ status, body, complete: res.complete }));
        res.on('aborted', () => resolve({ status, body, complete: false }));
        res.on('error', () => resolve({ status, body, complete: false }));
      });
      req.on('error', () => resolve({ status, body, complete: false }));
    },
  );
}

describe('GET /export.csv', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise(resolve => server?.close(resolve));
    server = undefined;
  });

  it('streams every page and ends the file', async () => {
    const served = await serve([
      async () => ({ items: [summary('a')], nextCursor: 'page-2' }),
      async () => ({ items: [summary('b')] }),
    ]);
    server = served.server;

    const res = await download(served.port);

    expect(res.status).toBe(200);
    expect(res.complete).toBe(true);
    expect(res.body.split('\r\n').filter(Boolean)).toHaveLength(3);
  });

  it('cuts the connection when a later page fails, rather than ending a truncated file', async () => {
    const served = await serve([
      async () => ({ items: [summary('a')], nextCursor: 'page-2' }),
      async () => {
        throw new Error('database went away');
      },
    ]);
    server = served.server;

    const res = await download(served.port);

    // The status went out with the first page, so the client must see the
    // download break off (with or without the first rows), never a file
    // that ends normally.
    expect(res.complete).toBe(false);
    expect(res.body).not.toContain('component:default/b');
    expect(served.logger.error).toHaveBeenCalledWith(
      expect.stringContaining('Request failed with status 500'),
      expect.objectContaining({ message: 'database went away' }),
    );
  });

  it('answers an error status when the first page fails', async () => {
    const served = await serve([
      async () => {
        throw new Error('database went away');
      },
    ]);
    server = served.server;

    const res = await download(served.port);

    expect(res.status).toBe(500);
    expect(res.complete).toBe(true);
    expect(JSON.parse(res.body).error.message).toBe('database went away');
  });
});
