import type { Entity } from '@backstage/catalog-model';
import type {
  CodeownersInfo,
  OwnerResolution,
  SuggestedOwner,
} from '@ownership-portal/plugin-ownership-common';
import { readOwnerRef } from '@ownership-portal/plugin-ownership-rules';
import type { OwnersConfig } from '../../config/owners';
import type { CodeownersMapper } from '../../docs/codeowners/types';
import { mapCodeowner } from '../../org/codeowners';
import type { OrgDirectory } from '../../org/OrgDirectory';
import { refOf, toFullRef } from '../../org/refs';

const NO_PEOPLE = { members: [], contacts: [], parents: [] };

/**
 * Resolves `spec.owner` the way the catalog does: a short ref defaults to
 * kind Group and the entity's own namespace, and refs compare
 * case-insensitively. Suggests an owner from the System or Domain when an
 * entity has no valid one (or, once documents are read, from CODEOWNERS),
 * and maps CODEOWNERS owners to Groups and Users.
 */
export class OwnerResolver implements CodeownersMapper {
  static create(deps: {
    org: OrgDirectory;
    owners: OwnersConfig;
    context: Entity[];
  }) {
    return new OwnerResolver(deps.org, deps.owners, deps.context);
  }

  private readonly context = new Map<string, Entity>();

  private constructor(
    private readonly org: OrgDirectory,
    private readonly owners: OwnersConfig,
    context: Entity[],
  ) {
    for (const entity of context) {
      this.context.set(refOf(entity), entity);
    }
  }

  /** Resolves one owner value as written in an entity of the given namespace. */
  resolve(raw: unknown, namespace: string): OwnerResolution {
    const owner = readOwnerRef(raw, namespace, this.owners.placeholders);
    if (owner.status === 'missing') {
      return {
        status: 'missing',
        ...(owner.raw && { raw: owner.raw }),
        ...NO_PEOPLE,
      };
    }
    if (owner.status === 'malformed') {
      return { status: 'unresolved', raw: owner.raw, ...NO_PEOPLE };
    }
    const { ref, kind } = owner;
    const written = { raw: owner.raw };
    const group = kind === 'group' ? this.org.groups.get(ref) : undefined;
    if (group) {
      const members = this.org.membersOf(ref);
      return {
        status: members.length ? 'ok' : 'empty-team',
        ...written,
        entityRef: ref,
        kind: 'Group',
        title: group.title,
        members,
        contacts: group.contacts,
        parents: this.org.ancestors(ref),
      };
    }
    const user = kind === 'user' ? this.org.users.get(ref) : undefined;
    if (user) {
      return {
        status: 'individual',
        ...written,
        entityRef: ref,
        kind: 'User',
        title: user.title,
        members: [this.org.summary(user)],
        contacts: user.email
          ? [{ type: 'email', label: user.email, url: `mailto:${user.email}` }]
          : [],
        parents: [],
      };
    }
    return { status: 'unresolved', ...written, entityRef: ref, ...NO_PEOPLE };
  }

  /**
   * An owner for an entity without a valid one: its System's owner, else
   * the owner of the System's (or its own) Domain, when that owner is a
   * team with members.
   */
  suggest(entity: Entity): SuggestedOwner | undefined {
    const namespace = entity.metadata.namespace ?? 'default';
    const systemRef =
      entity.kind.toLocaleLowerCase('en-US') === 'system'
        ? undefined
        : toFullRef(entity.spec?.system, {
            defaultKind: 'system',
            defaultNamespace: namespace,
          });
    const system = systemRef ? this.context.get(systemRef) : undefined;
    if (system) {
      const suggestion = this.suggestFrom(system, 'system');
      if (suggestion) {
        return suggestion;
      }
    }
    const domainHolder = system ?? entity;
    const domainRef = toFullRef(domainHolder.spec?.domain, {
      defaultKind: 'domain',
      defaultNamespace: domainHolder.metadata.namespace ?? 'default',
    });
    const domain = domainRef ? this.context.get(domainRef) : undefined;
    return domain ? this.suggestFrom(domain, 'domain') : undefined;
  }

  /** Sub-groups of a Group at any depth, nearest first; empty for anything else. */
  subGroups(groupRef: string): string[] {
    return this.org.descendants(groupRef);
  }

  /** The Group (`@org/team`) or User (`@login`) a CODEOWNERS owner names. */
  mapCodeowner(owner: string): string | undefined {
    return mapCodeowner(owner, this.org);
  }

  /**
   * An owner for an entity without a valid one, from its repository's
   * CODEOWNERS: the first default owner that is a team with members.
   */
  suggestFromCodeowners(
    codeowners: CodeownersInfo,
  ): SuggestedOwner | undefined {
    for (const { entityRef } of codeowners.mapped) {
      const group = entityRef.startsWith('group:')
        ? this.org.groups.get(entityRef)
        : undefined;
      if (group && this.org.membersOf(entityRef).length > 0) {
        return {
          entityRef,
          title: group.title,
          source: 'codeowners',
          via: codeowners.url,
        };
      }
    }
    return undefined;
  }

  /** The tier annotation of the entity's System, or of the entity when it is a System. */
  systemTier(entity: Entity): string | undefined {
    const isSystem = entity.kind.toLocaleLowerCase('en-US') === 'system';
    const system = isSystem
      ? entity
      : this.context.get(
          toFullRef(entity.spec?.system, {
            defaultKind: 'system',
            defaultNamespace: entity.metadata.namespace ?? 'default',
          }) ?? '',
        );
    const tier = system?.metadata.annotations?.['ownership-portal/tier'];
    return tier?.trim() || undefined;
  }

  /** Links of the owning Group, for inherited runbooks. */
  groupLinks(groupRef: string | undefined) {
    return groupRef
      ? this.org.groups.get(groupRef)?.entity.metadata.links ?? []
      : [];
  }

  private suggestFrom(
    holder: Entity,
    source: SuggestedOwner['source'],
  ): SuggestedOwner | undefined {
    const owner = this.resolve(
      holder.spec?.owner,
      holder.metadata.namespace ?? 'default',
    );
    if (owner.status !== 'ok' || !owner.entityRef) {
      return undefined;
    }
    return {
      entityRef: owner.entityRef,
      ...(owner.title && { title: owner.title }),
      source,
      via: refOf(holder),
    };
  }
}
