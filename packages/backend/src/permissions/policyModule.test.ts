import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  ownershipRunCreatePermission,
  ownershipSummaryReadPermission,
} from '@ownership-portal/plugin-ownership-common';
import permissionPlugin from '@backstage/plugin-permission-backend';
import request from 'supertest';
import { permissionModulePolicyFromConfig } from './policyModule';

jest.setTimeout(30_000);

const userInfo = createServiceFactory({
  service: coreServices.userInfo,
  deps: {},
  factory: () => ({
    async getUserInfo(credentials) {
      const ref = (credentials.principal as { userEntityRef: string })
        .userEntityRef;
      const groups =
        ref === 'user:default/lea' ? ['group:default/platform-leads'] : [];
      return { userEntityRef: ref, ownershipEntityRefs: [ref, ...groups] };
    },
  }),
});

async function start(permission: object) {
  const { server } = await startTestBackend({
    features: [
      permissionPlugin,
      permissionModulePolicyFromConfig,
      userInfo,
      mockServices.rootConfig.factory({
        data: { permission: { enabled: true, ...permission } },
      }),
    ],
  });
  return async (userRef: string) => {
    const res = await request(server)
      .post('/api/permission/authorize')
      .set('authorization', mockCredentials.user.header(userRef))
      .send({
        items: [
          { id: 'run', permission: ownershipRunCreatePermission },
          { id: 'summary', permission: ownershipSummaryReadPermission },
        ],
      });
    expect(res.status).toBe(200);
    return Object.fromEntries(
      res.body.items.map((i: { id: string; result: string }) => [
        i.id,
        i.result,
      ]),
    );
  };
}

describe('permissionModulePolicyFromConfig', () => {
  it('runs the example policy from config through the permission backend', async () => {
    const decide = await start({
      policy: 'example',
      examplePolicy: { adminGroups: ['platform-leads'] },
    });

    expect(await decide('user:default/lea')).toEqual({
      run: 'ALLOW',
      summary: 'ALLOW',
    });
    expect(await decide('user:default/bob')).toEqual({
      run: 'DENY',
      summary: 'ALLOW',
    });
  });

  it('runs allow-all when the development config asks for it', async () => {
    const decide = await start({ policy: 'allow-all' });

    expect(await decide('user:default/bob')).toEqual({
      run: 'ALLOW',
      summary: 'ALLOW',
    });
  });

  it('uses the example policy when permission.policy is not set', async () => {
    const decide = await start({});

    expect(await decide('user:default/lea')).toEqual({
      run: 'DENY',
      summary: 'ALLOW',
    });
  });

  it('refuses an unknown policy or a bad admin group, naming the key', async () => {
    await expect(start({ policy: 'deny-all' })).rejects.toThrow(
      'Invalid config permission.policy: "deny-all"; use one of allow-all, example',
    );
    await expect(
      start({
        policy: 'example',
        examplePolicy: { adminGroups: ['user:default/lea'] },
      }),
    ).rejects.toThrow(
      'Invalid config permission.examplePolicy.adminGroups: "user:default/lea" is not a Group ref',
    );
  });
});
