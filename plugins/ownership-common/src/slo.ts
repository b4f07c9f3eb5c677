import { OWNERSHIP_ANNOTATIONS } from './annotations';

/**
 * Where an entity states its service level objective.
 *
 * @public
 */
export interface SloReference {
  /** The link's URL, or the annotation's value: a URL or a path relative to catalog-info.yaml. */
  target: string;
  title?: string;
  source: 'link' | 'annotation';
}

/**
 * The SLO an entity states: its first link of type `slo`, else the
 * `ownership-portal/slo` annotation; undefined when it states none.
 * `slo.missing` and the pages read it the same way.
 *
 * @public
 */
export function sloOf(entity: {
  links?: ReadonlyArray<{ url?: unknown; title?: unknown; type?: unknown }>;
  annotations?: Readonly<Record<string, unknown>>;
}): SloReference | undefined {
  const link = (entity.links ?? []).find(
    l =>
      typeof l?.type === 'string' &&
      l.type.trim().toLocaleLowerCase('en-US') === 'slo' &&
      typeof l.url === 'string' &&
      l.url.trim(),
  );
  if (link) {
    return {
      target: String(link.url),
      ...(typeof link.title === 'string' &&
        link.title && { title: link.title }),
      source: 'link',
    };
  }
  const annotation = entity.annotations?.[OWNERSHIP_ANNOTATIONS.slo];
  return typeof annotation === 'string' && annotation.trim()
    ? { target: annotation.trim(), source: 'annotation' }
    : undefined;
}
