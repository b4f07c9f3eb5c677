import type { AuditRun } from '@ownership-portal/plugin-ownership-common';
import type { Knex } from 'knex';

/** Storage of audit runs; hides the database from the rest of the plugin. */
export interface RunStore {
  /** Records a new run in state `running` and returns it. */
  startRun(options: {
    trigger: AuditRun['trigger'];
    triggeredBy?: string;
  }): Promise<AuditRun>;
  /** Records how far a running run has come. */
  updateProgress(id: number, processed: number, total: number): Promise<void>;
  /** Marks a run as finished: failed when `error` is given, else succeeded. */
  finishRun(id: number, outcome?: { error?: string }): Promise<AuditRun>;
  /** The most recently started run, if any. */
  getLatestRun(): Promise<AuditRun | undefined>;
}

type RunRow = {
  id: number | string;
  status: AuditRun['status'];
  trigger: AuditRun['trigger'];
  triggered_by: string | null;
  started_at: Date | string;
  finished_at: Date | string | null;
  processed: number;
  total: number | null;
  error: string | null;
};

function toIso(value: Date | string): string {
  return new Date(value).toISOString();
}

function toRecord(row: RunRow): AuditRun {
  return {
    id: Number(row.id),
    status: row.status,
    trigger: row.trigger,
    ...(row.triggered_by && { triggeredBy: row.triggered_by }),
    startedAt: toIso(row.started_at),
    ...(row.finished_at && { finishedAt: toIso(row.finished_at) }),
    processed: row.processed,
    ...(row.total !== null && { total: row.total }),
    ...(row.error && { error: row.error }),
  };
}

/** {@link RunStore} on the plugin's SQL database (SQLite or PostgreSQL). */
export class DatabaseRunStore implements RunStore {
  static create(options: { client: Knex; now?: () => Date }): DatabaseRunStore {
    return new DatabaseRunStore(
      options.client,
      options.now ?? (() => new Date()),
    );
  }

  private constructor(
    private readonly client: Knex,
    private readonly now: () => Date,
  ) {}

  async startRun(options: {
    trigger: AuditRun['trigger'];
    triggeredBy?: string;
  }): Promise<AuditRun> {
    const [row] = await this.client<RunRow>('ownership_runs')
      .insert({
        status: 'running',
        trigger: options.trigger,
        triggered_by: options.triggeredBy ?? null,
        started_at: this.now(),
        processed: 0,
      })
      .returning('*');
    return toRecord(row);
  }

  async updateProgress(
    id: number,
    processed: number,
    total: number,
  ): Promise<void> {
    await this.client('ownership_runs')
      .where({ id, status: 'running' })
      .update({ processed, total });
  }

  async finishRun(
    id: number,
    outcome: { error?: string } = {},
  ): Promise<AuditRun> {
    const updated = await this.client('ownership_runs')
      .where({ id, status: 'running' })
      .update({
        status: outcome.error ? 'failed' : 'succeeded',
        finished_at: this.now(),
        error: outcome.error ?? null,
      });
    if (updated === 0) {
      throw new Error(
        `Audit run ${id} is not running, so it cannot be finished`,
      );
    }
    const row = await this.client<RunRow>('ownership_runs')
      .where({ id })
      .first();
    return toRecord(row!);
  }

  async getLatestRun(): Promise<AuditRun | undefined> {
    const row = await this.client<RunRow>('ownership_runs')
      .orderBy('started_at', 'desc')
      .orderBy('id', 'desc')
      .first();
    return row && toRecord(row);
  }
}
