/** The parts of an entity ref, as the portal's URLs name them. */
interface EntityName {
  kind: string;
  namespace: string;
  name: string;
}

/**
 * Splits a full entity ref (`kind:namespace/name`; the namespace defaults to
 * `default`). Throws a TypeError naming the ref when it has no kind or name.
 */
function parseRef(ref: string): EntityName {
  const match = /^([^:/]+):(?:([^:/]+)\/)?([^:/]+)$/.exec(ref.trim());
  if (!match) {
    throw new TypeError(
      `Invalid entity ref "${ref}": expected "kind:namespace/name", e.g. "group:default/payments"`,
    );
  }
  return { kind: match[1], namespace: match[2] ?? 'default', name: match[3] };
}

/** `kind/namespace/name`, each part URL-encoded, for a path under the portal's API. */
export function refPath(ref: string): string {
  const { kind, namespace, name } = parseRef(ref);
  return [kind, namespace, name].map(encodeURIComponent).join('/');
}
