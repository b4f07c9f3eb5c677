import type { TechDebtItem } from '@ownership-portal/plugin-ownership-common';

/**
 * The entity a debt source is asked about.
 *
 * @public
 */
export interface TechDebtSubject {
  entityRef: string;
  kind: string;
  annotations: Record<string, string>;
}

/**
 * A source of technical debt items besides the register file, e.g. issues
 * with a label in an issue tracker.
 *
 * @public
 */
export interface TechDebtSource {
  /** Stable id, e.g. `github`; items carry it as their `source`. */
  readonly id: string;
  /** Whether the source has anything to say about the entity, from its annotations alone. */
  appliesTo(subject: TechDebtSubject): boolean;
  /**
   * The entity's debt items. Throws when the source cannot be read. When the
   * error is transient (see `isTransientFailure`: a `RemoteHttpError` with
   * 408/425/429/5xx or one whose `transient` says so, a `ResilienceError`, a
   * dropped connection), the backend serves the items of the last good read
   * marked stale, or marks the source unknown; any other error is recorded
   * as a problem of the entity's debt. Neither is debt, nor a finding.
   */
  read(
    subject: TechDebtSubject,
    context: { now: Date },
  ): Promise<Omit<TechDebtItem, 'source'>[]>;
}
