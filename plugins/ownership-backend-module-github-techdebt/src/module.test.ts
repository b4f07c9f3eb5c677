import { createBackendPlugin } from '@backstage/backend-plugin-api';
import {
  mockServices,
  registerMswTestHooks,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  type TechDebtSource,
  ownershipTechDebtSourcesExtensionPoint,
} from '@ownership-portal/plugin-ownership-node';
import { setupServer } from 'msw/node';
import { ghIssue, paginatedIssues } from './__testUtils__/github';
import { GithubTechDebtSource } from './GithubTechDebtSource';
import { ownershipModuleGithubTechDebt } from './module';

/** Stands in for the ownership backend: collects the sources modules add. */
function capturingPlugin(sources: TechDebtSource[]) {
  return createBackendPlugin({
    pluginId: 'ownership',
    register(env) {
      env.registerExtensionPoint(ownershipTechDebtSourcesExtensionPoint, {
        addSource(...added) {
          sources.push(...added);
        },
      });
      env.registerInit({ deps: {}, async init() {} });
    },
  });
}

describe('ownershipModuleGithubTechDebt', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('adds the GitHub source, which reads with the integration token', async () => {
    const sources: TechDebtSource[] = [];
    const logger = mockServices.logger.mock();
    const backend = await startTestBackend({
      features: [
        capturingPlugin(sources),
        ownershipModuleGithubTechDebt,
        logger.factory,
        mockServices.rootConfig.factory({
          data: {
            integrations: {
              github: [{ host: 'github.com', token: 'ghp_module' }],
            },
            ownership: {
              techdebt: { github: { label: 'debt', cacheTtl: '5m' } },
            },
          },
        }),
      ],
    });

    expect(sources).toHaveLength(1);
    expect(sources[0]).toBeInstanceOf(GithubTechDebtSource);
    expect(sources[0].id).toBe('github');
    expect(logger.warn).not.toHaveBeenCalled();

    const requests: Request[] = [];
    server.use(paginatedIssues([ghIssue(7)], { requests }));
    const items = await sources[0].read(
      {
        entityRef: 'component:default/payments-api',
        kind: 'Component',
        annotations: { 'github.com/project-slug': 'acme/payments' },
      },
      { now: new Date() },
    );
    expect(items.map(i => i.id)).toEqual(['#7']);
    expect(requests[0].headers.get('authorization')).toBe('Bearer ghp_module');
    expect(new URL(requests[0].url).searchParams.get('labels')).toBe('debt');
    await backend.stop();
  });

  it('warns once that calls are anonymous without a GitHub token', async () => {
    const sources: TechDebtSource[] = [];
    const logger = mockServices.logger.mock();
    const backend = await startTestBackend({
      features: [
        capturingPlugin(sources),
        ownershipModuleGithubTechDebt,
        logger.factory,
        mockServices.rootConfig.factory({ data: {} }),
      ],
    });
    expect(sources).toHaveLength(1);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('anonymously'),
    );
    await backend.stop();
  });

  it('stops the backend on malformed settings', async () => {
    await expect(
      startTestBackend({
        features: [
          capturingPlugin([]),
          ownershipModuleGithubTechDebt,
          mockServices.rootConfig.factory({
            data: { ownership: { techdebt: { github: { maxPages: 0 } } } },
          }),
        ],
      }),
    ).rejects.toThrow(
      'ownership.techdebt.github.maxPages must be a positive number, got 0',
    );
  });
});
