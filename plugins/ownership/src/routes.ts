import { createRouteRef } from '@backstage/core-plugin-api';

/** The ownership dashboard page. */
export const rootRouteRef = createRouteRef({ id: 'ownership' });
