import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { CodeownersInfo } from '@ownership-portal/plugin-ownership-common';
import type { CatalogVisibility } from './CatalogVisibility';

/**
 * CODEOWNERS default owners as the caller may see them: a mapping to a
 * Group or User the caller may not read is left out, and its handle (which
 * is the repository's text, not the catalog's) counts as unknown, so that
 * nothing tells that the hidden entity exists.
 */
export async function visibleCodeowners(
  codeowners: CodeownersInfo,
  visibility: CatalogVisibility,
  credentials: BackstageCredentials,
): Promise<CodeownersInfo> {
  const refs = [...new Set(codeowners.mapped.map(m => m.entityRef))];
  const readable = refs.length
    ? await visibility.readable(refs, credentials)
    : new Set<string>();
  const hidden = codeowners.mapped.filter(m => !readable.has(m.entityRef));
  if (!hidden.length) {
    return codeowners;
  }
  const hiddenOwners = new Set(hidden.map(m => m.owner));
  return {
    ...codeowners,
    mapped: codeowners.mapped.filter(m => readable.has(m.entityRef)),
    // In the file's order.
    unknownOwners: codeowners.defaultOwners.filter(
      owner =>
        hiddenOwners.has(owner) || codeowners.unknownOwners.includes(owner),
    ),
  };
}
