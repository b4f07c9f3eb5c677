import { createBackendPlugin } from '@backstage/backend-plugin-api';
import {
  mockServices,
  registerMswTestHooks,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { RegisterCollatorParameters } from '@backstage/plugin-search-backend-node';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { setupServer } from 'msw/node';
import {
  item,
  searchDocumentsHandler,
  type SeenRequest,
} from './__testUtils__/ownershipApi';
import type { OwnershipIndexableDocument } from './collator/toIndexableDocument';
import { searchModuleOwnershipCollator } from './module';

const server = setupServer();
registerMswTestHooks(server);

/** Stands in for the search backend: collects the collators modules add. */
function capturingSearchPlugin(collators: RegisterCollatorParameters[]) {
  return createBackendPlugin({
    pluginId: 'search',
    register(env) {
      env.registerExtensionPoint(searchIndexRegistryExtensionPoint, {
        addCollator(options) {
          collators.push(options);
        },
        addDecorator() {},
      });
      env.registerInit({ deps: {}, async init() {} });
    },
  });
}

describe('searchModuleOwnershipCollator', () => {
  it('adds the ownership collator on the configured schedule, and it reads the ownership API', async () => {
    const collators: RegisterCollatorParameters[] = [];
    const scheduler = mockServices.scheduler.mock();
    const backend = await startTestBackend({
      features: [
        capturingSearchPlugin(collators),
        searchModuleOwnershipCollator,
        scheduler.factory,
        mockServices.discovery.factory(),
        mockServices.rootConfig.factory({
          data: {
            search: {
              collators: {
                ownership: {
                  schedule: {
                    frequency: { seconds: 30 },
                    timeout: { minutes: 2 },
                    initialDelay: { seconds: 5 },
                  },
                },
              },
            },
          },
        }),
      ],
    });

    expect(scheduler.createScheduledTaskRunner).toHaveBeenCalledWith({
      frequency: { seconds: 30 },
      timeout: { minutes: 2 },
      initialDelay: { seconds: 5 },
    });
    expect(collators).toHaveLength(1);
    const { factory } = collators[0];
    expect(factory.type).toBe('ownership');

    const seen: SeenRequest[] = [];
    server.use(
      searchDocumentsHandler({
        items: [item('checkout')],
        seen,
        baseUrl: 'http://localhost:0/api/ownership',
      }),
    );
    const documents: OwnershipIndexableDocument[] = [];
    for await (const document of await factory.getCollator()) {
      documents.push(document);
    }
    expect(documents.map(d => d.location)).toEqual([
      '/catalog/default/component/checkout#ownership',
    ]);
    expect(seen[0].authorization).toMatch(/^Bearer /);
    await backend.stop();
  });

  it("uses the catalog collator's schedule when none is configured", async () => {
    const scheduler = mockServices.scheduler.mock();
    const backend = await startTestBackend({
      features: [
        capturingSearchPlugin([]),
        searchModuleOwnershipCollator,
        scheduler.factory,
      ],
    });
    expect(scheduler.createScheduledTaskRunner).toHaveBeenCalledWith({
      frequency: { minutes: 10 },
      timeout: { minutes: 15 },
      initialDelay: { seconds: 3 },
    });
    await backend.stop();
  });
});
