import type { Entity } from '@backstage/catalog-model';
import type {
  Contact,
  MemberSummary,
} from '@ownership-portal/plugin-ownership-common';
import { contactsOf } from './contacts';
import { refOf, relationTargets, stringList, toFullRef } from './refs';

/** A Group as the audit sees it. */
interface GroupNode {
  ref: string;
  title: string;
  parent?: string;
  children: Set<string>;
  /** Users who are members of this group itself. */
  members: Set<string>;
  contacts: Contact[];
  entity: Entity;
}

/** A User as the audit sees it. */
interface UserNode {
  ref: string;
  title: string;
  email?: string;
}

const TEAM_SLUG = 'github.com/team-slug';
const USER_LOGIN = 'github.com/user-login';

/** A GitHub annotation's value, trimmed and lower-cased (GitHub names are case-insensitive). */
function githubAnnotation(entity: Entity, key: string): string | undefined {
  const value = entity.metadata.annotations?.[key]?.trim();
  return value ? value.toLocaleLowerCase('en-US') : undefined;
}

function displayName(entity: Entity): string {
  const profile = entity.spec?.profile as { displayName?: unknown } | undefined;
  if (typeof profile?.displayName === 'string' && profile.displayName.trim()) {
    return profile.displayName;
  }
  return entity.metadata.title ?? entity.metadata.name;
}

/**
 * The organisation: groups, users and their memberships, with the catalog's
 * semantics: a membership stated on either side (`User.spec.memberOf`,
 * `Group.spec.members`, or the `memberOf`/`hasMember` relations) counts, and
 * so does the hierarchy stated on either side (`spec.parent`, `spec.children`).
 */
export class OrgDirectory {
  readonly groups = new Map<string, GroupNode>();
  readonly users = new Map<string, UserNode>();
  /** Group refs by lower-case `github.com/team-slug` (`org/team`). */
  private readonly teamSlugs = new Map<string, string>();
  /** Group refs by lower-case name, in every namespace. */
  private readonly groupNames = new Map<string, string[]>();
  /** User refs by lower-case `github.com/user-login`. */
  private readonly userLogins = new Map<string, string>();
  private readonly memberCache = new Map<string, MemberSummary[]>();

  static build(groups: Entity[], users: Entity[]): OrgDirectory {
    const org = new OrgDirectory();
    for (const entity of groups) {
      org.addGroup(entity);
    }
    for (const entity of groups) {
      org.linkGroup(entity);
    }
    for (const entity of users) {
      org.addUser(entity);
    }
    return org;
  }

  private addGroup(entity: Entity) {
    const ref = refOf(entity);
    this.groups.set(ref, {
      ref,
      title: displayName(entity),
      children: new Set(),
      members: new Set(),
      contacts: contactsOf(entity),
      entity,
    });
    const slug = githubAnnotation(entity, TEAM_SLUG);
    if (slug && !this.teamSlugs.has(slug)) {
      this.teamSlugs.set(slug, ref);
    }
    const name = entity.metadata.name.toLocaleLowerCase('en-US');
    this.groupNames.set(name, [...(this.groupNames.get(name) ?? []), ref]);
  }

  private linkGroup(entity: Entity) {
    const node = this.groups.get(refOf(entity))!;
    const defaults = {
      defaultKind: 'group',
      defaultNamespace: entity.metadata.namespace ?? 'default',
    };
    const parents = [
      toFullRef(entity.spec?.parent, defaults),
      ...relationTargets(entity, 'childOf'),
    ];
    for (const parent of parents) {
      if (parent && parent !== node.ref && this.groups.has(parent)) {
        node.parent ??= parent;
        this.groups.get(parent)!.children.add(node.ref);
      }
    }
    const children = [
      ...stringList(entity.spec?.children).map(c => toFullRef(c, defaults)),
      ...relationTargets(entity, 'parentOf'),
    ];
    for (const child of children) {
      const childNode = child && child !== node.ref && this.groups.get(child);
      if (childNode) {
        node.children.add(childNode.ref);
        childNode.parent ??= node.ref;
      }
    }
    const members = [
      ...stringList(entity.spec?.members).map(m =>
        toFullRef(m, { ...defaults, defaultKind: 'user' }),
      ),
      ...relationTargets(entity, 'hasMember'),
    ];
    for (const member of members) {
      if (member) {
        node.members.add(member);
      }
    }
  }

