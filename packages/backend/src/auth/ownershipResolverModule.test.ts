import type { Entity } from '@backstage/catalog-model';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import authPlugin from '@backstage/plugin-auth-backend';
import guestProvider from '@backstage/plugin-auth-backend-module-guest-provider';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { authModuleTransitiveOwnership } from './ownershipResolverModule';

jest.setTimeout(30_000);

function group(name: string, parent?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [], ...(parent ? { parent } : {}) },
    relations: parent
      ? [{ type: 'childOf', targetRef: `group:default/${parent}` }]
      : [],
  };
}

function user(name: string, memberOf: string[]): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name, namespace: 'default' },
    spec: { memberOf },
    relations: memberOf.map(g => ({
      type: 'memberOf',
      targetRef: `group:default/${g}`,
    })),
  };
}

// The shape of examples/org: a sub-team under a team under a department,
// and a parent cycle that must not loop.
const entities = [
  group('acme'),
  group('engineering', 'acme'),
  group('payments', 'engineering'),
  group('payments-fraud', 'payments'),
  group('loop-a', 'loop-b'),
  group('loop-b', 'loop-a'),
  user('priya', ['payments-fraud']),
  user('mo', ['loop-a']),
  user('erin', []),
];

/** Signs in through the guest provider, as `npm start` does, and answers the token's ownership. */
async function guestOwnership(userEntityRef: string) {
  const { server } = await startTestBackend({
    features: [
      authPlugin,
      guestProvider,
      authModuleTransitiveOwnership,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          auth: {
            providers: {
              guest: {
                userEntityRef,
                dangerouslyAllowOutsideDevelopment: true,
              },
            },
          },
        },
      }),
    ],
  });
  const res = await request(server)
    .get('/api/auth/guest/refresh')
    .set('x-requested-with', 'XMLHttpRequest');
  expect(res.status).toBe(200);
  return res.body.backstageIdentity.identity.ownershipEntityRefs as string[];
}

describe('authModuleTransitiveOwnership', () => {
  it('gives a sub-team member the team, department and organisation above it', async () => {
    expect(await guestOwnership('user:default/priya')).toEqual([
      'user:default/priya',
      'group:default/payments-fraud',
      'group:default/payments',
      'group:default/engineering',
      'group:default/acme',
    ]);
  });

  it('stops at a parent cycle', async () => {
    expect(await guestOwnership('user:default/mo')).toEqual([
      'user:default/mo',
      'group:default/loop-a',
      'group:default/loop-b',
    ]);
  });

  it('leaves a user without groups with their own ref', async () => {
    expect(await guestOwnership('user:default/erin')).toEqual([
      'user:default/erin',
    ]);
  });
});
