import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type {
  AuditRun,
  OwnershipDispute,
} from '@ownership-portal/plugin-ownership-common';
import type { OwnersConfig } from '../../config/owners';
import { DEFAULT_RUNS, type RunsConfig } from '../../config/runs';
import type { AuditScope } from '../../config/scope';
import { RunInProgressError } from '../../database/errors';
import type { RetentionPolicy, RunStore } from '../../database/types';
import type { CatalogReader } from '../ingest/CatalogReader';
import type { DocsResolver } from '../../docs/DocsResolver';
import type { OnCallService } from '../../oncall/OnCallService';
import { oncallAnnotations, oncallSubject } from '../../oncall/subject';
import { OrgDirectory } from '../../org/OrgDirectory';
import { OwnerResolver } from '../resolve/OwnerResolver';
import { resolveService } from '../resolve/resolveService';
import { auditEntities } from './auditEntities';
import type { RuleEngine } from '@ownership-portal/plugin-ownership-rules';
import { runFigures, teamRollups } from './rollups';

export { RunInProgressError };

/** How a run was started. */
interface RunTrigger {
  trigger: AuditRun['trigger'];
  triggeredBy?: string;
}

/** Why a run stopped before it finished: its deadline, a shutdown, a takeover. */
class RunStoppedError extends Error {}

