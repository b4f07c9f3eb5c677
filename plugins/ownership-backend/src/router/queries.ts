import { z } from 'zod';
import { filterSchema, orderSchema, pageSchema, single } from './params';

const SERVICE_ORDER = [
  'entityRef',
  'title',
  'score',
  'level',
  'findings',
] as const;

const TEAM_ORDER = [
  'entityRef',
  'title',
  'serviceCount',
  'score',
  'errors',
  'findings',
] as const;

/**
 * The query parameters of each operation in `schema/openapi.yaml`, keyed by
 * method and path as the document writes them. The document's validator
 * checks a request before any route runs; these schemas turn the query into
 * the handlers' parameters, add the checks the document cannot express, and
 * word the 400 when the validator rejects a query (see `validation.ts`).
 * Operations that are not listed take no query parameters.
 */
export const querySchemas = {
  'GET /services': filterSchema
    .extend(pageSchema().shape)
    .extend(orderSchema(SERVICE_ORDER).shape),
  'GET /findings': filterSchema.extend(pageSchema().shape),
  'GET /export.csv': filterSchema.extend(orderSchema(SERVICE_ORDER).shape),
  'GET /teams': pageSchema()
    .extend(orderSchema(TEAM_ORDER).shape)
    .extend({ q: single }),
  'GET /runs': pageSchema(100, 20).omit({ cursor: true }),
  'GET /documents': z.object({
    url: z
      .string({ error: 'is required: the file: URL of a document' })
      .trim()
      .max(2000, 'must be at most 2000 characters')
      .refine(url => url.startsWith('file:'), {
        error:
          'must be a file: URL inside ownership.docs.localRoots; open other documents at their own address',
      }),
  }),
  'GET /lookup': pageSchema(50, 10)
    .omit({ cursor: true })
    .extend({
      q: z
        .string({ error: 'is required: the text to look up' })
        .trim()
        .min(1, 'must not be empty')
        .max(200, 'must be at most 200 characters'),
    }),
};

/** An operation with query parameters, e.g. `GET /services`. */
export type QueryOperation = keyof typeof querySchemas;

const noQuery = z.object({});

/** The query schema of an operation; an empty one for operations without parameters. */
export function querySchemaFor(operation: string): z.ZodObject {
  return (querySchemas as Record<string, z.ZodObject>)[operation] ?? noQuery;
}
