import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { Route, Routes, useLocation } from 'react-router-dom';
import { type OwnershipApi, ownershipApiRef } from '../../../api';
import { auditRun, fakeOwnershipApi, page } from '../../../testing/fixtures';
import { AuditDashboard } from '../AuditDashboard';

function Location() {
  const location = useLocation();
  return (
    <div data-testid="location">{`${location.pathname}${location.search}`}</div>
  );
}

/**
 * Renders the dashboard at `/ownership` with the given API (an empty latest
 * run, teams, findings and rules unless given), and the current location in
 * `data-testid="location"`. `ownership.run.create` is denied unless
 * `allowed` is set.
 *
 * usePermission keeps each decision in a cache (SWR) shared by the tests of
 * a file for a while; so a test file renders with one decision only.
 */
export async function renderDashboard(
  api: Partial<OwnershipApi>,
  options: { allowed?: boolean } = {},
) {
  const impl = fakeOwnershipApi({
    getLatestRun: async () => auditRun(),
    listTeams: async () => page([]),
    listFindings: async () => page([]),
    listRules: async () => ({ items: [] }),
    ...api,
  });
  const permissionApi = mockApis.permission({
    authorize: options.allowed ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
  });
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [ownershipApiRef, impl],
        [permissionApiRef, permissionApi],
      ]}
    >
      <Routes>
        <Route path="/ownership/*" element={<AuditDashboard />} />
        <Route path="*" element={null} />
      </Routes>
      <Location />
    </TestApiProvider>,
    {
      routeEntries: ['/ownership'],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
  return impl;
}
