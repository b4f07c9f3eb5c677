import type {
  AuthService,
  BackstageCredentials,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { toFullRef } from '../../org/refs';

const TTL_MS = 60_000;
const MAX_USERS = 1_000;
/** Deeper hierarchies than this are cut, as are cycles. */
const MAX_DEPTH = 20;

/**
 * The owners a signed-in user answers for: their ownership refs (themselves
 * and their groups) and every parent of those groups, since a member of a
 * sub-group is a member of the team above it. Remembered per user for a
 * minute.
 */
export class UserTeams {
  static create(deps: {
    userInfo: UserInfoService;
    catalog: CatalogService;
    auth: AuthService;
    now?: () => number;
  }) {
    return new UserTeams({ now: Date.now, ...deps });
  }

  private readonly cache = new Map<
    string,
    { teams: string[]; until: number }
  >();

  private constructor(
    private readonly deps: Parameters<typeof UserTeams.create>[0] & {
      now: () => number;
    },
  ) {}

  /** The user's teams; none for service credentials. */
  async teamsOf(credentials: BackstageCredentials): Promise<string[]> {
    const principal = credentials.principal as { userEntityRef?: string };
    if (!principal.userEntityRef) {
      return [];
    }
    const key = principal.userEntityRef;
    const hit = this.cache.get(key);
    if (hit && hit.until > this.deps.now()) {
      return hit.teams;
    }
    const info = await this.deps.userInfo.getUserInfo(credentials);
    const teams = await this.withParents(
      info.ownershipEntityRefs.map(r => r.toLocaleLowerCase('en-US')),
    );
    if (this.cache.size >= MAX_USERS) {
      this.cache.delete(this.cache.keys().next().value!);
    }
    this.cache.set(key, { teams, until: this.deps.now() + TTL_MS });
    return teams;
  }

  private async withParents(refs: string[]): Promise<string[]> {
    const seen = new Set(refs);
    let frontier = refs.filter(r => r.startsWith('group:'));
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    for (let depth = 0; frontier.length && depth < MAX_DEPTH; depth++) {
      const { items } = await this.deps.catalog.getEntitiesByRefs(
        {
          entityRefs: frontier,
          fields: [
            'kind',
            'metadata.name',
            'metadata.namespace',
            'spec.parent',
          ],
        },
        { credentials },
      );
      frontier = [];
      for (const group of items) {
        const parent = group
          ? toFullRef(group.spec?.parent, {
              defaultKind: 'group',
              defaultNamespace: group.metadata.namespace ?? 'default',
            })
          : undefined;
        if (parent && !seen.has(parent)) {
          seen.add(parent);
          frontier.push(parent);
        }
      }
    }
    return [...seen];
  }
}
