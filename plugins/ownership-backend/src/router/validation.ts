import { InputError, isError } from '@backstage/errors';
import type { ErrorRequestHandler, Request } from 'express';
import { createOpenApiRouter } from '../schema/openapi';
import { toInputError } from '../services/query/errors';
import { rewordBodyMessage } from './bodyMessages';
import { parseQueryWith, querySchemaFor } from './queryParams';

/**
 * The router of the API, generated from `schema/openapi.yaml`: its handlers
 * are typed by the document's `EndpointMap`.
 */
export type OwnershipRouter = ReturnType<typeof createOpenApiRouter>;

/**
 * A router that checks every request against `schema/openapi.yaml` before
 * the routes run (Backstage's `createValidatedOpenApiRouterFromGeneratedEndpointMap`:
 * unknown query parameters, types, ranges, enums, required parameters),
 * parses JSON bodies and serves the document at `/openapi.json`.
 *
 * Credentials are not checked here: the routes ask `httpAuth`, which answers
 * 401 (the validator would turn a missing token into a 400).
 */
export function createValidatedRouter(): OwnershipRouter {
  const router = createOpenApiRouter({
    validatorOptions: { validateSecurity: false },
  });
  router.use(explainRejectedRequests());
  return router;
}

/**
 * Answers the parameters the query services refuse
 * (`InvalidParameterError`) as 400s; goes after the routes.
 */
export function answerInvalidParameters(): ErrorRequestHandler {
  return (error, _req, _res, next) => next(toInputError(error));
}

interface OpenApiRequest extends Request {
  /** Set by the validator for requests that match an operation. */
  openapi?: { openApiRoute?: string; pathParams?: Record<string, string> };
}

const LOCATIONS: Record<string, string> = {
  query: 'query',
  params: 'path',
  headers: 'header',
};

/**
 * Words the validator's 400s like the rest of the API. The validator's own
 * messages (`request/query/limit must be >= 1`) say less than the query
 * parsers derived from the document do, so a rejected query is parsed again
 * with the parser of its operation and that message wins (`Invalid query parameter limit must
 * be a whole number from 1 to 500, got "0"`). What only the document checks
 * (path parameter types, empty values) keeps the validator's reason, reworded
 * to name the parameter first.
 */
function explainRejectedRequests(): ErrorRequestHandler {
  return (error, req: OpenApiRequest, _res, next) => {
    const route = req.openapi?.openApiRoute;
    if (!route || !isError(error) || error.name !== 'InputError') {
      next(error);
      return;
    }
    try {
      parseQueryWith(querySchemaFor(`${req.method} ${route}`), req.query);
    } catch (queryError) {
      next(queryError);
      return;
    }
    next(
      new InputError(
        rewordValidatorMessage(error.message, {
          query: req.query,
          params: req.openapi?.pathParams ?? {},
          request: { method: req.method, route, body: req.body },
        }),
      ),
    );
  };
}

/** Rewords the messages of express-openapi-validator; others pass unchanged. */
function rewordValidatorMessage(
  message: string,
  values: {
    query: Record<string, unknown>;
    params: Record<string, unknown>;
    request: { method: string; route: string; body: unknown };
  },
): string {
  return message
    .split(/, (?=request\/)/)
    .map(part => {
      const body = rewordBodyMessage(part, values.request);
      if (body) {
        return body;
      }
      const invalid =
        /^request\/(query|params|headers)\/([^/\s]+)(?:\/\d+)? (.+)$/.exec(
          part,
        );
      if (invalid) {
        const [, where, name, reason] = invalid;
        return `Invalid ${LOCATIONS[where]} parameter ${name} ${reason}${got(
          (where === 'params' ? values.params : values.query)[name],
        )}`;
      }
      const missing =
        /^request\/(query|params|headers) must have required property '([^']+)'$/.exec(
          part,
        );
      if (missing) {
        return `Missing ${LOCATIONS[missing[1]]} parameter ${missing[2]}`;
      }
      const empty = /^Empty value found for query parameter '([^']+)'$/.exec(
        part,
      );
      if (empty) {
        return `Invalid query parameter ${empty[1]}: empty value; give a value or leave the parameter out`;
      }
      const unknown = /^Unknown query parameter '([^']+)'$/.exec(part);
      if (unknown) {
        return `Unknown query parameter ${unknown[1]}`;
      }
      return part;
    })
    .join('; ');
}

function got(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number'
    ? `, got "${value}"`
    : '';
}
