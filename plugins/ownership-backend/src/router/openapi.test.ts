import SwaggerParser from '@apidevtools/swagger-parser';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { Router } from 'express';
import request from 'supertest';
import { loadOpenApiSpec } from '../schema/document';
import { startOwnershipBackend } from '../__testUtils__/backend';
import { exampleCatalog } from '../__testUtils__/entities';
import { createRouter, type RouterDeps } from './index';
import { querySchemaFor } from './queryParams';

const spec = loadOpenApiSpec();
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

type Json = Record<string, any>;

/** Every operation of the document as `METHOD /path`, e.g. `GET /runs/{id}`. */
function specOperations(): string[] {
  return Object.entries(spec.paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter(method => METHODS.includes(method))
      .map(method => `${method.toUpperCase()} ${path}`),
  );
}

/** The operation object for `GET /path`. */
function operation(key: string) {
  const [method, path] = key.split(' ');
  return spec.paths[path][method.toLowerCase()];
}

/** Follows a local `$ref` such as `#/components/parameters/limit`. */
function deref(value: Json): Json {
  if (typeof value?.$ref !== 'string') {
    return value;
  }
  const [, section, name] = /^#\/components\/(\w+)\/(.+)$/.exec(value.$ref)!;
  return deref(spec.components[section][name]);
}

function queryParameters(key: string): Json[] {
  return (operation(key).parameters ?? [])
    .map(deref)
    .filter(p => p.in === 'query');
}

/** Routes registered on an express router and its sub-routers, as `GET /path/{param}`. */
function registeredRoutes(router: Router): string[] {
  const routes: string[] = [];
  const visit = (stack: any[]) => {
    for (const layer of stack) {
      if (layer.route) {
        const path = String(layer.route.path).replace(/:(\w+)/g, '{$1}');
        for (const method of Object.keys(layer.route.methods)) {
          routes.push(`${method.toUpperCase()} ${path}`);
        }
      } else if (Array.isArray(layer.handle?.stack)) {
        if (!layer.regexp.fast_slash) {
          throw new Error(
            `Expected sub-routers at the root, got ${layer.regexp}`,
          );
        }
        visit(layer.handle.stack);
      }
    }
  };
  visit((router as unknown as { stack: any[] }).stack);
  return routes;
}

/**
 * Where the document's query parameters of an operation and the route's
 * query schema disagree: required, defaults, ranges, enums, arrays.
 */
function disagreements(key: string): string[] {
  const shape = querySchemaFor(key).shape as Record<string, any>;
  const problems: string[] = [];
  for (const param of queryParameters(key)) {
    const field = shape[param.name];
    if (!field) {
      continue;
    }
    const accepts = (value: unknown) => field.safeParse(value).success;
    const check = (ok: boolean, what: string) => {
      if (!ok) {
        problems.push(`${param.name}: ${what}`);
      }
    };
    const schema = deref(param.schema);
    check(accepts(undefined) === !param.required, 'required differs');
    if (schema.default !== undefined) {
      const fallback = field.safeParse(undefined).data;
      check(fallback === schema.default, `default ${fallback} in the route`);
    }
    if (schema.type === 'integer') {
      // The validator hands numbers on; the same range must pass.
      check(accepts(schema.minimum), `minimum ${schema.minimum} rejected`);
      check(accepts(schema.maximum), `maximum ${schema.maximum} rejected`);
      check(!accepts(schema.minimum - 1), 'accepts less than the minimum');
      check(!accepts(schema.maximum + 1), 'accepts more than the maximum');
    }
    for (const value of schema.enum ?? []) {
      check(accepts(value), `enum value ${value} rejected`);
    }
    if (schema.enum) {
      check(!accepts('not-a-value'), 'accepts values outside the enum');
    }
    if (schema.type === 'array') {
      check(
        param.style === 'form' && param.explode && param.allowReserved,
        'not a repeatable form parameter that allows commas',
      );
      // Repeated and comma-separated values mean the same.
      const [a, b] = deref(schema.items).anyOf ? ['error', 'info'] : ['a', 'b'];
      check(
        JSON.stringify(field.safeParse([a, b]).data) ===
          JSON.stringify(field.safeParse(`${a},${b}`).data),
        'comma-separated values differ from repeated ones',
      );
    }
  }
  return problems;
}

