import { pathToFileURL } from 'node:url';

const SOURCE_LOCATION = 'backstage.io/source-location';
const MANAGED_BY = 'backstage.io/managed-by-location';

/**
 * Where GitHub looks for a repository's CODEOWNERS file, in its order: the
 * first one that exists is the file.
 */
export const CODEOWNERS_PATHS = [
  '.github/CODEOWNERS',
  'CODEOWNERS',
  'docs/CODEOWNERS',
] as const;

/** The URL of a location reference (`url:https://…`, `file:/abs/path`), or undefined. */
function locationUrl(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  const separator = trimmed?.indexOf(':') ?? -1;
  if (!trimmed || separator <= 0) {
    return undefined;
  }
  const type = trimmed.slice(0, separator);
  const target = trimmed.slice(separator + 1);
  if (type === 'url' && /^https?:\/\//i.test(target) && URL.canParse(target)) {
    return target;
  }
  if (type === 'file' && target) {
    if (target.startsWith('file:')) {
      return URL.canParse(target) ? target : undefined;
    }
    return target.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(target)
      ? pathToFileURL(target).href
      : undefined;
  }
  return undefined;
}

/**
 * A folder of a GitHub (`/owner/repo/tree|blob/ref/…`) or GitLab
 * (`/group/repo/-/tree|blob/ref/…`) URL, cut back to the repository's root
 * at that ref: CODEOWNERS lives at the root, while a monorepo's source
 * locations name sub-folders. Other URLs are kept as they are. A branch name
 * with a slash is cut at its first segment.
 */
function toRepositoryRoot(folder: string): string {
  const url = new URL(folder);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return url.href;
  }
  const match =
    /^(\/.+?\/-\/(?:tree|blob)\/[^/]+\/)/.exec(url.pathname) ??
    /^(\/[^/]+\/[^/]+\/(?:tree|blob)\/[^/]+\/)/.exec(url.pathname);
  if (match) {
    url.pathname = match[1];
    url.search = '';
    url.hash = '';
  }
  return url.href;
}

/**
 * The root folder URL of the repository an entity comes from, ending in
 * `/`: its `backstage.io/source-location` (which the catalog sets for URL
 * locations), else the folder of its `backstage.io/managed-by-location`
 * (for `file:` locations, the folder of the catalog file). Undefined when
 * the entity has neither in a readable form.
 */
export function repositoryRoot(
  annotations: Record<string, string>,
): string | undefined {
  const source = locationUrl(annotations[SOURCE_LOCATION]);
  if (source) {
    return toRepositoryRoot(source.endsWith('/') ? source : `${source}/`);
  }
  const managed = locationUrl(annotations[MANAGED_BY]);
  return managed ? toRepositoryRoot(new URL('.', managed).href) : undefined;
}
