import path from 'node:path';
import { pathToFileURL } from 'node:url';

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const READABLE = ['http:', 'https:', 'file:'];
const MANAGED_BY = 'backstage.io/managed-by-location';

/**
 * Resolves a document target as written in an annotation or link: absolute
 * `http(s):` and `file:` URLs are kept as they are; a relative path resolves
 * against the folder of the entity's source location (`file:/abs/catalog-info.yaml`
 * gives a `file:` URL, `url:https://…/catalog-info.yaml` an `https:` URL).
 *
 * @public
 */
export function resolveTarget(
  target: string,
  managedByLocation?: string,
): { url: string } | { error: string } {
  const trimmed = target.trim();
  if (!trimmed) {
    return { error: 'The document target is empty' };
  }

  const scheme = SCHEME.exec(trimmed)?.[1];
  // A single letter followed by a colon is a Windows drive, not a scheme.
  if (scheme && scheme.length > 1) {
    const protocol = `${scheme.toLowerCase()}:`;
    if (!READABLE.includes(protocol)) {
      return {
        error: `Cannot read ${trimmed}: the ${protocol} scheme is not supported; use an http(s): or file: URL, or a path relative to the entity's ${MANAGED_BY}`,
      };
    }
    if (!URL.canParse(trimmed)) {
      return { error: `Cannot read ${trimmed}: it is not a valid URL` };
    }
    return { url: trimmed };
  }

  if (!managedByLocation?.trim()) {
    return {
      error: `Cannot resolve the relative path ${trimmed}: the entity has no ${MANAGED_BY} annotation to resolve it against`,
    };
  }
  return resolveRelative(trimmed, managedByLocation.trim());
}

function resolveRelative(
  target: string,
  location: string,
): { url: string } | { error: string } {
  const separator = location.indexOf(':');
  const type = separator > 0 ? location.slice(0, separator) : '';
  const base = location.slice(separator + 1);

  if (type === 'file') {
    if (base.startsWith('//')) {
      // file:///abs/...: a URL rather than a bare path.
      try {
        return { url: new URL(target, location).href };
      } catch {
        return invalidLocation(target, location);
      }
    }
    const folder = path.dirname(path.resolve(base));
    return { url: pathToFileURL(path.resolve(folder, target)).href };
  }

  if (type === 'url') {
    try {
      const baseUrl = new URL(base);
      if (baseUrl.protocol !== 'http:' && baseUrl.protocol !== 'https:') {
        return invalidLocation(target, location);
      }
      return { url: new URL(target, baseUrl).href };
    } catch {
      return invalidLocation(target, location);
    }
  }

  return {
    error: `Cannot resolve the relative path ${target} against ${MANAGED_BY} ${location}: only file: and url: locations are supported`,
  };
}

function invalidLocation(target: string, location: string) {
  return {
    error: `Cannot resolve the relative path ${target}: ${MANAGED_BY} ${location} is not a valid location`,
  };
}
