import type {
  OnCallAnswer,
  OnCallMatch,
  OnCallUser,
} from '@ownership-portal/plugin-ownership-common';

/**
 * A service whose on-call is wanted, with its owning team when that is a Group.
 *
 * @public
 */
export interface OnCallSubject {
  service: {
    entityRef: string;
    kind: string;
    title?: string;
    annotations: Record<string, string>;
  };
  team?: {
    entityRef: string;
    title?: string;
    annotations: Record<string, string>;
  };
}

/**
 * A rotation or schedule a provider found for a subject, without asking any
 * remote system yet.
 *
 * @public
 */
export interface OnCallTarget {
  /** How specific the match is; the most specific target across providers wins. */
  matchedBy: OnCallMatch;
  /**
   * Identifies what will be asked, e.g. `service:PABC123` or
   * `rotation:payments-primary`. Answers are cached per provider and key, so
   * services that share a team's schedule share one answer.
   */
  key: string;
  /** Anything the provider needs to resolve the target later. */
  data?: unknown;
}

/**
 * What a provider can look up while answering.
 *
 * @public
 */
export interface OnCallContext {
  /** The time to answer for. */
  now: Date;
  /** The catalog User with this email (case-insensitive), when there is one. */
  userByEmail(email: string): OnCallUser | undefined;
  /** The catalog User with this entity ref, when there is one. */
  userByRef(entityRef: string): OnCallUser | undefined;
}

/**
 * The part of an answer a provider gives; the backend adds the rest
 * (`source`, `matchedBy`, `checkedAt`, `stale`).
 *
 * @public
 */
export type OnCallResolution = Omit<
  OnCallAnswer,
  'source' | 'matchedBy' | 'checkedAt' | 'stale' | 'reason'
>;

/**
 * A source of on-call answers: static rotations from config, PagerDuty,
 * iCalendar feeds, or anything a backend module adds.
 *
 * @public
 */
export interface OnCallProvider {
  /** Stable id, e.g. `pagerduty`; answers carry it as their `source`. */
  readonly id: string;
  /**
   * True when `resolve` calls a remote system. The backend then caches its
   * answers (about a minute), and when a call fails serves the last known
   * answer marked stale, or `status: unknown`, never a missing on-call.
   */
  readonly remote: boolean;
  /**
   * Finds the rotation for a subject from annotations and configuration
   * alone, the most specific match first: the service's own annotations,
   * then its team's annotations, then a rotation configured for the team.
   * Returns undefined when this provider knows nothing for the subject.
   */
  match(subject: OnCallSubject): OnCallTarget | undefined;
  /**
   * Answers who is on call for a target now, who is next and who to
   * escalate to. Throws when the remote system cannot be asked.
   */
  resolve(
    target: OnCallTarget,
    context: OnCallContext,
  ): Promise<OnCallResolution>;
}
