import {
  analyticsApiRef,
  type FetchApi,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import type { ReactElement } from 'react';
import { Route, Routes } from 'react-router-dom';
import { type OwnershipApi, ownershipApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { fakeOwnershipApi } from '../../testing/fixtures';

type CatalogApi = typeof catalogApiRef.T;

/** Groups as the catalog answers a `queryEntities` for Groups. */
export function groupsCatalog(
  groups: Array<{ name: string; title?: string }>,
  totalItems = groups.length,
) {
  const queryEntities = jest.fn(async () => ({
    items: groups.map(g => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: g.name, namespace: 'default', title: g.title },
    })),
    totalItems,
    pageInfo: {},
  }));
  return { queryEntities } as unknown as CatalogApi & {
    queryEntities: typeof queryEntities;
  };
}

/**
 * Renders a view of the ownership page at `route` (matched by `path` when
 * it reads route parameters), with the ownership page mounted at
 * `/ownership`, the catalog's entity pages at `/catalog/...`, and
 * `ownership.campaign.manage` and the other permissions allowed unless
 * `allowed` is false.
 *
 * usePermission caches each decision for a while across the tests of a
 * file, so a file renders with one decision only.
 */
export async function renderView(
  element: ReactElement,
  options: {
    api: Partial<OwnershipApi>;
    allowed?: boolean;
    route?: string;
    path?: string;
    catalogApi?: CatalogApi;
    fetchApi?: FetchApi;
  },
) {
  const { allowed = true, route = '/ownership', path } = options;
  const permissionApi = mockApis.permission({
    authorize: allowed ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
  });
  jest.spyOn(permissionApi, 'authorize');
  const analyticsApi = mockApis.analytics.mock();
  const catalogApi = options.catalogApi ?? groupsCatalog([]);
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [ownershipApiRef, fakeOwnershipApi(options.api)],
        [permissionApiRef, permissionApi],
        [analyticsApiRef, analyticsApi],
        [catalogApiRef, catalogApi],
        ...(options.fetchApi ? [[fetchApiRef, options.fetchApi] as const] : []),
      ]}
    >
      {path ? (
        <Routes>
          <Route path={path} element={element} />
        </Routes>
      ) : (
        element
      )}
    </TestApiProvider>,
    {
      routeEntries: [route],
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        '/ownership': rootRouteRef,
      },
    },
  );
  return { permissionApi, analyticsApi, catalogApi };
}