  private addUser(entity: Entity) {
    const ref = refOf(entity);
    const profile = entity.spec?.profile as { email?: unknown } | undefined;
    this.users.set(ref, {
      ref,
      title: displayName(entity),
      ...(typeof profile?.email === 'string' && { email: profile.email }),
    });
    const login = githubAnnotation(entity, USER_LOGIN);
    if (login && !this.userLogins.has(login)) {
      this.userLogins.set(login, ref);
    }
    const defaults = {
      defaultKind: 'group',
      defaultNamespace: entity.metadata.namespace ?? 'default',
    };
    const groups = [
      ...stringList(entity.spec?.memberOf).map(g => toFullRef(g, defaults)),
      ...relationTargets(entity, 'memberOf'),
    ];
    for (const group of groups) {
      const node = group && this.groups.get(group);
      if (node) {
        node.members.add(ref);
      }
    }
  }

  /**
   * The Group of a GitHub team (`org/team-slug`): the one annotated
   * `github.com/team-slug` with it, else the Group named `team-slug` (in
   * the default namespace, or the only one of that name). Case-insensitive.
   */
  groupOfGithubTeam(orgAndSlug: string): string | undefined {
    const slug = orgAndSlug.trim().toLocaleLowerCase('en-US');
    const annotated = this.teamSlugs.get(slug);
    if (annotated) {
      return annotated;
    }
    const name = slug.slice(slug.indexOf('/') + 1);
    const named = this.groupNames.get(name) ?? [];
    return (
      named.find(ref => ref === `group:default/${name}`) ??
      (named.length === 1 ? named[0] : undefined)
    );
  }

  /** The User annotated `github.com/user-login` with a login; case-insensitive. */
  userOfGithubLogin(login: string): string | undefined {
    return this.userLogins.get(login.trim().toLocaleLowerCase('en-US'));
  }

  /** Every sub-group at any depth, nearest first; safe against cycles. */
  descendants(groupRef: string): string[] {
    const seen = new Set<string>([groupRef]);
    const order: string[] = [];
    const queue = [...(this.groups.get(groupRef)?.children ?? [])];
    while (queue.length) {
      const ref = queue.shift()!;
      if (seen.has(ref)) {
        continue;
      }
      seen.add(ref);
      order.push(ref);
      queue.push(...(this.groups.get(ref)?.children ?? []));
    }
    return order;
  }

  /** Parents of a group, nearest first; safe against cycles. */
  ancestors(groupRef: string): string[] {
    const chain: string[] = [];
    let current = this.groups.get(groupRef)?.parent;
    while (current && current !== groupRef && !chain.includes(current)) {
      chain.push(current);
      current = this.groups.get(current)?.parent;
    }
    return chain;
  }

  /**
   * Members of a group and of its sub-groups, each once; `via` names the
   * sub-group a membership comes from. Users missing from the catalog are left out.
   */
  membersOf(groupRef: string): MemberSummary[] {
    // The directory does not change once built, and an audit asks this of
    // the same teams once per service they own.
    let members = this.memberCache.get(groupRef);
    if (!members) {
      members = this.collectMembers(groupRef);
      this.memberCache.set(groupRef, members);
    }
    return [...members];
  }

  private collectMembers(groupRef: string): MemberSummary[] {
    const result = new Map<string, MemberSummary>();
    for (const ref of [groupRef, ...this.descendants(groupRef)]) {
      for (const userRef of this.groups.get(ref)?.members ?? []) {
        const user = this.users.get(userRef);
        if (user && !result.has(userRef)) {
          result.set(
            userRef,
            this.summary(user, ref === groupRef ? undefined : ref),
          );
        }
      }
    }
    return [...result.values()];
  }

  /** A user as a member summary. */
  summary(user: UserNode, via?: string): MemberSummary {
    return {
      entityRef: user.ref,
      title: user.title,
      ...(user.email && { email: user.email }),
      ...(via && { via }),
    };
  }
}
