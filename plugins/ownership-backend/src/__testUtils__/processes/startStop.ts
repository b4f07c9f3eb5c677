/*
 * Child process of __replica__/shutdown.test.ts: starts a backend with the ownership
 * plugin on SQLite, audits the example catalog through the API, stops the
 * backend and returns. It never calls process.exit: the process must end by
 * itself, with no handle left open.
 */
import { startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { AddressInfo } from 'node:net';
import { ownershipPlugin } from '../../plugin';
import { exampleCatalog } from '../entities';

async function main() {
  const backend = await startTestBackend({
    features: [
      ownershipPlugin,
      catalogServiceMock.factory({ entities: exampleCatalog() }),
    ],
  });
  const { port } = backend.server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}/api/ownership`;
  const started = await fetch(`${base}/runs`, { method: 'POST' });
  if (started.status !== 202) {
    throw new Error(`POST /runs answered ${started.status}`);
  }
  const { id } = await started.json();
  let status = 'running';
  while (status === 'running') {
    await new Promise(resolve => setTimeout(resolve, 50));
    status = (await (await fetch(`${base}/runs/${id}`)).json()).status;
  }
  await backend.stop();
  process.stdout.write(`stopped after run ${id} ${status}\n`);
}

main().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exitCode = 1;
});
