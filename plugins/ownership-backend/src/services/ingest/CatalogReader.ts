import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { AuditScope } from '../../config/scope';

/** Entities per catalog page. */
export const PAGE_SIZE = 500;

/** The fields each part of the audit reads; nothing else leaves the catalog. */
export const FIELDS = {
  audited: [
    'kind',
    'metadata.name',
    'metadata.namespace',
    'metadata.title',
    'metadata.description',
    'metadata.tags',
    'metadata.links',
    'metadata.annotations',
    'spec.type',
    'spec.lifecycle',
    'spec.owner',
    'spec.system',
    'spec.domain',
    'relations',
  ],
  groups: [
    'kind',
    'metadata.name',
    'metadata.namespace',
    'metadata.title',
    'metadata.links',
    'metadata.annotations',
    'spec.type',
    'spec.profile',
    'spec.parent',
    'spec.children',
    'spec.members',
    'relations',
  ],
  users: [
    'kind',
    'metadata.name',
    'metadata.namespace',
    'metadata.title',
    // github.com/user-login, for CODEOWNERS logins.
    'metadata.annotations',
    'spec.profile',
    'spec.memberOf',
    'relations',
  ],
  context: [
    'kind',
    'metadata.name',
    'metadata.namespace',
    'metadata.title',
    'metadata.annotations',
    'spec.owner',
    'spec.domain',
  ],
};

/** The part of the catalog an audit run needs. */
export interface CatalogSnapshot {
  /** Entities in the audit scope. */
  audited: Entity[];
  groups: Entity[];
  users: Entity[];
  /** Systems and Domains, for suggested owners, whether audited or not. */
  context: Entity[];
}

/** The longest wait for one page of the catalog, unless configured. */
const DEFAULT_PAGE_TIMEOUT_MS = 60_000;

/**
 * Reads the catalog page by page with field projections. Each page has a
 * timeout, so a catalog that stops answering fails the read instead of
 * hanging the run.
 */
export class CatalogReader {
  static create(deps: {
    catalog: CatalogService;
    scope: AuditScope;
    /** The longest wait for one page; a minute by default. */
    pageTimeoutMs?: number;
  }) {
    return new CatalogReader(
      deps.catalog,
      deps.scope,
      deps.pageTimeoutMs ?? DEFAULT_PAGE_TIMEOUT_MS,
    );
  }

  private constructor(
    private readonly catalog: CatalogService,
    private readonly scope: AuditScope,
    private readonly pageTimeoutMs: number,
  ) {}

  /**
   * Reads the snapshot of an audit run.
   *
   * @param signal - stops the read between pages (and while it waits for one)
   */
  async read(
    credentials: BackstageCredentials,
    signal?: AbortSignal,
  ): Promise<CatalogSnapshot> {
    const audited = await this.collect(
      this.scope.kinds,
      FIELDS.audited,
      credentials,
      signal,
    );
    const scoped = new Set(
      this.scope.kinds.map(k => k.toLocaleLowerCase('en-US')),
    );
    const contextKinds = ['System', 'Domain'].filter(
      k => !scoped.has(k.toLocaleLowerCase('en-US')),
    );
    const [groups, users, extraContext] = await Promise.all([
      this.collect(['Group'], FIELDS.groups, credentials, signal),
      this.collect(['User'], FIELDS.users, credentials, signal),
      contextKinds.length
        ? this.collect(contextKinds, FIELDS.context, credentials, signal)
        : Promise.resolve([]),
    ]);
    const context = [
      ...audited.filter(e =>
        ['system', 'domain'].includes(e.kind.toLocaleLowerCase('en-US')),
      ),
      ...extraContext,
    ];
    return { audited, groups, users, context };
  }

  private async collect(
    kinds: string[],
    fields: string[],
    credentials: BackstageCredentials,
    signal: AbortSignal | undefined,
  ): Promise<Entity[]> {
    const entities: Entity[] = [];
    const pages = this.catalog
      .streamEntities(
        { filter: { kind: kinds }, fields, pageSize: PAGE_SIZE },
        { credentials },
      )
      [Symbol.asyncIterator]();
    try {
      for (let page = 1; ; page++) {
        const next = await within(
          pages.next(),
          this.pageTimeoutMs,
          signal,
          `The catalog did not answer within ${formatMs(
            this.pageTimeoutMs,
          )} (page ${page} of ${kinds.join(', ')} entities)`,
        );
        if (next.done) {
          return entities;
        }
        entities.push(...next.value);
      }
    } catch (error) {
      // Let the stream clean up, without waiting on a catalog that hangs.
      pages.return?.().catch(() => undefined);
      throw error;
    }
  }
}

function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/**
 * `promise`, unless `ms` pass first (rejects with `message`) or `signal`
 * aborts (rejects with its reason).
 */
function within<T>(
  promise: Promise<T>,
  ms: number,
  signal: AbortSignal | undefined,
  message: string,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      reject(new Error(message));
    }, ms);
    function onAbort() {
      clearTimeout(timer);
      reject(signal!.reason);
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    promise.then(
      value => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        resolve(value);
      },
      error => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
