import type {
  CodeownersInfo,
  ReadState,
  SuggestedOwner,
} from '@ownership-portal/plugin-ownership-common';

/** A repository's CODEOWNERS file as read, before its owners are mapped. */
export interface CodeownersFile {
  /** The file read, or the candidate that could not be read just now. */
  url: string;
  /** Its path in the repository, e.g. `.github/CODEOWNERS`. */
  path: string;
  /** The owners of the last `*` pattern, as written. */
  defaultOwners: string[];
  /** Set when it could not be read just now: last good read (`stale`) or none (`unknown`). */
  read?: ReadState;
}

/** Maps CODEOWNERS owners to catalog entities; the run's owner resolver is one. */
export interface CodeownersMapper {
  /** The full ref of the Group or User an owner (`@org/team`, `@user`) names, or undefined. */
  mapCodeowner(owner: string): string | undefined;
  /** An owner for an entity without a valid one, from the Groups CODEOWNERS names. */
  suggestFromCodeowners(codeowners: CodeownersInfo): SuggestedOwner | undefined;
}
