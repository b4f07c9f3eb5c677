/*
 * One replica of __replica__/replica.test.ts: a real backend (backend-defaults: config
 * from --config files, PostgreSQL, Redis, scheduler, HTTP) with the
 * ownership plugin. Only the catalog is a stand-in, the same in every
 * replica: the example catalog plus a service whose runbook is served over
 * HTTP by the test (so the plugin caches it in Redis), each page of it
 * answered after REPLICA_CATALOG_DELAY_MS, so that runs take a while. When
 * REPLICA_CATALOG_DELAY_FILE names a file that exists, the number it holds
 * replaces that delay from the next page on, so a test can hold a run open.
 */
import { readFileSync } from 'node:fs';
import { createBackend } from '@backstage/backend-defaults';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ownershipPlugin } from '../../plugin';
import { exampleCatalog, service } from '../entities';

const defaultDelayMs = Number(process.env.REPLICA_CATALOG_DELAY_MS ?? 0);
const delayFile = process.env.REPLICA_CATALOG_DELAY_FILE;

function delayMs(): number {
  if (!delayFile) {
    return defaultDelayMs;
  }
  try {
    return Number(readFileSync(delayFile, 'utf8').trim()) || defaultDelayMs;
  } catch {
    return defaultDelayMs;
  }
}
const runbookUrl = process.env.REPLICA_RUNBOOK_URL;

const entities = [
  ...exampleCatalog(),
  ...(runbookUrl
    ? [
        {
          ...service('replica-runbook-reader', 'payments'),
          metadata: {
            name: 'replica-runbook-reader',
            links: [{ url: runbookUrl, title: 'Runbook', type: 'runbook' }],
          },
        },
      ]
    : []),
];

const catalog = catalogServiceMock({ entities });
const stream = catalog.streamEntities.bind(catalog);
catalog.streamEntities = (request, options) =>
  (async function* slowPages() {
    for await (const page of stream(request, options)) {
      await new Promise(resolve => setTimeout(resolve, delayMs()));
      yield page;
    }
  })();

const backend = createBackend();
backend.add(ownershipPlugin);
backend.add(
  createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory: () => catalog,
  }),
);
backend.start().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exitCode = 1;
});
