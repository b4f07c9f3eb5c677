import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { AuditScope } from '../../config/scope';

const PAGE_SIZE = 500;

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

/** Reads the catalog page by page with field projections. */
export class CatalogReader {
  static create(deps: { catalog: CatalogService; scope: AuditScope }) {
    return new CatalogReader(deps.catalog, deps.scope);
  }

  private constructor(
    private readonly catalog: CatalogService,
    private readonly scope: AuditScope,
  ) {}

  async read(credentials: BackstageCredentials): Promise<CatalogSnapshot> {
    const audited = await this.collect(
      this.scope.kinds,
      FIELDS.audited,
      credentials,
    );
    const scoped = new Set(
      this.scope.kinds.map(k => k.toLocaleLowerCase('en-US')),
    );
    const contextKinds = ['System', 'Domain'].filter(
      k => !scoped.has(k.toLocaleLowerCase('en-US')),
    );
    const [groups, users, extraContext] = await Promise.all([
      this.collect(['Group'], FIELDS.groups, credentials),
      this.collect(['User'], FIELDS.users, credentials),
      contextKinds.length
        ? this.collect(contextKinds, FIELDS.context, credentials)
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
  ): Promise<Entity[]> {
    const entities: Entity[] = [];
    const pages = this.catalog.streamEntities(
      { filter: { kind: kinds }, fields, pageSize: PAGE_SIZE },
      { credentials },
    );
    for await (const page of pages) {
      entities.push(...page);
    }
    return entities;
  }
}
