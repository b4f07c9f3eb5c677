import {
  mockServices,
  startTestBackend,
  type TestBackend,
} from '@backstage/backend-test-utils';
import type { BackendFeature } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { AuditRun } from '@ownership-portal/plugin-ownership-common';
import request from 'supertest';
import { ownershipPlugin } from '../plugin';

/** A test backend running the ownership plugin. */
interface OwnershipTestBackend {
  server: TestBackend['server'];
  /** Starts a run through the API and waits until it has finished. */
  audit(): Promise<AuditRun>;
}

/** Starts a backend with the ownership plugin; scheduled runs stay out of the way. */
export async function startOwnershipBackend(options: {
  entities?: Entity[];
  catalog?: BackendFeature;
  config?: object;
  /** Config beside `ownership`, e.g. `backend.reading` or `integrations`. */
  root?: object;
  features?: BackendFeature[];
}): Promise<OwnershipTestBackend> {
  const { server } = await startTestBackend({
    features: [
      ownershipPlugin,
      options.catalog ??
        catalogServiceMock.factory({ entities: options.entities }),
      mockServices.rootConfig.factory({
        data: {
          ...options.root,
          ownership: {
            schedule: { frequency: { hours: 24 }, initialDelay: { hours: 24 } },
            ...options.config,
          },
        },
      }),
      ...(options.features ?? []),
    ],
  });
  return {
    server,
    async audit(): Promise<AuditRun> {
      const started = await request(server).post('/api/ownership/runs');
      if (started.status !== 202) {
        throw new Error(
          `POST /runs answered ${started.status}: ${started.text}`,
        );
      }
      for (let attempt = 0; attempt < 200; attempt++) {
        const res = await request(server).get(
          `/api/ownership/runs/${started.body.id}`,
        );
        if (res.body.status !== 'running') {
          return res.body;
        }
        await new Promise(resolve => setTimeout(resolve, 25));
      }
      throw new Error(`Audit run ${started.body.id} did not finish`);
    },
  };
}
