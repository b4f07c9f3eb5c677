/*
 * The benchmark's backend for organisations too large to ingest through
 * catalog processing on a small machine: the dev backend's auth, permission
 * and ownership plugins, with the catalog replaced by an in-memory
 * catalogServiceMock holding the entities of the JSON file in
 * BENCH_ENTITIES. Everything else (HTTP, auth, the audit, the lookup, the
 * database) is the real thing.
 */
import { createBackend } from '@backstage/backend-defaults';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { readFileSync } from 'node:fs';
import { permissionModulePolicyFromConfig } from '../packages/backend/src/permissions/policyModule';

const file = process.env.BENCH_ENTITIES;
if (!file) {
  throw new Error('BENCH_ENTITIES must name a JSON file of entities');
}
const backend = createBackend();
backend.add(
  catalogServiceMock.factory({
    entities: JSON.parse(readFileSync(file, 'utf8')),
  }),
);
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(permissionModulePolicyFromConfig);
backend.add(import('@ownership-portal/plugin-ownership-backend'));
backend.add(import('@backstage/plugin-mcp-actions-backend'));
backend.start();
