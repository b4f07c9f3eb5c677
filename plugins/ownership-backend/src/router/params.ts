import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { z } from 'zod';

const SEVERITIES = ['error', 'warning', 'info'] as const;

/** A query parameter that may be given once or repeated. */
const repeated = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform(value =>
    (value === undefined ? [] : [value].flat())
      .flatMap(v => v.split(','))
      .map(v => v.trim())
      .filter(Boolean),
  );

/**
 * A query parameter given at most once. The OpenAPI validator in front of the
 * routes has already turned numeric parameters into numbers.
 */
export const single = z
  .union([z.string(), z.number(), z.array(z.union([z.string(), z.number()]))])
  .optional()
  .refine(v => !Array.isArray(v), 'must be given at most once')
  .transform(v => {
    if (typeof v === 'number') {
      return String(v);
    }
    return typeof v === 'string' ? v.trim() || undefined : undefined;
  });

function limitParam(max: number, fallback: number) {
  return single.transform((value, ctx) => {
    if (value === undefined) {
      return fallback;
    }
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > max) {
      ctx.addIssue({
        code: 'custom',
        message: `must be a whole number from 1 to ${max}, got "${value}"`,
      });
      return z.NEVER;
    }
    return n;
  });
}

/** Filters shared by `/services`, `/findings` and `/export.csv`. */
export const filterSchema = z.object({
  team: single,
  ruleId: repeated,
  severity: repeated.pipe(
    z.array(
      z.enum(SEVERITIES, {
        error: issue =>
          `must be one of ${SEVERITIES.join(', ')}, got "${String(
            issue.input,
          )}"`,
      }),
    ),
  ),
  lifecycle: repeated,
  kind: repeated,
  q: single,
});

/** The filters as parsed. */
export type FilterParams = z.infer<typeof filterSchema>;

/** Paging parameters. */
export const pageSchema = (max = 500, fallback = 50) =>
  z.object({ limit: limitParam(max, fallback), cursor: single });

/** Sorting parameters; `orderBy` names one of `keys`. */
export const orderSchema = <K extends string>(keys: readonly [K, ...K[]]) =>
  z.object({
    orderBy: single.pipe(
      z
        .enum(keys, {
          error: issue =>
            `must be one of ${keys.join(', ')}, got "${String(issue.input)}"`,
        })
        .optional(),
    ),
    order: single.pipe(
      z
        .enum(['asc', 'desc'], {
          error: issue => `must be asc or desc, got "${String(issue.input)}"`,
        })
        .optional(),
    ),
  });

/**
 * Parses query parameters with a schema; throws an `InputError` naming each
 * bad parameter and why, and rejects parameters the endpoint does not know.
 */
export function parseQuery<T extends z.ZodObject>(
  schema: T,
  query: unknown,
): z.infer<T> {
  const known = new Set(Object.keys(schema.shape));
  const unknown = Object.keys((query ?? {}) as object).filter(
    k => !known.has(k),
  );
  if (unknown.length) {
    throw new InputError(
      `Unknown query parameter${unknown.length > 1 ? 's' : ''} ${unknown.join(
        ', ',
      )}; ${
        known.size
          ? `this endpoint accepts ${[...known].join(', ')}`
          : 'this endpoint takes no query parameters'
      }`,
    );
  }
  const result = schema.safeParse(query ?? {});
  if (!result.success) {
    const problems = result.error.issues.map(
      // The parameter's name, also for one value of a repeated parameter.
      issue => `${String(issue.path[0] ?? 'query')} ${issue.message}`,
    );
    throw new InputError(`Invalid query parameter ${problems.join('; ')}`);
  }
  return result.data;
}

/** A full, lower-case entity ref from `:kind/:namespace/:name` path parameters. */
export function refFromPath(params: {
  kind?: string;
  namespace?: string;
  name?: string;
}): string {
  const { kind, namespace, name } = params;
  if (!kind || !namespace || !name) {
    throw new InputError('Invalid path: expected /:kind/:namespace/:name');
  }
  return stringifyEntityRef({ kind, namespace, name }).toLocaleLowerCase(
    'en-US',
  );
}

/** A full, lower-case entity ref from a query parameter, defaulting to a kind. */
export function refFromParam(
  name: string,
  value: string,
  defaultKind: string,
): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(value, { defaultKind, defaultNamespace: 'default' }),
    ).toLocaleLowerCase('en-US');
  } catch (error) {
    throw new InputError(
      `Invalid query parameter ${name}: "${value}" is not an entity ref (${
        (error as Error).message
      })`,
    );
  }
}
