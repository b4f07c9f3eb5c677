import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

type StreamRequest = Parameters<CatalogService['streamEntities']>[0];
type ByRefsRequest = Parameters<CatalogService['getEntitiesByRefs']>[0];

/** The kinds a filter asks for, when it asks for nothing but kinds. */
function kindsOnly(filter: unknown): string[] | undefined {
  if (!filter || Array.isArray(filter) || typeof filter !== 'object') {
    return undefined;
  }
  const keys = Object.keys(filter);
  if (keys.length !== 1 || keys[0] !== 'kind') {
    return undefined;
  }
  const kind = (filter as { kind: string | string[] }).kind;
  return [kind].flat();
}

/** The entity with only `fields` (dot paths), as the catalog's projection returns it. */
function project(entity: Entity, fields: string[] | undefined): Entity {
  if (!fields) {
    return entity;
  }
  const result: Record<string, any> = {};
  for (const field of fields) {
    const path = field.split('.');
    let from: any = entity;
    for (const key of path) {
      from = from?.[key];
    }
    if (from === undefined) {
      continue;
    }
    let to = result;
    for (const key of path.slice(0, -1)) {
      to[key] ??= {};
      to = to[key];
    }
    to[path[path.length - 1]] = from;
  }
  return result as Entity;
}

/**
 * `catalogServiceMock` with the two reads an audit and a lookup make at
 * scale answered from indexes: pages of kinds (`streamEntities`) and
 * entities by ref. The mock itself filters, sorts and builds a search of
 * every entity for each page, and maps every ref for each by-ref read, which
 * at 100,000 services measures the mock rather than the audit. Everything
 * else is the mock's.
 */
export function indexedCatalogMock(entities: Entity[]): CatalogService {
  const base = catalogServiceMock({ entities });
  const byRef = new Map(entities.map(e => [stringifyEntityRef(e), e]));
  const byKind = new Map<string, Entity[]>();
  for (const entity of entities) {
    const kind = entity.kind.toLocaleLowerCase('en-US');
    const list = byKind.get(kind) ?? [];
    list.push(entity);
    byKind.set(kind, list);
  }
  const indexed: Partial<CatalogService> = {
    async getEntitiesByRefs(request: ByRefsRequest, options) {
      if (request.filter || (request as { query?: unknown }).query) {
        return base.getEntitiesByRefs(request, options);
      }
      return {
        items: request.entityRefs.map(ref => {
          const entity = byRef.get(ref);
          return entity && project(entity, request.fields);
        }),
      };
    },
    async *streamEntities(request: StreamRequest, options) {
      const kinds = kindsOnly(request?.filter);
      if (!kinds || (request as { query?: unknown })?.query) {
        yield* base.streamEntities(request, options);
        return;
      }
      const all = kinds.flatMap(
        k => byKind.get(k.toLocaleLowerCase('en-US')) ?? [],
      );
      const pageSize = request?.pageSize ?? 500;
      for (let at = 0; at < all.length; at += pageSize) {
        yield all
          .slice(at, at + pageSize)
          .map(e => project(e, request?.fields));
      }
    },
  };
  // The mock keeps its entities in a private field: its own methods must be
  // called on it.
  return new Proxy(base, {
    get(target, property, receiver) {
      const own = indexed[property as keyof CatalogService];
      if (own) {
        return own;
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
