import type {
  ReadingList,
  ReadingListSource,
} from '@ownership-portal/plugin-ownership-common';

/**
 * A team's reading list as the caller may see it: each document names only
 * the services the caller may read, and a document none of them names is
 * left out (its title and URL would say what a hidden service reads).
 */
export function visibleReadingList(
  list: ReadingList,
  /** Lower-case refs of the services the caller may read. */
  visible: ReadonlySet<string>,
): ReadingList {
  const keep = <T extends ReadingListSource>(items: T[]): T[] =>
    items.flatMap(item => {
      const entityRefs = item.entityRefs.filter(ref =>
        visible.has(ref.toLocaleLowerCase('en-US')),
      );
      return entityRefs.length
        ? [{ ...item, entityRef: entityRefs[0], entityRefs }]
        : [];
    });
  return { runbooks: keep(list.runbooks), adrs: keep(list.adrs) };
}