function formatMs(ms: number): string {
  if (ms % 60_000 === 0) {
    return `${ms / 60_000} min`;
  }
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/** `promise`, or a rejection with the signal's reason as soon as it aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => {
      signal.removeEventListener('abort', onAbort);
    });
  });
}

/**
 * Runs audits: reads the catalog, resolves owners, evaluates rules and
 * stores the run's results at once.
 *
 * One run at a time across replicas: the run's row is the claim (the store
 * refuses a second running row). While it runs, the run beats a heartbeat;
 * a run whose heartbeat is older than the lease was abandoned by a stopped
 * process and is taken over. A run that outlives its deadline, or whose
 * caller's signal aborts, fails and frees the claim.
 */
export class AuditRunner {
  static create(deps: {
    reader: CatalogReader;
    engine: RuleEngine;
    runs: RunStore;
    auth: AuthService;
    logger: LoggerService;
    scope: AuditScope;
    owners: OwnersConfig;
    retention: RetentionPolicy;
    oncall: OnCallService;
    docs?: DocsResolver;
    /** Current campaign answers that dispute an owner, read once per run. */
    disputes?: () => Promise<Map<string, OwnershipDispute>>;
    /** Lease, heartbeat and deadline; {@link DEFAULT_RUNS} by default. */
    limits?: RunsConfig;
    now?: () => Date;
  }) {
    return new AuditRunner({
      now: () => new Date(),
      limits: DEFAULT_RUNS,
      ...deps,
    });
  }

  private readonly listeners: Array<(run: AuditRun) => void | Promise<void>> =
    [];
  private readonly userListeners: Array<(users: Entity[]) => void> = [];
  private busy = false;
  /** Stops the run of this process. */
  private current?: AbortController;
  /** The outcome of the run of this process. */
  private pending?: Promise<AuditRun>;

  private constructor(
    private readonly deps: Parameters<typeof AuditRunner.create>[0] & {
      now: () => Date;
      limits: RunsConfig;
    },
  ) {}

  /** Calls `listener` after each run of this process succeeds. */
  onCompleted(listener: (run: AuditRun) => void | Promise<void>) {
    this.listeners.push(listener);
  }

  /**
   * Calls `listener` with the catalog's Users that a run read, after it
   * succeeds, so that others need not read them again.
   */
  onUsersRead(listener: (users: Entity[]) => void) {
    this.userListeners.push(listener);
  }

  /**
   * Starts a run in the background and returns it as recorded, plus a
   * promise of its outcome, which never rejects: a run that fails resolves
   * as failed. Throws a `RunInProgressError` (a `ConflictError`) naming the
   * running run when one is in progress, here or on another replica.
   *
   * @param options.signal - aborting it stops the run, which then fails
   */
  async start(
    trigger: RunTrigger,
    options: { signal?: AbortSignal } = {},
  ): Promise<{ run: AuditRun; done: Promise<AuditRun> }> {
    if (this.busy) {
      throw new RunInProgressError(await this.deps.runs.getRunningRun());
    }
    this.busy = true;
    let run: AuditRun;
    try {
      run = await this.claim(trigger);
    } catch (error) {
      this.busy = false;
      throw error;
    }
    this.deps.logger.info(
      `Ownership audit run ${run.id} started (${run.trigger})`,
    );
    const done = this.execute(run, options.signal).finally(() => {
      this.busy = false;
      if (this.pending === done) {
        this.pending = undefined;
      }
    });
    this.pending = done;
    return { run, done };
  }

  /** Starts a run and waits for it; for the scheduler. */
  async runToCompletion(
    trigger: RunTrigger,
    options: { signal?: AbortSignal } = {},
  ): Promise<AuditRun> {
    const { done } = await this.start(trigger, options);
    return done;
  }

  /**
   * Stops this process's run, if any, at shutdown: it is marked failed at
   * once, so another replica need not wait for the lease to run again.
   */
  async stop(): Promise<void> {
    this.current?.abort(
      new RunStoppedError(
        'Stopped: the backend running it shut down before it finished',
      ),
    );
    await this.pending;
  }

  /**
   * Records a new run. When another run holds the claim but has sent no
   * heartbeat within the lease, it is marked abandoned (one conditional
   * update, so of two replicas only one takes it over) and the claim tried
   * once more.
   */
  private async claim(trigger: RunTrigger): Promise<AuditRun> {
    const { runs, now, logger, limits } = this.deps;
    try {
      return await runs.startRun(trigger);
    } catch (error) {
      if (!(error instanceof RunInProgressError)) {
        throw error;
      }
      const staleBefore = new Date(now().getTime() - limits.leaseMs);
      const abandoned = await runs.abandonStaleRuns(
        staleBefore,
        `Abandoned: the process running it sent no heartbeat for longer than the lease (${formatMs(
          limits.leaseMs,
        )}), so it had stopped`,
      );
      if (abandoned.length === 0) {
        throw error;
      }
      for (const stale of abandoned) {
        logger.warn(
          `Ownership audit run ${
            stale.id
          } was abandoned (no heartbeat within ${formatMs(
            limits.leaseMs,
          )}); marked failed, and a new run takes its place`,
        );
      }
      return runs.startRun(trigger);
    }
  }

  private async execute(run: AuditRun, signal?: AbortSignal) {
    const { runs, logger, limits } = this.deps;
    const controller = new AbortController();
    this.current = controller;
    const onCallerAbort = () =>
      controller.abort(
        new RunStoppedError(
          `Stopped: ${
            signal?.reason instanceof Error
              ? signal.reason.message
              : 'the scheduler aborted the task (its timeout passed, or the backend is shutting down)'
          }`,
        ),
      );
    if (signal?.aborted) {
      onCallerAbort();
    }
    signal?.addEventListener('abort', onCallerAbort, { once: true });
    const deadline = setTimeout(
      () =>
        controller.abort(
          new RunStoppedError(
            `Deadline: the run did not finish within ${formatMs(
              limits.deadlineMs,
            )}`,
          ),
        ),
      limits.deadlineMs,
    );
    const heartbeat = setInterval(() => {
      runs.heartbeat(run.id).then(
        alive => {
          if (!alive) {
            controller.abort(
              new RunStoppedError(
                'Taken over: the run is no longer marked running',
              ),
            );
          }
        },
        error =>
          logger.warn(
            `Ownership audit run ${run.id} could not record its heartbeat: ${error}`,
          ),
      );
    }, limits.heartbeatMs);
    // Timers of a run never keep a stopping process alive.
    deadline.unref?.();
    heartbeat.unref?.();
    const startedAt = Date.now();
    try {
      const { users, ...results } = await untilAborted(
        this.audit(run, controller.signal),
        controller.signal,
      );
      // Once the results are complete they are stored, whatever the clock
      // says: storing is one bounded transaction.
      const finished = await runs.completeRun(run.id, results);
      logger.info(
        `Ownership audit run ${run.id} audited ${
          results.entities.length
        } entities in ${Date.now() - startedAt} ms`,
      );
      clearInterval(heartbeat);
      await this.afterSuccess(finished, users);
      return finished;
    } catch (error) {
      return this.fail(run, error);
    } finally {
      clearTimeout(deadline);
      clearInterval(heartbeat);
      signal?.removeEventListener('abort', onCallerAbort);
      if (this.current === controller) {
        this.current = undefined;
      }
      // Whatever still runs for this run (a catalog page that never came)
      // stops where it next looks at the signal.
      controller.abort(new RunStoppedError('The run has ended'));
    }
  }

  /** The audit's results, read and evaluated; not yet stored. */
  private async audit(run: AuditRun, signal: AbortSignal) {
    const { runs, auth, reader, engine, scope, owners, now } = this.deps;
    const snapshot = await reader.read(
      await auth.getOwnServiceCredentials(),
      signal,
    );
    signal.throwIfAborted();
    await runs.updateProgress(run.id, 0, snapshot.audited.length);
    const org = OrgDirectory.build(snapshot.groups, snapshot.users);
    const resolver = OwnerResolver.create({
      org,
      owners,
      context: snapshot.context,
    });
    const runAt = now();
    // CODEOWNERS files are read once per repository within this run.
    const docsRun = this.deps.docs?.startRun(resolver);
    const disputes = await this.deps.disputes?.();
    const entities = await auditEntities({
      ...(disputes && { disputes }),
      snapshot,
      resolve: entity => resolveService(entity, { resolver, scope }),
      subjectOf: service => oncallSubject(service, org),
      oncall: subject => this.deps.oncall.answer(subject),
      documents: docsRun
        ? service => this.deps.docs!.resolve(service, runAt, docsRun)
        : undefined,
      engine,
      now: runAt,
      onProgress: async processed => {
        signal.throwIfAborted();
        await runs.updateProgress(run.id, processed, snapshot.audited.length);
      },
    });
    signal.throwIfAborted();
    return {
      entities,
      teams: teamRollups(org, entities, oncallAnnotations),
      figures: runFigures(entities),
      users: snapshot.users,
    };
  }

  /** Records the run as failed; resolves with the run as stored. */
  private async fail(run: AuditRun, error: unknown): Promise<AuditRun> {
    const { runs, logger, now } = this.deps;
    const message = error instanceof Error ? error.message : String(error);
    logger.error(`Ownership audit run ${run.id} failed: ${message}`);
    try {
      return await runs.failRun(run.id, message);
    } catch (storeError) {
      // Taken over meanwhile (already failed), or the database is away:
      // answer with what is stored, else with what happened.
      logger.warn(
        `Ownership audit run ${run.id} could not be recorded as failed: ${storeError}`,
      );
      const stored = await runs.getRun(run.id).catch(() => undefined);
      return (
        stored ?? {
          ...run,
          status: 'failed',
          finishedAt: now().toISOString(),
          error: message,
        }
      );
    }
  }

  private async afterSuccess(run: AuditRun, users: Entity[]) {
    const { runs, logger, retention, now } = this.deps;
    try {
      const pruned = await runs.prune(retention, now());
      if (pruned > 0) {
        logger.info(`Ownership retention removed ${pruned} old run(s)`);
      }
    } catch (error) {
      logger.warn(`Ownership retention failed; old runs are kept: ${error}`);
    }
    for (const listener of this.userListeners) {
      listener(users);
    }
    for (const listener of this.listeners) {
      try {
        await listener(run);
      } catch (error) {
        logger.warn(`Ownership run listener failed: ${error}`);
      }
    }
  }
}
