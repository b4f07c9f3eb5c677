import { deref, openApiDocument, type OpenApiObject } from '../schema/document';

/** The JSON body schema of an operation (`POST`, `/campaigns`), if it has one. */
function bodySchema(method: string, route: string): OpenApiObject | undefined {
  const operation = openApiDocument.paths[route]?.[method.toLowerCase()];
  const body = operation?.requestBody
    ? deref(openApiDocument, operation.requestBody)
    : undefined;
  const schema = body?.content?.['application/json']?.schema;
  return schema ? deref(openApiDocument, schema) : undefined;
}

/** The schema of the property at `path` below `schema`, through `$ref`s and `allOf`. */
function schemaAt(
  schema: OpenApiObject | undefined,
  path: string[],
): OpenApiObject | undefined {
  let current = schema;
  for (const segment of path) {
    if (!current) {
      return undefined;
    }
    current = /^\d+$/.test(segment)
      ? current.items
      : current.properties?.[segment];
    current = current && deref(openApiDocument, current);
  }
  return current;
}

function valueAt(body: unknown, path: string[]): unknown {
  return path.reduce<unknown>(
    (value, segment) =>
      value && typeof value === 'object'
        ? (value as Record<string, unknown>)[segment]
        : undefined,
    body,
  );
}

/**
 * Words one of the validator's body messages by field, e.g. `request/body/scope/include
 * must NOT have additional properties` as `Invalid body field scope.include:
 * unknown field "colour"; it accepts kinds, lifecycles, systems, teams`.
 * Returns `undefined` for messages about something else.
 */
export function rewordBodyMessage(
  part: string,
  request: { method: string; route: string; body: unknown },
): string | undefined {
  const required =
    /^request\/body(\/\S*)? must have required property '([^']+)'$/.exec(part);
  if (required) {
    const parent = (required[1] ?? '').split('/').filter(Boolean);
    return `Missing body field ${[...parent, required[2]].join('.')}`;
  }
  const invalid = /^request\/body(\/\S*)? (.+)$/.exec(part);
  if (!invalid) {
    return undefined;
  }
  const path = (invalid[1] ?? '').split('/').filter(Boolean);
  const field = path.length ? path.join('.') : 'body';
  const reason = invalid[2];
  if (reason === 'must NOT have additional properties') {
    const schema = schemaAt(bodySchema(request.method, request.route), path);
    const value = valueAt(request.body, path);
    const known = Object.keys(schema?.properties ?? {});
    const extra =
      value && typeof value === 'object'
        ? Object.keys(value).filter(key => !known.includes(key))
        : [];
    if (extra.length && known.length) {
      return `Invalid body field ${field}: unknown field${
        extra.length > 1 ? 's' : ''
      } ${extra.map(k => `"${k}"`).join(', ')}; it accepts ${known.join(', ')}`;
    }
  }
  const allowed = schemaAt(
    bodySchema(request.method, request.route),
    path,
  )?.enum;
  return `Invalid body field ${field}: ${reason}${
    allowed ? ` (${allowed.join(', ')})` : ''
  }`;
}
