import {
  coreServices,
  createBackendModule,
  type UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { catalogEntityPermissionResourceRef } from '@backstage/plugin-catalog-node/alpha';
import {
  createConditionAuthorizer,
  type PermissionRuleset,
} from '@backstage/plugin-permission-node';
import { ownershipAttestationCreatePermission } from '@ownership-portal/plugin-ownership-common';
import request from 'supertest';
import { ExamplePermissionPolicy } from './ExamplePermissionPolicy';

jest.setTimeout(60_000);

const LOCATION = 'url:https://example.com/catalog-info.yaml';

function component(name: string, owner: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      annotations: {
        'backstage.io/managed-by-location': LOCATION,
        'backstage.io/managed-by-origin-location': LOCATION,
      },
    },
    spec: { type: 'service', lifecycle: 'production', owner },
  };
}

/** The catalog's rules for its entities, as the running catalog registered them. */
let catalogRules: PermissionRuleset<Entity> | undefined;

/** Feeds the real catalog two services of different teams and exposes its rules. */
const catalogProbe = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'attestation-probe',
  register(reg) {
    reg.registerInit({
      deps: {
        processing: catalogProcessingExtensionPoint,
        registry: coreServices.permissionsRegistry,
      },
      async init({ processing, registry }) {
        catalogRules = registry.getPermissionRuleset(
          catalogEntityPermissionResourceRef,
        );
        processing.addEntityProvider({
          getProviderName: () => 'attestation-probe',
          connect: async connection =>
            connection.applyMutation({
              type: 'full',
              entities: [
                component('payments-api', 'payments'),
                component('routing-api', 'routing'),
              ].map(entity => ({ entity, locationKey: 'attestation-probe' })),
            }),
        });
      },
    });
  },
});

const MEMBERSHIPS: Record<string, string[]> = {
  'user:default/bob': ['group:default/payments'],
};

function ownershipOf(ref: string) {
  return {
    userEntityRef: ref,
    ownershipEntityRefs: [ref, ...(MEMBERSHIPS[ref] ?? [])],
  };
}

const userInfo: UserInfoService = {
  async getUserInfo(credentials) {
    return ownershipOf(
      (credentials.principal as { userEntityRef: string }).userEntityRef,
    );
  },
};

/*
 * The mock auth services cannot carry the permission backend's call to the
 * catalog's apply-conditions endpoint (it needs a user principal with an
 * actor), so the test applies the policy's conditional decision with the
 * catalog's own registered rules to the entities the catalog stitched.
 */
describe('ownership.attestation.create under the example policy, with the catalog rules', () => {
  const policy = new ExamplePermissionPolicy({ adminGroups: [], userInfo });
  let entities: Map<string, Entity>;

  beforeAll(async () => {
    const { server } = await startTestBackend({
      features: [
        catalogPlugin,
        catalogProbe,
        mockServices.rootConfig.factory({
          data: { permission: { enabled: true } },
        }),
      ],
    });
    const refs = [
      'component:default/payments-api',
      'component:default/routing-api',
    ];
    // The processing loop stitches the provided entities with their
    // ownedBy relations; wait until both are there.
    for (;;) {
      const res = await request(server)
        .post('/api/catalog/entities/by-refs')
        .set('authorization', mockCredentials.service.header())
        .send({ entityRefs: refs });
      const items: Array<Entity | null> = res.body.items ?? [];
      if (
        items.length === refs.length &&
        items.every(e => e?.relations?.some(r => r.type === 'ownedBy'))
      ) {
        entities = new Map(items.map((e, i) => [refs[i], e as Entity]));
        break;
      }
      await new Promise(resolve => setTimeout(resolve, 200));
    }
  });

  async function mayAttest(userRef: string, entityRef: string) {
    const decision = await policy.handle(
      { permission: ownershipAttestationCreatePermission },
      {
        credentials: mockCredentials.user(userRef),
        info: ownershipOf(userRef),
      },
    );
    return createConditionAuthorizer(catalogRules!)(
      decision,
      entities.get(entityRef),
    );
  }

  it("allows a member of the owning team to answer for the team's service", async () => {
    expect(
      await mayAttest('user:default/bob', 'component:default/payments-api'),
    ).toBe(true);
  });

  it('denies a member of another team, and a user in no team', async () => {
    expect(
      await mayAttest('user:default/bob', 'component:default/routing-api'),
    ).toBe(false);
    expect(
      await mayAttest('user:default/erin', 'component:default/payments-api'),
    ).toBe(false);
  });
});
