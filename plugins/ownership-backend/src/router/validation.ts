import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { InputError, isError } from '@backstage/errors';
import type { ErrorRequestHandler, Request, Router } from 'express';
import { loadOpenApiSpec } from '../schema/openapi';
import { parseQuery } from './params';
import { querySchemaFor } from './queries';

/**
 * A router that checks every request against `schema/openapi.yaml` before
 * the routes run (Backstage's `createValidatedOpenApiRouter`: unknown query
 * parameters, types, ranges, enums, required parameters), parses JSON bodies
 * and serves the document at `/openapi.json`.
 *
 * Credentials are not checked here: the routes ask `httpAuth`, which answers
 * 401 (the validator would turn a missing token into a 400).
 */
export function createValidatedRouter(): Router {
  const spec = loadOpenApiSpec();
  const router = createValidatedOpenApiRouter(
    spec as unknown as Parameters<typeof createValidatedOpenApiRouter>[0],
    { validatorOptions: { validateSecurity: false } },
  );
  router.use(explainRejectedRequests());
  return router;
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
 * messages (`request/query/limit must be >= 1`) say less than the routes'
 * query schemas do, so a rejected query is parsed again with the schema of
 * its operation and that message wins (`Invalid query parameter limit must
 * be a whole number from 1 to 500, got "0"`). What only the document checks
 * (path parameter types, empty values) keeps the validator's reason, reworded
 * to name the parameter first.
 */
export function explainRejectedRequests(): ErrorRequestHandler {
  return (error, req: OpenApiRequest, _res, next) => {
    const route = req.openapi?.openApiRoute;
    if (!route || !isError(error) || error.name !== 'InputError') {
      next(error);
      return;
    }
    try {
      parseQuery(querySchemaFor(`${req.method} ${route}`), req.query);
    } catch (queryError) {
      next(queryError);
      return;
    }
    next(
      new InputError(
        rewordValidatorMessage(error.message, {
          query: req.query,
          params: req.openapi?.pathParams ?? {},
        }),
      ),
    );
  };
}

/** Rewords the messages of express-openapi-validator; others pass unchanged. */
export function rewordValidatorMessage(
  message: string,
  values: { query: Record<string, unknown>; params: Record<string, unknown> },
): string {
  return message
    .split(/, (?=request\/)/)
    .map(part => {
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
