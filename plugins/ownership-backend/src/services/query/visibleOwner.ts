import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type {
  OwnerDetails,
  OwnerSummary,
} from '@ownership-portal/plugin-ownership-common';
import type { CatalogVisibility } from './CatalogVisibility';

/**
 * Which owners' own details (title, members, contacts, parents) the caller
 * may see: those that are not Groups, and Groups the caller may read. An
 * entity's `spec.owner` is part of the entity, so its ref and status stay;
 * what only the Group entity says does not.
 */
export async function readableOwners(
  owners: Array<Pick<OwnerSummary, 'entityRef'> | undefined>,
  visibility: CatalogVisibility,
  credentials: BackstageCredentials,
): Promise<(owner: Pick<OwnerSummary, 'entityRef'>) => boolean> {
  const groups = [
    ...new Set(
      owners
        .map(owner => owner?.entityRef)
        .filter((ref): ref is string => !!ref && isGroup(ref)),
    ),
  ];
  const readable = groups.length
    ? await visibility.readable(groups, credentials)
    : new Set<string>();
  return owner =>
    !owner.entityRef ||
    !isGroup(owner.entityRef) ||
    readable.has(owner.entityRef);
}

function isGroup(ref: string): boolean {
  return ref.toLocaleLowerCase('en-US').startsWith('group:');
}

/** An owner without what only its Group entity says: its title, members, contacts and parents. */
function withoutGroupDetails<T extends OwnerSummary>(owner: T): T {
  const { title: _title, ...rest } = owner;
  const details = owner as unknown as Partial<OwnerDetails>;
  return {
    ...rest,
    ...(details.members && { members: [] }),
    ...(details.contacts && { contacts: [] }),
    ...(details.parents && { parents: [] }),
  } as T;
}

/** Keeps an owner as it is when the caller may read it, else without its Group's details. */
export function visibleOwner<T extends OwnerSummary>(
  owner: T,
  canRead: (owner: Pick<OwnerSummary, 'entityRef'>) => boolean,
): T {
  return canRead(owner) ? owner : withoutGroupDetails(owner);
}
