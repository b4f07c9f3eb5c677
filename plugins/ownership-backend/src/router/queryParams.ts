import { InputError } from '@backstage/errors';
import { z } from 'zod';
import { deref, openApiDocument, type OpenApiObject } from '../schema/document';
import type { spec } from '../schema/openapi';

/*
 * The query parameters of every operation, read from the OpenAPI document:
 * the document is their only description. The validator in front of the
 * routes checks a request against it; the parsers here turn the query into
 * the handlers' parameters (defaults filled in, repeated and comma-separated
 * values split) and word the 400 that names the parameter, from the same
 * `minimum`, `maximum`, `enum`, `minLength`, `maxLength` and `description`.
 */

type Spec = typeof spec;
type Paths = Spec['paths'];
type Components = Spec['components'];

/** An operation as `METHOD /path`, e.g. `GET /services`. */
type Operation = {
  [P in keyof Paths & string]: `${Uppercase<keyof Paths[P] & string>} ${P}`;
}[keyof Paths & string];

type OperationObject<O> = O extends `${infer M} ${infer P}`
  ? P extends keyof Paths
    ? Lowercase<M> extends keyof Paths[P]
      ? Paths[P][Lowercase<M>]
      : never
    : never
  : never;

type Resolve<X> = X extends {
  readonly $ref: `#/components/${infer S}/${infer N}`;
}
  ? S extends keyof Components
    ? N extends keyof Components[S]
      ? Resolve<Components[S][N]>
      : never
    : never
  : X;

type QueryParameter<O> = OperationObject<O> extends {
  readonly parameters: ReadonlyArray<infer X>;
}
  ? Extract<Resolve<X>, { readonly in: 'query' }>
  : never;

/** A value once parsed: an enum's values; a comma-separated alternative is split away. */
type Value<S> = Resolve<S> extends { readonly enum: ReadonlyArray<infer E> }
  ? E
  : Resolve<S> extends { readonly anyOf: ReadonlyArray<infer A> }
  ? Value<Exclude<A, { readonly pattern: string }>>
  : Resolve<S> extends { readonly type: 'integer' | 'number' }
  ? number
  : Resolve<S> extends { readonly type: 'boolean' }
  ? boolean
  : string;

type ParameterValue<P> = P extends { readonly schema: infer S }
  ? Resolve<S> extends { readonly type: 'array'; readonly items: infer I }
    ? Value<I>[]
    : Value<S>
  : never;

/** Parameters that always have a value once parsed: required, defaulted or lists. */
type Always<P> = P extends
  | { readonly required: true }
  | { readonly schema: { readonly default: unknown } }
  | { readonly schema: { readonly type: 'array' } }
  ? P
  : never;

/** The query of an operation as {@link parseQuery} hands it to the route. */
type ParsedQuery<O extends Operation> = {
  [P in Always<QueryParameter<O>> as P['name']]: ParameterValue<P>;
} & {
  [P in Exclude<
    QueryParameter<O>,
    Always<QueryParameter<O>>
  > as P['name']]?: ParameterValue<P>;
};

const document = openApiDocument;

/** A query parameter given at most once; blank is left out. */
const single = z
  .union([z.string(), z.number(), z.array(z.union([z.string(), z.number()]))])
  .optional()
  .refine(v => !Array.isArray(v), 'must be given at most once')
  .transform(v => {
    if (typeof v === 'number') {
      return String(v);
    }
    return typeof v === 'string' ? v.trim() || undefined : undefined;
  });

/** A query parameter that may be repeated or hold values separated by commas. */
const repeated = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform(value =>
    (value === undefined ? [] : [value].flat())
      .flatMap(v => v.split(','))
      .map(v => v.trim())
      .filter(Boolean),
  );

function oneOf(values: readonly string[]): string {
  return values.length === 2
    ? `must be ${values[0]} or ${values[1]}`
    : `must be one of ${values.join(', ')}`;
}

/** The values of an enum schema, also as the non-pattern member of an `anyOf`. */
function enumValues(schema: OpenApiObject): string[] | undefined {
  const resolved = deref(document, schema);
  if (resolved.enum) {
    return resolved.enum.map(String);
  }
  return (resolved.anyOf as OpenApiObject[] | undefined)
    ?.map(member => enumValues(member))
    .find(Boolean);
}

function choice(values: string[]) {
  return z.enum(values as [string, ...string[]], {
    error: issue => `${oneOf(values)}, got "${String(issue.input)}"`,
  });
}

