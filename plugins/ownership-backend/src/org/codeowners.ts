import type {
  CodeownersInfo,
  CodeownersOwner,
} from '@ownership-portal/plugin-ownership-common';
import type { OrgDirectory } from './OrgDirectory';

/**
 * The catalog entity a CODEOWNERS owner names: `@org/team-slug` a Group
 * (by `github.com/team-slug`, else by name), `@login` a User (by
 * `github.com/user-login`). Emails, and handles that name nothing, map to
 * undefined.
 */
export function mapCodeowner(
  owner: string,
  org: OrgDirectory,
): string | undefined {
  const handle = /^@([^@\s]+)$/.exec(owner.trim())?.[1];
  if (!handle) {
    return undefined;
  }
  return handle.includes('/')
    ? org.groupOfGithubTeam(handle)
    : org.userOfGithubLogin(handle);
}

/** Default CODEOWNERS owners split into those that name a catalog entity and the rest. */
export function mapCodeowners(
  defaultOwners: string[],
  mapOwner: (owner: string) => string | undefined,
): Pick<CodeownersInfo, 'mapped' | 'unknownOwners'> {
  const mapped: CodeownersOwner[] = [];
  const unknownOwners: string[] = [];
  for (const owner of defaultOwners) {
    const entityRef = mapOwner(owner);
    if (entityRef) {
      mapped.push({ owner, entityRef });
    } else {
      unknownOwners.push(owner);
    }
  }
  return { mapped, unknownOwners };
}
