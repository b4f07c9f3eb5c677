import type { DateTime, Duration } from 'luxon';

/**
 * A period that replaces whoever the rotation has on call, or leaves it
 * uncovered when it names nobody.
 */
export interface RotationOverride {
  /** Inclusive. */
  from: Date;
  /** Exclusive. */
  to: Date;
  /** Full lower-case user ref; absent for an explicit hole. */
  member?: string;
}

/**
 * One step of a rotation's escalation chain, after its own first level: the
 * current member of another rotation, or fixed users and groups.
 */
export type RotationEscalationStep =
  | {
      /** ISO-8601 duration as configured, e.g. `PT15M`. */
      after: string;
      /** Id of another (valid) rotation. */
      rotation: string;
    }
  | {
      /** ISO-8601 duration as configured, e.g. `PT15M`. */
      after: string;
      /** Full lower-case user and group refs. */
      targets: string[];
    };

/**
 * A validated rotation from `ownership.oncall.rotations`.
 *
 * Shift k covers `[start + k·shift, start + (k+1)·shift)`, computed in
 * `timezone`, and belongs to `members[k mod members.length]`.
 */
export interface Rotation {
  id: string;
  /** Full lower-case group ref of the team the rotation is for, when given. */
  team?: string;
  /** IANA time zone the local times are read in. */
  timezone: string;
  /** Start of the first shift, in `timezone`. */
  start: DateTime;
  /** Length of a shift; calendar units keep local hand-off times across DST. */
  shift: Duration;
  /** Full lower-case user refs, in shift order. */
  members: string[];
  /** When the rotation stops; nobody is on call from then on. */
  end?: Date;
  /** Later overrides win where they overlap. */
  overrides: RotationOverride[];
  escalation: RotationEscalationStep[];
}
