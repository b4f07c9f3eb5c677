import { analyticsApiRef } from '@backstage/core-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { type OwnershipApi, ownershipApiRef } from '../../../api';
import { fakeOwnershipApi } from '../../../testing/fixtures';
import { RunStatus, type RunStatusProps } from '../RunStatus';

/**
 * Renders the run status with the given API, with `ownership.run.create`
 * allowed unless `allowed` is false.
 *
 * usePermission keeps each decision in a cache (SWR) shared by the tests of
 * a file for a while; so a test file renders with one decision only, and the
 * tests without the permission have a file of their own.
 */
export async function renderRunStatus(
  api: Partial<OwnershipApi>,
  options: { allowed?: boolean } & RunStatusProps = {},
) {
  const { allowed = true, ...props } = options;
  const permissionApi = mockApis.permission({
    authorize: allowed ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
  });
  jest.spyOn(permissionApi, 'authorize');
  const analyticsApi = mockApis.analytics.mock();
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [ownershipApiRef, fakeOwnershipApi(api)],
        [permissionApiRef, permissionApi],
        [analyticsApiRef, analyticsApi],
      ]}
    >
      <RunStatus {...props} />
    </TestApiProvider>,
  );
  return { permissionApi, analyticsApi };
}
