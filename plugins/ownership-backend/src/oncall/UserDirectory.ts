import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { OnCallUser } from '@ownership-portal/plugin-ownership-common';
import { refOf } from '../org/refs';

const MAX_AGE_MS = 10 * 60 * 1000;

function toUser(entity: Entity): OnCallUser {
  const profile = entity.spec?.profile as
    | { displayName?: unknown; email?: unknown }
    | undefined;
  return {
    entityRef: refOf(entity),
    name:
      typeof profile?.displayName === 'string'
        ? profile.displayName
        : entity.metadata.title ?? entity.metadata.name,
    ...(typeof profile?.email === 'string' && { email: profile.email }),
  };
}

/**
 * The catalog's Users by email and by ref, for matching the people on-call
 * providers name. Each audit run hands it the Users it read; between runs
 * it reloads itself (paginated, projected) when older than 10 minutes.
 */
export class UserDirectory {
  static create(deps: {
    catalog: CatalogService;
    auth: AuthService;
    logger: LoggerService;
    now?: () => number;
  }) {
    return new UserDirectory(
      deps.catalog,
      deps.auth,
      deps.logger,
      deps.now ?? Date.now,
    );
  }

  private byEmail = new Map<string, OnCallUser>();
  private byRef = new Map<string, OnCallUser>();
  private loadedAt = -Infinity;
  private loading: Promise<void> | undefined;

  private constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    private readonly logger: LoggerService,
    private readonly now: () => number,
  ) {}

  /**
   * Reloads the directory from the catalog; a reload already under way is
   * joined. Never rejects: a failed reload keeps the directory as it was.
   */
  async refresh(): Promise<void> {
    this.loading ??= this.load().finally(() => {
      this.loading = undefined;
    });
    await this.loading;
  }

  /** Lookups for providers; reloads first when the directory is old. */
  async lookups() {
    if (this.now() - this.loadedAt > MAX_AGE_MS) {
      await this.refresh();
    }
    return {
      userByEmail: (email: string) =>
        this.byEmail.get(email.trim().toLocaleLowerCase('en-US')),
      userByRef: (ref: string) =>
        this.byRef.get(ref.toLocaleLowerCase('en-US')),
    };
  }

  /** Replaces the directory with these User entities, as an audit run read them. */
  update(users: Entity[]) {
    const byEmail = new Map<string, OnCallUser>();
    const byRef = new Map<string, OnCallUser>();
    for (const entity of users) {
      const user = toUser(entity);
      byRef.set(user.entityRef!, user);
      if (user.email) {
        byEmail.set(user.email.toLocaleLowerCase('en-US'), user);
      }
    }
    this.byEmail = byEmail;
    this.byRef = byRef;
    this.loadedAt = this.now();
  }

  private async load() {
    try {
      const users: Entity[] = [];
      const credentials = await this.auth.getOwnServiceCredentials();
      for await (const page of this.catalog.streamEntities(
        {
          filter: { kind: 'User' },
          fields: [
            'kind',
            'metadata.name',
            'metadata.namespace',
            'metadata.title',
            'spec.profile',
          ],
          pageSize: 500,
        },
        { credentials },
      )) {
        users.push(...page);
      }
      this.update(users);
    } catch (error) {
      this.logger.warn(
        `Could not load catalog Users for on-call answers: ${error}`,
      );
      this.loadedAt = this.now();
    }
  }
}