jest.setTimeout(30_000);

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.0 document', async () => {
    expect(spec.openapi).toBe('3.0.3');
    await expect(
      SwaggerParser.validate(loadOpenApiSpec() as any),
    ).resolves.toBeDefined();
  });

  it('documents every route of the router, and no other', () => {
    const routes = registeredRoutes(createRouter({} as RouterDeps))
      // Served by createValidatedOpenApiRouter itself.
      .filter(route => route !== 'GET /openapi.json');
    expect(new Set(routes).size).toBe(routes.length);
    expect([...routes].sort()).toEqual(specOperations().sort());
  });

  it.each(specOperations())(
    '%s documents the query parameters its route parses',
    key => {
      const shape = querySchemaFor(key).shape;
      expect(
        queryParameters(key)
          .map(p => p.name)
          .sort(),
      ).toEqual(Object.keys(shape).sort());
      expect(disagreements(key)).toEqual([]);
    },
  );
});

/** A schema with `#/components/schemas/X` refs turned into the ids `X`. */
function withSchemaIds<T>(schema: T): T {
  return JSON.parse(
    JSON.stringify(schema).replace(/#\/components\/schemas\//g, ''),
  );
}

/**
 * Checks a response against the document: its status must be listed for the
 * operation (not only as `default`), its content type documented, and a JSON
 * body must match the schema.
 */
function createResponseValidator() {
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  addFormats(ajv);
  ajv.addKeyword('example');
  for (const [name, schema] of Object.entries(
    withSchemaIds(spec.components.schemas),
  )) {
    ajv.addSchema(schema as object, name);
  }
  return (key: string, res: request.Response) => {
    const response = operation(key).responses[String(res.status)];
    const mediaType = String(res.headers['content-type']).split(';')[0];
    const content = response && deref(response).content?.[mediaType];
    expect({
      key,
      status: res.status,
      mediaType,
      documented: !!content,
    }).toEqual({ key, status: res.status, mediaType, documented: true });
    if (mediaType !== 'application/json') {
      return;
    }
    const validate = ajv.compile(withSchemaIds(content.schema));
    validate(res.body);
    expect({ key, status: res.status, errors: validate.errors ?? [] }).toEqual({
      key,
      status: res.status,
      errors: [],
    });
  };
}

describe('API responses', () => {
  const expectDocumented = createResponseValidator();
  let server: Awaited<ReturnType<typeof startOwnershipBackend>>['server'];
  let runId: number;

  beforeAll(async () => {
    const backend = await startOwnershipBackend({ entities: exampleCatalog() });
    server = backend.server;
    runId = (await backend.audit()).id;
  });

  it('serves the document at /openapi.json', async () => {
    const res = await request(server).get('/api/ownership/openapi.json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths).sort()).toEqual(
      Object.keys(spec.paths)
        .map(path => `/api/ownership${path}`)
        .sort(),
    );
  });

  it.each([
    ['GET /services', '/services', 200],
    ['GET /services', '/services?limit=4', 200],
    ['GET /services', '/services?team=payments&severity=error,warning', 200],
    ['GET /services', '/services?limit=0', 400],
    ['GET /services', '/services?colour=red', 400],
    [
      'GET /services/{kind}/{namespace}/{name}',
      '/services/component/default/payments-api',
      200,
    ],
    [
      'GET /services/{kind}/{namespace}/{name}',
      '/services/component/default/invoice-generator',
      200,
    ],
    [
      'GET /services/{kind}/{namespace}/{name}',
      '/services/component/default/experiments',
      200,
    ],
    [
      'GET /services/{kind}/{namespace}/{name}',
      '/services/component/default/nope',
      404,
    ],
    ['GET /findings', '/findings', 200],
    ['GET /findings', '/findings?ruleId=owner.missing&limit=2', 200],
    ['GET /export.csv', '/export.csv?team=payments', 200],
    ['GET /teams', '/teams?orderBy=serviceCount&order=desc', 200],
    ['GET /teams', '/teams?limit=2', 200],
    [
      'GET /teams/{kind}/{namespace}/{name}',
      '/teams/group/default/payments',
      200,
    ],
    [
      'GET /teams/{kind}/{namespace}/{name}',
      '/teams/group/default/engineering',
      200,
    ],
    ['GET /teams/{kind}/{namespace}/{name}', '/teams/group/default/nope', 404],
    ['GET /summary', '/summary', 200],
    ['GET /rules', '/rules', 200],
    ['GET /overview', '/overview', 200],
    ['GET /lookup', '/lookup?q=payments%20api', 200],
    ['GET /lookup', '/lookup?q=alice&limit=3', 200],
    ['GET /lookup', '/lookup?q=nothing-matches-this', 200],
    ['GET /lookup', '/lookup', 400],
    ['GET /runs', '/runs', 200],
    ['GET /runs/latest', '/runs/latest', 200],
    ['GET /runs/{id}', '/runs/{runId}', 200],
    ['GET /runs/{id}', '/runs/9999', 404],
    ['GET /runs/{id}', '/runs/abc', 400],
  ])('%s: %s answers %i as documented', async (key, path, status) => {
    const res = await request(server).get(
      `/api/ownership${path.replace('{runId}', String(runId))}`,
    );
    expect(res.status).toBe(status);
    expectDocumented(key, res);
  });

  it.each([
    ['/runs/abc', 'Invalid path parameter id must be integer, got "abc"'],
    ['/runs/0', 'Invalid path parameter id must be >= 1, got "0"'],
    [
      '/summary?verbose=1',
      'Unknown query parameter verbose; this endpoint takes no query parameters',
    ],
    [
      '/services?team=',
      'Invalid query parameter team: empty value; give a value or leave the parameter out',
    ],
    [
      '/services?limit=1&limit=2',
      'Invalid query parameter limit must be given at most once',
    ],
    [
      '/services?severity=error,fatal',
      'Invalid query parameter severity must be one of error, warning, info, got "fatal"',
    ],
    [
      '/teams?order=up',
      'Invalid query parameter order must be asc or desc, got "up"',
    ],
    [
      '/lookup?q=api&limit=51',
      'Invalid query parameter limit must be a whole number from 1 to 50, got "51"',
    ],
    [
      '/export.csv?limit=5',
      'Unknown query parameter limit; this endpoint accepts team, ruleId, severity, lifecycle, kind, q, orderBy, order',
    ],
  ])(
    'rejects %s before the route runs, naming the parameter',
    async (path, message) => {
      const res = await request(server).get(`/api/ownership${path}`);
      expect(res.status).toBe(400);
      expect(res.body.error).toEqual({ name: 'InputError', message });
    },
  );

  it('answers 401 as documented', async () => {
    const res = await request(server)
      .get('/api/ownership/services')
      .set('authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
    expectDocumented('GET /services', res);
  });

  it('answers POST /runs with 202 and 409 as documented', async () => {
    const catalog = catalogServiceMock({ entities: exampleCatalog() });
    const stream = catalog.streamEntities.bind(catalog);
    let release = () => {};
    const gate = new Promise<void>(resolve => {
      release = resolve;
    });
    catalog.streamEntities = (req, options) =>
      (async function* held() {
        await gate;
        yield* stream(req, options);
      })();
    const backend = await startOwnershipBackend({
      catalog: createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        factory: () => catalog,
      }),
    });
    const started = await request(backend.server).post('/api/ownership/runs');
    expect(started.status).toBe(202);
    expectDocumented('POST /runs', started);
    const conflict = await request(backend.server).post('/api/ownership/runs');
    expect(conflict.status).toBe(409);
    expect(conflict.body.error).toMatchObject({
      name: 'ConflictError',
      message: expect.stringContaining(
        `Audit run ${started.body.id} is already in progress`,
      ),
    });
    expect(conflict.body.response).toEqual({ statusCode: 409 });
    expectDocumented('POST /runs', conflict);
    release();
    let run = started;
    for (let i = 0; i < 200 && run.body.status === 'running'; i++) {
      await new Promise(resolve => setTimeout(resolve, 25));
      run = await request(backend.server).get(
        `/api/ownership/runs/${started.body.id}`,
      );
    }
    expect(run.body.status).toBe('succeeded');
    expectDocumented('GET /runs/{id}', run);
  });

  it('answers POST /runs with 403 as documented', async () => {
    const backend = await startOwnershipBackend({
      entities: exampleCatalog(),
      features: [
        mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
      ],
    });
    const res = await request(backend.server).post('/api/ownership/runs');
    expect(res.status).toBe(403);
    expectDocumented('POST /runs', res);
    // Without ownership.summary.read the figures are refused before anything is read.
    const refused = await request(backend.server).get('/api/ownership/summary');
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('ownership.summary.read');
    expectDocumented('GET /summary', refused);
  });

  it('answers GET /summary with 404 before the first run, as documented', async () => {
    const backend = await startOwnershipBackend({ entities: exampleCatalog() });
    const none = await request(backend.server).get('/api/ownership/summary');
    expect(none.status).toBe(404);
    expectDocumented('GET /summary', none);
  });
});
