/*
 * The benchmark's backend for organisations too large to ingest through
 * catalog processing on a small machine: the dev backend's auth, permission
 * and ownership plugins, with the catalog replaced by an in-memory
 * catalogServiceMock (indexed for the reads an audit makes) holding the entities of the JSON file in
 * BENCH_ENTITIES. Everything else (HTTP, auth, the audit, the lookup, the
 * database) is the real thing.
 */
import { createBackend } from '@backstage/backend-defaults';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { readFileSync } from 'node:fs';
import { permissionModulePolicyFromConfig } from '../packages/backend/src/permissions/policyModule';
import { indexedCatalogMock } from './lib/indexedCatalogMock';

const file = process.env.BENCH_ENTITIES;
if (!file) {
  throw new Error('BENCH_ENTITIES must name a JSON file of entities');
}
const backend = createBackend();
const entities = JSON.parse(readFileSync(file, 'utf8'));
backend.add(
  createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory: () => indexedCatalogMock(entities),
  }),
);
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(permissionModulePolicyFromConfig);
backend.add(import('@ownership-portal/plugin-ownership-backend'));
backend.start();
