import type { LoggerService } from '@backstage/backend-plugin-api';
import type { LookupResponse } from '@ownership-portal/plugin-ownership-common';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ResultStore, RunStore } from '../../database/types';
import { LookupIndex, type OnCallRecord } from './LookupIndex';

/**
 * Answers the incident lookup from this replica's in-memory {@link LookupIndex}
 * of the latest successful run.
 *
 * Requests never wait for a rebuild, except while there is no index yet. At
 * most once per `refreshIntervalMs` a request starts a background check of the
 * latest successful run; a newer run is indexed in the background and swapped
 * in whole. Only one check or rebuild runs at a time, and a failed one is
 * logged while the previous index keeps serving.
 */
export class LookupService {
  /** `refreshIntervalMs` defaults to 5000; `now` to `Date.now`. */
  static create(options: {
    runs: RunStore;
    results: ResultStore;
    logger: LoggerService;
    refreshIntervalMs?: number;
    now?: () => number;
  }): LookupService {
    return new LookupService(
      options.runs,
      options.results,
      options.logger,
      options.refreshIntervalMs ?? 5000,
      options.now ?? Date.now,
    );
  }

  private index: LookupIndex | undefined;
  private pending: Promise<void> | undefined;
  private followUp: Promise<void> | undefined;
  private lastCheckAt = -Infinity;
  /** Why the last check failed, while there is no index to fall back on. */
  private lastError: Error | undefined;

  private constructor(
    private readonly runs: RunStore,
    private readonly results: ResultStore,
    private readonly logger: LoggerService,
    private readonly refreshIntervalMs: number,
    private readonly now: () => number,
  ) {}

  /**
   * The best matches of `query` in the current index. Before any successful
   * run the answer has no items and no `runId`; it rejects only when there is
   * no index yet because building the first one failed.
   */
  async search(query: string, limit = 10): Promise<LookupResponse> {
    const due = this.now() - this.lastCheckAt >= this.refreshIntervalMs;
    if (!this.index && (due || this.pending)) {
      await this.check();
    } else if (due) {
      void this.check();
    }

    const index = this.index;
    if (index) {
      return { query, items: index.search(query, limit), runId: index.runId };
    }
    if (this.lastError) {
      throw this.lastError;
    }
    return { query, items: [] };
  }

  /** On-call subject and stored answer of an entity in the current index. */
  oncallOf(entityRef: string): OnCallRecord | undefined {
    return this.index?.oncallOf(entityRef);
  }

  /**
   * Checks for a newer successful run now and indexes it; resolves once done.
   * Never rejects: failures are logged and the previous index stays.
   */
  refresh(): Promise<void> {
    if (!this.pending) {
      return this.check();
    }
    // The running check may have read the latest run before the caller's run finished.
    this.followUp ??= this.pending.then(() => {
      this.followUp = undefined;
      return this.check();
    });
    return this.followUp;
  }

  /** Starts a check unless one is running, and returns the running one. */
  private check(): Promise<void> {
    if (!this.pending) {
      this.lastCheckAt = this.now();
      this.pending = this.update().finally(() => {
        this.pending = undefined;
      });
    }
    return this.pending;
  }

  private async update(): Promise<void> {
    try {
      const latest = await this.runs.getLatestSucceededRun();
      if (latest && (!this.index || latest.id > this.index.runId)) {
        const startedAt = this.now();
        // Page by page, so that requests are answered while a large run is indexed.
        const builder = LookupIndex.builder(latest.id);
        for await (const page of this.results.streamEntities(latest.id)) {
          for (const entity of page) {
            builder.add(entity);
          }
          await nextTurn();
        }
        this.index = builder.build();
        this.logger.info(
          `Built the lookup index of run ${latest.id}: ${
            this.index.size
          } entities in ${this.now() - startedAt} ms`,
        );
      }
      this.lastError = undefined;
    } catch (error) {
      const cause = error instanceof Error ? error : new Error(String(error));
      this.lastError = this.index ? undefined : cause;
      this.logger.error(
        this.index
          ? `Failed to rebuild the lookup index; still serving run ${this.index.runId}`
          : 'Failed to build the lookup index',
        cause,
      );
    }
  }
}
