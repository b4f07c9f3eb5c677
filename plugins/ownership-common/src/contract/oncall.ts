/**
 * A person on call, as a provider names them and as the catalog knows them.
 *
 * @public
 */
export interface OnCallUser {
  /** The catalog User, when the person could be matched (by email). */
  entityRef?: string;
  name: string;
  email?: string;
}

/**
 * Someone on call now at one escalation level.
 *
 * @public
 */
export interface OnCallNow {
  user: OnCallUser;
  /** Escalation level, 1 being the first to be paged. */
  level: number;
  /** When the shift ends, ISO-8601; absent when the provider does not say. */
  until?: string;
}

/**
 * A later shift.
 *
 * @public
 */
export interface OnCallShift {
  user: OnCallUser;
  from: string;
  to: string;
}

/**
 * One step of an escalation chain.
 *
 * @public
 */
export interface EscalationStep {
  level: number;
  /** ISO-8601 duration after which this level is paged, e.g. `PT15M`. */
  after: string;
  /** Who is paged: users, groups, or rotation/schedule names. */
  targets: Array<{
    type: 'user' | 'group' | 'rotation' | 'schedule';
    ref: string;
    name?: string;
  }>;
}

/**
 * Where an on-call answer was found, most specific first.
 *
 * @public
 */
export type OnCallMatch = 'service-annotation' | 'team-annotation' | 'team';

/**
 * Who is on call for a service.
 *
 * - `ok`: someone is on call now and the next 7 days are covered
 * - `gap`: nobody is on call now, or there is a hole in the next 7 days
 * - `unknown`: the provider could not be asked (and no earlier answer is known)
 *
 * @public
 */
export interface OnCallAnswer {
  /** The provider id, e.g. `static`, `pagerduty`, `ical`. */
  source: string;
  /** How the rotation or schedule was found for this service. */
  matchedBy: OnCallMatch;
  scheduleName?: string;
  /**
   * The schedule's or feed's address. Left out for a caller who may not read
   * the Group that names it (`matchedBy` `team` or `team-annotation`): such
   * addresses often carry a secret.
   */
  scheduleUrl?: string;
  status: 'ok' | 'gap' | 'unknown';
  /** Lowest escalation level first. */
  onCallNow: OnCallNow[];
  escalation: EscalationStep[];
  /** Upcoming shifts of the first level, soonest first. */
  next: OnCallShift[];
  /** Start and end of holes in the next 7 days, soonest first. */
  gaps?: Array<{ from: string; to: string }>;
  /** When the provider was asked, ISO-8601. */
  checkedAt: string;
  /** True when the provider could not be reached and this is the last known answer. */
  stale: boolean;
  /** Why the answer is stale or unknown. */
  reason?: string;
}
