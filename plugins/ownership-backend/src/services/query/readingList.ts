import type {
  ReadingList,
  ReadingListSource,
} from '@ownership-portal/plugin-ownership-common';

/**
 * A team's reading list as the caller may see it: each document names only
 * the services the caller may read, and a document none of them names is
 * left out (its title and URL would say what a hidden service reads). A
 * runbook a service inherits from its owning Group (`team-link`) counts for
 * that service only when the caller may read the Group too.
 */
export function visibleReadingList(
  list: ReadingList,
  /** Lower-case refs of the services the caller may read. */
  visible: ReadonlySet<string>,
  /** Whether the caller may read the Group that owns a service (by lower-case ref). */
  ownerReadable: (serviceRef: string) => boolean,
): ReadingList {
  const keep = <T extends ReadingListSource & { source?: string }>(
    items: T[],
  ): T[] =>
    items.flatMap(item => {
      const entityRefs = item.entityRefs.filter(ref => {
        const key = ref.toLocaleLowerCase('en-US');
        return (
          visible.has(key) &&
          (item.source !== 'team-link' || ownerReadable(key))
        );
      });
      return entityRefs.length
        ? [{ ...item, entityRef: entityRefs[0], entityRefs }]
        : [];
    });
  return { runbooks: keep(list.runbooks), adrs: keep(list.adrs) };
}
