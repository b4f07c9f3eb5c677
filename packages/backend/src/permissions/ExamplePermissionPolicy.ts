import type {
  BackstageCredentials,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  AuthorizeResult,
  isResourcePermission,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import type {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  ownershipAttestationCreatePermission,
  ownershipCampaignManagePermission,
  ownershipRunCreatePermission,
  ownershipSummaryReadPermission,
} from '@ownership-portal/plugin-ownership-common';

const ALLOW: PolicyDecision = { result: AuthorizeResult.ALLOW };
const DENY: PolicyDecision = { result: AuthorizeResult.DENY };

/**
 * The example policy of the production configuration: it shows the
 * Ownership Portal's permissions in use and leaves everything else as the
 * allow-all policy would.
 *
 * - `ownership.run.create` (starting an audit run by hand) and
 *   `ownership.campaign.manage` (creating, editing and closing audit
 *   campaigns): members of one of the admin groups only.
 * - `ownership.attestation.create` (answering for a service in a campaign):
 *   the service's owners, as a conditional decision with the catalog's
 *   `isEntityOwner` rule over the user's ownership refs (the user and their
 *   groups), which the catalog applies to the entity.
 * - `ownership.summary.read` (organisation-wide figures): every signed-in user.
 * - Every other permission, the catalog's `catalog.entity.read` included:
 *   allowed, so catalog reads are unchanged. Replace this branch with your
 *   organisation's rules; the Ownership Portal follows whatever the catalog
 *   decides.
 *
 * Service-to-service calls never reach a policy: Backstage allows them.
 */
export class ExamplePermissionPolicy implements PermissionPolicy {
  private readonly adminGroups: ReadonlySet<string>;

  constructor(
    private readonly options: {
      /** Full refs of the groups whose members may start runs and manage campaigns, e.g. `group:default/platform-leads`. */
      adminGroups: string[];
      /** Tells which groups a user belongs to. */
      userInfo: UserInfoService;
    },
  ) {
    this.adminGroups = new Set(
      options.adminGroups.map(ref => ref.toLocaleLowerCase('en-US')),
    );
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    switch (permission.name) {
      case ownershipRunCreatePermission.name:
      case ownershipCampaignManagePermission.name:
        return user && (await this.isAdmin(user.credentials)) ? ALLOW : DENY;
      case ownershipAttestationCreatePermission.name:
        if (!user || !isResourcePermission(permission, 'catalog-entity')) {
          return DENY;
        }
        return createCatalogConditionalDecision(
          permission,
          catalogConditions.isEntityOwner({
            claims: user.info.ownershipEntityRefs,
          }),
        );
      case ownershipSummaryReadPermission.name:
        return user ? ALLOW : DENY;
      default:
        return ALLOW;
    }
  }

  private async isAdmin(credentials: BackstageCredentials): Promise<boolean> {
    if (this.adminGroups.size === 0) {
      return false;
    }
    const { ownershipEntityRefs } = await this.options.userInfo.getUserInfo(
      credentials,
    );
    return ownershipEntityRefs.some(ref =>
      this.adminGroups.has(ref.toLocaleLowerCase('en-US')),
    );
  }
}

/** Allows everything: the development policy, so that `npm start` needs no setup. */
export class AllowAllPermissionPolicy implements PermissionPolicy {
  async handle(
    _request: PolicyQuery,
    _user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    return ALLOW;
  }
}
