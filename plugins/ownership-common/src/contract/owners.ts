/**
 * How an entity's `spec.owner` resolved against the catalog.
 *
 * - `ok`: a Group with members (directly or in its sub-groups)
 * - `missing`: no owner, or a placeholder such as `unknown` or `tbd`
 * - `unresolved`: names no Group or User in the catalog
 * - `individual`: names a User rather than a team
 * - `empty-team`: names a Group without any members, sub-groups included
 *
 * @public
 */
export type OwnerStatus =
  | 'ok'
  | 'missing'
  | 'unresolved'
  | 'individual'
  | 'empty-team';

/**
 * A way to reach an owner.
 *
 * @public
 */
export interface Contact {
  /** `email` from `spec.profile.email`, `chat` for chat links, `link` for any other. */
  type: 'email' | 'chat' | 'link';
  /** What to show, e.g. the address or the link title. */
  label: string;
  /** `mailto:` or the link's URL. */
  url: string;
}

/**
 * A member of a team.
 *
 * @public
 */
export interface MemberSummary {
  entityRef: string;
  title?: string;
  email?: string;
  /** The group the membership comes from, when it is a sub-group of the team. */
  via?: string;
}

/**
 * An entity's owner as the API lists it.
 *
 * @public
 */
export interface OwnerSummary {
  /** Full ref of the owner, lower-case; absent when there is none. */
  entityRef?: string;
  status: OwnerStatus;
  /** Display name of the owner when it exists in the catalog. */
  title?: string;
  /** `spec.owner` exactly as written, when there is one. */
  raw?: string;
}

/**
 * An entity's owner with the people and channels behind it.
 *
 * @public
 */
export interface OwnerDetails extends OwnerSummary {
  /** `Group` or `User`, when the owner exists. */
  kind?: 'Group' | 'User';
  /** Members of the owning group and its sub-groups; the user for an individual owner. */
  members: MemberSummary[];
  contacts: Contact[];
  /** Full refs of the owning group's parents, nearest first. */
  parents: string[];
}

/**
 * An owner the portal proposes for an entity without a valid one.
 *
 * @public
 */
export interface SuggestedOwner {
  entityRef: string;
  title?: string;
  /** Where the suggestion comes from. */
  source: 'system' | 'domain';
  /** Full ref of the System or Domain that owns it. */
  via: string;
}
