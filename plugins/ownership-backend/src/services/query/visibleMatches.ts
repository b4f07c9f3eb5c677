import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { LookupMatch } from '@ownership-portal/plugin-ownership-common';
import type { CatalogVisibility } from './CatalogVisibility';
import { readableOwners, visibleOwner } from './visibleOwner';

/**
 * Lookup matches as the caller may see them, in rank order: only entities
 * the caller may read; not one that matched only on the title of an owning
 * Group the caller may not read (answering it would spell out that title);
 * and for such an owner, nothing of the Group: no title, no contacts, no
 * runbook inherited from it.
 */
export async function visibleMatches(
  items: LookupMatch[],
  query: string,
  visibility: CatalogVisibility,
  credentials: BackstageCredentials,
): Promise<LookupMatch[]> {
  const readable = await visibility.filter(items, credentials);
  const canRead = await readableOwners(
    readable.map(item => item.owner),
    visibility,
    credentials,
  );
  return readable.flatMap(match => {
    if (canRead(match.owner)) {
      return [match];
    }
    if (onlyOwnerTitle(match, query)) {
      return [];
    }
    const { topRunbook, ...rest } = match;
    return [
      {
        ...rest,
        owner: visibleOwner(match.owner, canRead),
        ...(topRunbook?.source !== 'team-link' && topRunbook && { topRunbook }),
      },
    ];
  });
}

/**
 * Whether a match can only have come from the owner's title: it matched on
 * the owner alone, and the owner's name (from the entity's own `spec.owner`)
 * does not hold every word of the query.
 */
function onlyOwnerTitle(match: LookupMatch, query: string): boolean {
  if (match.matchedOn.some(field => field !== 'owner')) {
    return false;
  }
  const ref = (
    match.owner.entityRef ??
    match.owner.raw ??
    ''
  ).toLocaleLowerCase('en-US');
  const name = ref.slice(ref.lastIndexOf('/') + 1);
  return !query
    .toLocaleLowerCase('en-US')
    .split(/\s+/)
    .filter(Boolean)
    .every(word => name.includes(word));
}
