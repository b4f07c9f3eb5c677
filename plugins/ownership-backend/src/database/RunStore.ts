import type {
  AuditRun,
  RunFigures,
  TrendPoint,
} from '@ownership-portal/plugin-ownership-common';
import type { Knex } from 'knex';
import { isUniqueViolation, RunInProgressError } from './errors';
import { PRUNE_BATCH_RUNS, selectRunsToPrune } from './retention';
import {
  chunk,
  DOCUMENT_REFS,
  ENTITIES,
  FINDINGS,
  insertInBatches,
  RUNS,
  type RunRow,
  TEAMS,
  toDocumentRefRows,
  toEntityRow,
  toFindingRows,
  toIso,
  toRunRecord,
  toTeamRow,
} from './rows';
import type { RetentionPolicy, RunResults, RunStore } from './types';

/** {@link RunStore} on the plugin's SQL database (SQLite or PostgreSQL). */
export class DatabaseRunStore implements RunStore {
  /**
   * @param options.client - the plugin's database, migrated
   * @param options.now - the clock; defaults to the system time
   */
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
    const now = this.now();
    let row: RunRow;
    try {
      // The unique partial index on running rows makes this insert the
      // claim: of two replicas inserting at once, one gets the error.
      [row] = await this.client<RunRow>(RUNS)
        .insert({
          status: 'running',
          trigger: options.trigger,
          triggered_by: options.triggeredBy ?? null,
          started_at: now,
          heartbeat_at: now,
          processed: 0,
        })
        .returning('*');
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new RunInProgressError(await this.getRunningRun());
      }
      throw error;
    }
    return toRunRecord(row);
  }

  async updateProgress(
    id: number,
    processed: number,
    total: number,
  ): Promise<void> {
    await this.client(RUNS)
      .where({ id, status: 'running' })
      .update({ processed, total, heartbeat_at: this.now() });
  }

  async heartbeat(id: number): Promise<boolean> {
    const updated = await this.client(RUNS)
      .where({ id, status: 'running' })
      .update({ heartbeat_at: this.now() });
    return updated > 0;
  }

  async abandonStaleRuns(
    staleBefore: Date,
    reason: string,
  ): Promise<AuditRun[]> {
    // One conditional update: a run whose heartbeat lands first is not
    // touched, and of two replicas taking over, only one marks each run.
    const rows = await this.client<RunRow>(RUNS)
      .where({ status: 'running' })
      .andWhere(q =>
        q.where('heartbeat_at', '<', staleBefore).orWhereNull('heartbeat_at'),
      )
      .update({ status: 'failed', finished_at: this.now(), error: reason })
      .returning('*');
    return rows.map(toRunRecord);
  }

  async completeRun(id: number, results: RunResults): Promise<AuditRun> {
    const count = results.entities.length;
    await this.client.transaction(async trx => {
      // Updating the run first locks its row against a concurrent failRun.
      const updated = await trx(RUNS)
        .where({ id, status: 'running' })
        .update({
          status: 'succeeded',
          finished_at: this.now(),
          processed: count,
          total: count,
          error: null,
          figures: JSON.stringify(results.figures),
        });
      if (updated === 0) {
        throw new Error(
          `Audit run ${id} is not running, so it cannot be completed`,
        );
      }
      await insertInBatches(
        trx,
        ENTITIES,
        results.entities.map(entity => toEntityRow(id, entity)),
      );
      await insertInBatches(
        trx,
        FINDINGS,
        results.entities.flatMap(entity => toFindingRows(id, entity)),
      );
      await insertInBatches(
        trx,
        TEAMS,
        results.teams.map(team => toTeamRow(id, team)),
      );
      await insertInBatches(
        trx,
        DOCUMENT_REFS,
        toDocumentRefRows(id, results.entities),
      );
    });
    return (await this.getRun(id))!;
  }

  async failRun(id: number, error: string): Promise<AuditRun> {
    const updated = await this.client(RUNS)
      .where({ id, status: 'running' })
      .update({ status: 'failed', finished_at: this.now(), error });
    if (updated === 0) {
      throw new Error(`Audit run ${id} is not running, so it cannot fail`);
    }
    return (await this.getRun(id))!;
  }

  async getRun(id: number): Promise<AuditRun | undefined> {
    const row = await this.client<RunRow>(RUNS).where({ id }).first();
    return row && toRunRecord(row);
  }

  async getLatestRun(): Promise<AuditRun | undefined> {
    const row = await this.client<RunRow>(RUNS)
      .orderBy('started_at', 'desc')
      .orderBy('id', 'desc')
      .first();
    return row && toRunRecord(row);
  }

  async getRunningRun(): Promise<AuditRun | undefined> {
    const row = await this.client<RunRow>(RUNS)
      .where({ status: 'running' })
      .orderBy('started_at', 'desc')
      .orderBy('id', 'desc')
      .first();
    return row && toRunRecord(row);
  }

  async getLatestSucceededRun(): Promise<AuditRun | undefined> {
    const row = await this.latestSucceeded(this.client);
    return row && toRunRecord(row);
  }

  async listRuns(limit: number): Promise<AuditRun[]> {
    const rows = await this.client<RunRow>(RUNS)
      .orderBy('started_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit);
    return rows.map(toRunRecord);
  }

  async listTrend(): Promise<TrendPoint[]> {
    const rows = await this.client<RunRow>(RUNS)
      .select('id', 'finished_at', 'figures')
      .where({ status: 'succeeded' })
      .whereNotNull('figures')
      .orderBy('finished_at', 'asc')
      .orderBy('id', 'asc');
    return rows.map(row => {
      const figures: RunFigures = JSON.parse(row.figures!);
      return {
        ...figures,
        runId: Number(row.id),
        finishedAt: toIso(row.finished_at!),
        validOwnerShare:
          figures.services > 0 ? figures.validOwner / figures.services : 0,
      };
    });
  }

  async getFigures(runId: number): Promise<RunFigures | undefined> {
    const row = await this.client<RunRow>(RUNS)
      .select('figures')
      .where({ id: runId, status: 'succeeded' })
      .first();
    return row?.figures ? JSON.parse(row.figures) : undefined;
  }

  async prune(policy: RetentionPolicy, now: Date): Promise<number> {
    const runs = await this.client<RunRow>(RUNS).select(
      'id',
      'status',
      'started_at',
    );
    const latest = await this.latestSucceeded(this.client);
    const doomed = selectRunsToPrune(
      runs.map(run => ({
        id: Number(run.id),
        status: run.status,
        startedAt: new Date(run.started_at).getTime(),
      })),
      policy,
      now,
      latest && Number(latest.id),
    );
    // A few runs per transaction, so that pruning a long history never holds
    // one huge transaction. Children first, so nothing is left behind even
    // where the database does not enforce ON DELETE CASCADE; a prune cut
    // short leaves whole runs, and the next one finishes the work.
    for (const ids of chunk(doomed, PRUNE_BATCH_RUNS)) {
      await this.client.transaction(async trx => {
        await trx(DOCUMENT_REFS).whereIn('run_id', ids).delete();
        await trx(FINDINGS).whereIn('run_id', ids).delete();
        await trx(ENTITIES).whereIn('run_id', ids).delete();
        await trx(TEAMS).whereIn('run_id', ids).delete();
        await trx(RUNS).whereIn('id', ids).delete();
      });
    }
    return doomed.length;
  }

  private async latestSucceeded(
    db: Knex | Knex.Transaction,
  ): Promise<RunRow | undefined> {
    return db<RunRow>(RUNS)
      .where({ status: 'succeeded' })
      .orderBy('finished_at', 'desc')
      .orderBy('id', 'desc')
      .first();
  }
}
