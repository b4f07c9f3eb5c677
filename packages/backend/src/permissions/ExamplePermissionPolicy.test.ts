import { mockCredentials } from '@backstage/backend-test-utils';
import type { UserInfoService } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import type { PolicyQueryUser } from '@backstage/plugin-permission-node';
import {
  ownershipAttestationCreatePermission,
  ownershipCampaignManagePermission,
  ownershipRunCreatePermission,
  ownershipSummaryReadPermission,
} from '@ownership-portal/plugin-ownership-common';
import {
  AllowAllPermissionPolicy,
  ExamplePermissionPolicy,
} from './ExamplePermissionPolicy';

const MEMBERSHIPS: Record<string, string[]> = {
  'user:default/lea': ['group:default/platform-leads'],
  'user:default/bob': ['group:default/payments'],
};

const userInfo: UserInfoService = {
  async getUserInfo(credentials) {
    const ref = (credentials.principal as { userEntityRef: string })
      .userEntityRef;
    return {
      userEntityRef: ref,
      ownershipEntityRefs: [ref, ...(MEMBERSHIPS[ref] ?? [])],
    };
  },
};

function user(ref: string): PolicyQueryUser {
  const credentials = mockCredentials.user(ref);
  return {
    credentials,
    info: {
      userEntityRef: ref,
      ownershipEntityRefs: [ref, ...(MEMBERSHIPS[ref] ?? [])],
    },
  };
}

const catalogRead = createPermission({
  name: 'catalog.entity.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});

describe('ExamplePermissionPolicy', () => {
  const policy = new ExamplePermissionPolicy({
    adminGroups: ['Group:default/Platform-Leads'],
    userInfo,
  });
  const decide = async (
    permission: Parameters<typeof policy.handle>[0]['permission'],
    who?: PolicyQueryUser,
  ) => (await policy.handle({ permission }, who)).result;

  it('lets members of an admin group start audit runs, and nobody else', async () => {
    expect(
      await decide(ownershipRunCreatePermission, user('user:default/lea')),
    ).toBe(AuthorizeResult.ALLOW);
    expect(
      await decide(ownershipRunCreatePermission, user('user:default/bob')),
    ).toBe(AuthorizeResult.DENY);
    expect(await decide(ownershipRunCreatePermission)).toBe(
      AuthorizeResult.DENY,
    );
  });

  it('lets members of an admin group manage campaigns, and nobody else', async () => {
    expect(
      await decide(ownershipCampaignManagePermission, user('user:default/lea')),
    ).toBe(AuthorizeResult.ALLOW);
    expect(
      await decide(ownershipCampaignManagePermission, user('user:default/bob')),
    ).toBe(AuthorizeResult.DENY);
    expect(await decide(ownershipCampaignManagePermission)).toBe(
      AuthorizeResult.DENY,
    );
  });

  it("lets owners answer for a service: the catalog's isEntityOwner over the user's ownership refs", async () => {
    expect(
      await policy.handle(
        { permission: ownershipAttestationCreatePermission },
        user('user:default/bob'),
      ),
    ).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: {
          claims: ['user:default/bob', 'group:default/payments'],
        },
      },
    });
    expect(await decide(ownershipAttestationCreatePermission)).toBe(
      AuthorizeResult.DENY,
    );
  });

  it('shows organisation-wide figures to every signed-in user', async () => {
    expect(
      await decide(ownershipSummaryReadPermission, user('user:default/bob')),
    ).toBe(AuthorizeResult.ALLOW);
    expect(await decide(ownershipSummaryReadPermission)).toBe(
      AuthorizeResult.DENY,
    );
  });

  it('leaves catalog reads and other permissions as allow-all would', async () => {
    expect(await decide(catalogRead, user('user:default/bob'))).toBe(
      AuthorizeResult.ALLOW,
    );
    expect(
      await decide(
        createPermission({ name: 'scaffolder.action.execute', attributes: {} }),
        user('user:default/bob'),
      ),
    ).toBe(AuthorizeResult.ALLOW);
  });

  it('lets nobody start runs when no admin group is configured', async () => {
    const closed = new ExamplePermissionPolicy({ adminGroups: [], userInfo });
    expect(
      (
        await closed.handle(
          { permission: ownershipRunCreatePermission },
          user('user:default/lea'),
        )
      ).result,
    ).toBe(AuthorizeResult.DENY);
  });
});

describe('AllowAllPermissionPolicy', () => {
  it('allows everything', async () => {
    const policy = new AllowAllPermissionPolicy();
    expect(
      (await policy.handle({ permission: ownershipRunCreatePermission }))
        .result,
    ).toBe(AuthorizeResult.ALLOW);
  });
});