/** ` from 1 to 500`, ` of at least 1`, or nothing, for a range's message. */
function rangeText(minimum?: number, maximum?: number): string {
  if (minimum !== undefined && maximum !== undefined) {
    return ` from ${minimum} to ${maximum}`;
  }
  if (minimum !== undefined) {
    return ` of at least ${minimum}`;
  }
  return maximum !== undefined ? ` of at most ${maximum}` : '';
}

function wholeNumber(schema: OpenApiObject) {
  const { minimum, maximum } = schema;
  return single.transform((value, ctx) => {
    if (value === undefined) {
      return schema.default as number | undefined;
    }
    const n = Number(value);
    if (
      !Number.isInteger(n) ||
      (minimum !== undefined && n < minimum) ||
      (maximum !== undefined && n > maximum)
    ) {
      ctx.addIssue({
        code: 'custom',
        message: `must be a whole number${rangeText(
          minimum,
          maximum,
        )}, got "${value}"`,
      });
      return z.NEVER;
    }
    return n;
  });
}

/** A required text, e.g. `is required: the text to look up`. */
function requiredText(parameter: OpenApiObject, schema: OpenApiObject) {
  const what = String(parameter.description ?? '')
    .trim()
    .replace(/\.$/, '');
  const { minLength, maxLength } = schema;
  return z.unknown().transform((value, ctx) => {
    const fail = (message: string) => {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    };
    if (Array.isArray(value)) {
      return fail('must be given at most once');
    }
    if (value === undefined) {
      return fail(
        what
          ? `is required: ${what[0].toLocaleLowerCase('en-US')}${what.slice(1)}`
          : 'is required',
      );
    }
    const text = String(value).trim();
    if (minLength !== undefined && text.length < minLength) {
      return fail(
        minLength === 1
          ? 'must not be empty'
          : `must be at least ${minLength} characters`,
      );
    }
    if (maxLength !== undefined && text.length > maxLength) {
      return fail(`must be at most ${maxLength} characters`);
    }
    return text;
  });
}

/** `true` or `false`, as text or as the validator coerced it. */
const flag = z
  .union([z.boolean(), z.string(), z.array(z.unknown())])
  .optional()
  .transform((value, ctx) => {
    if (value === undefined || typeof value === 'boolean') {
      return value;
    }
    const text = typeof value === 'string' ? value.trim() : undefined;
    if (text === 'true' || text === 'false') {
      return text === 'true';
    }
    ctx.addIssue({
      code: 'custom',
      message: Array.isArray(value)
        ? 'must be given at most once'
        : `must be true or false, got "${String(value)}"`,
    });
    return z.NEVER;
  });

/** The parser of one query parameter, from its description in the document. */
function parameterSchema(parameter: OpenApiObject): z.ZodType {
  const schema = deref(document, parameter.schema);
  if (schema.type === 'array') {
    const values = enumValues(schema.items);
    return values ? repeated.pipe(z.array(choice(values))) : repeated;
  }
  if (schema.type === 'integer') {
    return wholeNumber(schema);
  }
  if (schema.type === 'boolean') {
    return flag;
  }
  const values = enumValues(schema);
  if (values) {
    return single.pipe(choice(values).optional());
  }
  return parameter.required ? requiredText(parameter, schema) : single;
}

/** The query schema of every operation, keyed `METHOD /path`. */
const querySchemas = new Map(
  Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => [
      `${method.toUpperCase()} ${path}`,
      z.object(
        Object.fromEntries(
          (operation.parameters ?? [])
            .map(parameter => deref(document, parameter))
            .filter(parameter => parameter.in === 'query')
            .map(parameter => [parameter.name, parameterSchema(parameter)]),
        ),
      ),
    ]),
  ),
);

const noQuery = z.object({});

/**
 * The query schema of an operation (`GET /services`), derived from the
 * document; an empty one for operations without query parameters.
 */
export function querySchemaFor(operation: string): z.ZodObject {
  return querySchemas.get(operation) ?? noQuery;
}

/**
 * Parses query parameters with a schema; throws an `InputError` naming each
 * bad parameter and why, and rejects parameters the endpoint does not know.
 */
export function parseQueryWith(schema: z.ZodObject, query: unknown): unknown {
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

/**
 * The query of a request to `operation`, parsed as the document describes
 * it; an `InputError` (400) naming the parameter otherwise.
 */
export function parseQuery<O extends Operation>(
  operation: O,
  query: unknown,
): ParsedQuery<O> {
  // The type is derived from the same document as the schema.
  return parseQueryWith(querySchemaFor(operation), query) as ParsedQuery<O>;
}
