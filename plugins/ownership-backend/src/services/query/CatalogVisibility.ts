import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';

const TTL_MS = 30_000;
const MAX_PRINCIPALS = 1_000;
const MAX_REFS_PER_PRINCIPAL = 50_000;
/** Refs asked of the catalog per request. */
const REFS_PER_REQUEST = 500;

function principalKey(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  return `${principal.type}:${
    principal.userEntityRef ?? principal.subject ?? ''
  }`;
}

/**
 * Which entities a caller may read, asked of the catalog with the caller's
 * own credentials so that the catalog's permission policy decides. Answers
 * are remembered per caller for 30 seconds so that the incident lookup stays fast.
 */
export class CatalogVisibility {
  static create(deps: { catalog: CatalogService; now?: () => number }) {
    return new CatalogVisibility(deps.catalog, deps.now ?? Date.now);
  }

  private readonly cache = new Map<
    string,
    Map<string, { readable: boolean; until: number }>
  >();

  private constructor(
    private readonly catalog: CatalogService,
    private readonly now: () => number,
  ) {}

  /** Keeps the items whose `entityRef` the caller may read, in order. */
  async filter<T extends { entityRef: string }>(
    items: T[],
    credentials: BackstageCredentials,
  ): Promise<T[]> {
    if (items.length === 0) {
      return items;
    }
    const readable = await this.readable(
      items.map(i => i.entityRef),
      credentials,
    );
    return items.filter(i => readable.has(i.entityRef));
  }

  /** The subset of `refs` the caller may read. */
  async readable(
    refs: string[],
    credentials: BackstageCredentials,
  ): Promise<Set<string>> {
    const key = principalKey(credentials);
    const now = this.now();
    const known = this.cacheFor(key);
    const result = new Set<string>();
    const unknown: string[] = [];
    for (const ref of new Set(refs)) {
      const hit = known.get(ref);
      if (hit && hit.until > now) {
        if (hit.readable) {
          result.add(ref);
        }
      } else {
        unknown.push(ref);
      }
    }
    for (let start = 0; start < unknown.length; start += REFS_PER_REQUEST) {
      const batch = unknown.slice(start, start + REFS_PER_REQUEST);
      const { items } = await this.catalog.getEntitiesByRefs(
        { entityRefs: batch, fields: ['kind', 'metadata.name'] },
        { credentials },
      );
      batch.forEach((ref, i) => {
        const readable = !!items[i];
        known.set(ref, { readable, until: now + TTL_MS });
        if (readable) {
          result.add(ref);
        }
      });
    }
    return result;
  }

  /** Whether the caller may read one entity. */
  async canRead(
    ref: string,
    credentials: BackstageCredentials,
  ): Promise<boolean> {
    return (await this.readable([ref], credentials)).has(ref);
  }

  private cacheFor(key: string) {
    let known = this.cache.get(key);
    if (known && known.size > MAX_REFS_PER_PRINCIPAL) {
      known.clear();
    }
    if (!known) {
      if (this.cache.size >= MAX_PRINCIPALS) {
        this.cache.delete(this.cache.keys().next().value!);
      }
      known = new Map();
      this.cache.set(key, known);
    }
    return known;
  }
}
