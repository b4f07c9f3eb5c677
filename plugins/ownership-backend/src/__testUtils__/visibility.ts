import {
  coreServices,
  createServiceFactory,
  type BackstageCredentials,
  type PermissionsService,
} from '@backstage/backend-plugin-api';
import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  type CatalogService,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';

/** The user of the tests who may not read some entities. */
export const OUTSIDER = 'user:default/outsider';

function userOf(credentials: unknown): string | undefined {
  const principal = (credentials as BackstageCredentials | undefined)
    ?.principal as { type?: string; userEntityRef?: string } | undefined;
  return principal?.type === 'user' ? principal.userEntityRef : undefined;
}

/**
 * A catalog that answers {@link OUTSIDER} as if the `hidden` entities did not
 * exist, like a catalog whose permission policy refuses them
 * `catalog.entity.read`, and everyone else (users, the plugin's own service
 * credentials) with everything. Every method is routed, so queries, streams,
 * look-ups by ref and facets all agree.
 */
export function catalogHiding(entities: Entity[], hidden: string[]) {
  const hiddenRefs = new Set(hidden.map(ref => ref.toLocaleLowerCase('en-US')));
  const full = catalogServiceMock({ entities });
  const partial = catalogServiceMock({
    entities: entities.filter(
      e => !hiddenRefs.has(stringifyEntityRef(e).toLocaleLowerCase('en-US')),
    ),
  });
  const catalog = new Proxy(full, {
    get(target, property) {
      const method = (target as unknown as Record<PropertyKey, unknown>)[
        property
      ];
      if (typeof method !== 'function') {
        return method;
      }
      return (...args: unknown[]) => {
        const options = args.find(
          arg =>
            typeof arg === 'object' && arg !== null && 'credentials' in arg,
        ) as { credentials?: unknown } | undefined;
        const source =
          userOf(options?.credentials) === OUTSIDER ? partial : full;
        return (
          (source as unknown as Record<PropertyKey, Function>)[
            property
          ] as Function
        ).apply(source, args);
      };
    },
  }) as CatalogService;
  return createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory: () => catalog,
  });
}

/** Permissions that refuse the given permissions to {@link OUTSIDER} and allow everything else. */
export function permissionsRefusingOutsider(refused: string[]) {
  const decide = (name: string, credentials: unknown) =>
    userOf(credentials) === OUTSIDER && refused.includes(name)
      ? AuthorizeResult.DENY
      : AuthorizeResult.ALLOW;
  const permissions: PermissionsService = {
    async authorize(requests, options) {
      return requests.map(r => ({
        result: decide(r.permission.name, options.credentials),
      })) as never;
    },
    async authorizeConditional(requests, options) {
      return requests.map(r => ({
        result: decide(r.permission.name, options.credentials),
      })) as never;
    },
  };
  return createServiceFactory({
    service: coreServices.permissions,
    deps: {},
    factory: () => permissions,
  });
}
