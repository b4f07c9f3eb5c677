import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { OwnershipOverview } from '@ownership-portal/plugin-ownership-common';
import type { AuditScope } from '../config/scope';

const PAGE_SIZE = 500;

/** Counts the entities in the audit scope, reading the catalog page by page. */
export class OverviewService {
  static create(deps: { catalog: CatalogService; scope: AuditScope }) {
    return new OverviewService(deps.catalog, deps.scope);
  }

  /** Configured kind spelling by lower-cased kind: the catalog compares kinds case-insensitively. */
  private readonly kindByLowerCase: Map<string, string>;

  private constructor(
    private readonly catalog: CatalogService,
    private readonly scope: AuditScope,
  ) {
    this.kindByLowerCase = new Map(
      scope.kinds.map(k => [k.toLocaleLowerCase('en-US'), k]),
    );
  }

  async getOverview(
    credentials: BackstageCredentials,
  ): Promise<OwnershipOverview> {
    const perKind = new Map<string, number>();
    const lifecycles: Record<string, number> = {};

    const pages = this.catalog.streamEntities(
      {
        filter: { kind: this.scope.kinds },
        fields: ['kind', 'spec.lifecycle'],
        pageSize: PAGE_SIZE,
      },
      { credentials },
    );
    for await (const page of pages) {
      for (const entity of page) {
        const kind =
          this.kindByLowerCase.get(entity.kind.toLocaleLowerCase('en-US')) ??
          entity.kind;
        perKind.set(kind, (perKind.get(kind) ?? 0) + 1);
        const lifecycle = entity.spec?.lifecycle;
        const key =
          typeof lifecycle === 'string' && lifecycle ? lifecycle : 'unknown';
        lifecycles[key] = (lifecycles[key] ?? 0) + 1;
      }
    }

    const kinds = this.scope.kinds.map(kind => ({
      kind,
      count: perKind.get(kind) ?? 0,
    }));
    return {
      scopeKinds: this.scope.kinds,
      kinds,
      total: kinds.reduce((sum, k) => sum + k.count, 0),
      lifecycles,
      generatedAt: new Date().toISOString(),
    };
  }
}
