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
   * The entity's debt items. Throws when the source cannot be read; the
   * backend records that as a problem of the entity's debt, not as debt.
   */
  read(
    subject: TechDebtSubject,
    context: { now: Date },
  ): Promise<Omit<TechDebtItem, 'source'>[]>;
}
