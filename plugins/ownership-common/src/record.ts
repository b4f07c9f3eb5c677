import type {
  AdrInfo,
  CodeownersInfo,
  Contact,
  MemberSummary,
  OnCallAnswer,
  OwnerStatus,
  ReadState,
  RunbookInfo,
  SuggestedOwner,
  TechDebtSummary,
} from './contract';

/**
 * A link from an entity's `metadata.links`.
 *
 * @public
 */
export interface EntityLinkRecord {
  url: string;
  title?: string;
  type?: string;
}

/**
 * One audited catalog entity, normalised from the catalog before owners,
 * on-call and documents are resolved.
 *
 * @public
 */
export interface ServiceRecord {
  /** Full entity ref, lower-case, e.g. `component:default/payments-api`. */
  entityRef: string;
  kind: string;
  /** `spec.type`, when the entity has one. */
  type?: string;
  /** `spec.lifecycle`, when the entity has one. */
  lifecycle?: string;
  /** `spec.owner` exactly as written in the entity. */
  owner?: string;
  /** Full ref of the entity's System, when it has one. */
  system?: string;
  title?: string;
  links: EntityLinkRecord[];
  annotations: Record<string, string>;
}

/**
 * An entity after its owner has been resolved: what rules evaluate.
 * Later stages (on-call, documents) add their own optional fields.
 *
 * @public
 */
export interface ResolvedService extends ServiceRecord {
  /** `metadata.name`, as written. */
  name: string;
  namespace: string;
  description?: string;
  tags: string[];
  /** The `ownership-portal/tier` annotation of the entity's System (or of the System itself). */
  systemTier?: string;
  /** The team's runbook links (`metadata.links` with `type: runbook` on the owning Group). */
  teamLinks?: EntityLinkRecord[];
  /** True for Components whose type is in `ownership.scope.operationalTypes`. */
  operational: boolean;
  owner?: string;
  ownerResolution: OwnerResolution;
  /**
   * Full refs of the owning Group's sub-groups at any depth, nearest first;
   * absent when the owner is not a Group of the catalog. With
   * `ownerResolution.parents`, the Groups related to the owner.
   */
  ownerSubGroups?: string[];
  suggestedOwner?: SuggestedOwner;
  /**
   * The default (`*`) owners of the entity's repository from its CODEOWNERS
   * file (`.github/CODEOWNERS`, `CODEOWNERS` or `docs/CODEOWNERS` at its
   * source location) and the Groups and Users they name. Absent when the
   * entity has no source location or the repository has no CODEOWNERS file;
   * `read` is set when the file could not be read just now.
   */
  codeowners?: CodeownersInfo;
  /**
   * Who is on call, when a provider knows a rotation for the entity or its
   * team; absent when none does. `status: unknown` means a provider could not
   * be asked, which is not the same as having no rotation.
   */
  oncall?: OnCallAnswer;
  /** Runbooks found for the entity; absent when documents were not resolved. */
  runbooks?: RunbookInfo[];
  /** ADRs of the entity; absent when it names no ADR location. */
  adrs?: AdrInfo[];
  /** Problems reading the ADR location, e.g. a folder that cannot be read. */
  adrProblems?: string[];
  /** Set when the ADR folder could not be read just now: its last good read (`stale`) or nothing (`unknown`). */
  adrRead?: ReadState;
  /** Technical debt; absent when the entity has no register and no source found any. */
  techDebt?: TechDebtSummary;
  /** The owning team's latest campaign answer about it, when that is `transfer` or `not-ours`. */
  dispute?: OwnershipDispute;
}

/**
 * An owning team's answer in an audit campaign that disputes the catalog's
 * owner: `transfer` (another Group owns it) or `not-ours`.
 *
 * @public
 */
export interface OwnershipDispute {
  campaignId: number;
  campaignTitle: string;
  /** The owner the campaign asked, as a full ref. */
  team: string;
  answer: 'transfer' | 'not-ours';
  /** The Group named by a `transfer`, as a full ref. */
  transferTo?: string;
  reason?: string;
  /** The user who answered. */
  by: string;
  at: string;
}

/**
 * The outcome of resolving `spec.owner` against the catalog.
 *
 * @public
 */
export interface OwnerResolution {
  status: OwnerStatus;
  /** `spec.owner` as written, when present. */
  raw?: string;
  /** Full, lower-case ref the owner resolves to (also set when the entity does not exist). */
  entityRef?: string;
  kind?: 'Group' | 'User';
  title?: string;
  /** Members, sub-groups included; the user itself for an individual owner. */
  members: MemberSummary[];
  contacts: Contact[];
  /** Full refs of the owning group's parents, nearest first. */
  parents: string[];
}
