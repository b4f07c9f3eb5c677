import { ConflictError } from '@backstage/errors';
import type { AuditRun } from '@ownership-portal/plugin-ownership-common';

/**
 * Thrown when a run is requested while another one is in progress, here or
 * on another replica. A `ConflictError`, so the API answers 409 with the
 * standard error body.
 */
export class RunInProgressError extends ConflictError {
  constructor(readonly run: AuditRun | undefined) {
    super(
      run
        ? `Audit run ${run.id} is already in progress (started ${run.startedAt})`
        : 'An audit run is already in progress',
    );
  }
}

/** True for the error a database raises when a unique index or primary key refuses a row. */
export function isUniqueViolation(error: unknown): boolean {
  const { code } = (error ?? {}) as { code?: unknown };
  // PostgreSQL: unique_violation (primary keys too); SQLite names the two.
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}
