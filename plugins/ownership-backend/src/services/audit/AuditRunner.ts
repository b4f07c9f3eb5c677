import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import type { AuditRun } from '@ownership-portal/plugin-ownership-common';
import type { OwnersConfig } from '../../config/owners';
import type { AuditScope } from '../../config/scope';
import type { RetentionPolicy, RunStore } from '../../database/types';
import type { CatalogReader } from '../ingest/CatalogReader';
import type { DocsResolver } from '../../docs/DocsResolver';
import type { OnCallService } from '../../oncall/OnCallService';
import { oncallAnnotations, oncallSubject } from '../../oncall/subject';
import type { UserDirectory } from '../../oncall/UserDirectory';
import { OrgDirectory } from '../resolve/OrgDirectory';
import { OwnerResolver } from '../resolve/OwnerResolver';
import { resolveService } from '../resolve/resolveService';
import { auditEntities } from './auditEntities';
import type { RuleEngine } from './RuleEngine';
import { runFigures, teamRollups } from './rollups';

/** A run still marked running after this long was abandoned by a stopped process. */
const ABANDONED_AFTER_MS = 60 * 60 * 1000;

/** Thrown when a run is requested while another one is in progress. */
export class RunInProgressError extends ConflictError {
  constructor(readonly run: AuditRun | undefined) {
    super(
      run
        ? `Audit run ${run.id} is already in progress (started ${run.startedAt})`
        : 'An audit run is already in progress',
    );
  }
}

/** How a run was started. */
export interface RunTrigger {
  trigger: AuditRun['trigger'];
  triggeredBy?: string;
}

/**
 * Runs audits: reads the catalog, resolves owners, evaluates rules and
 * stores the run's results at once. One run at a time.
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
    oncall: { service: OnCallService; users: UserDirectory };
    docs?: DocsResolver;
    now?: () => Date;
  }) {
    return new AuditRunner({ now: () => new Date(), ...deps });
  }

  private readonly listeners: Array<(run: AuditRun) => void | Promise<void>> =
    [];
  private busy = false;

  private constructor(
    private readonly deps: Parameters<typeof AuditRunner.create>[0] & {
      now: () => Date;
    },
  ) {}

  /** Calls `listener` after each run of this process succeeds. */
  onCompleted(listener: (run: AuditRun) => void | Promise<void>) {
    this.listeners.push(listener);
  }

  /**
   * Starts a run in the background and returns it as recorded, plus a
   * promise of its outcome. Throws a `ConflictError` naming the running run
   * when one is in progress, here or on another replica.
   */
  async start(
    trigger: RunTrigger,
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
    const done = this.execute(run).finally(() => {
      this.busy = false;
    });
    return { run, done };
  }

  /** Records a new run unless another replica's run is still going. */
  private async claim(trigger: RunTrigger): Promise<AuditRun> {
    const { runs, now } = this.deps;
    const running = await runs.getRunningRun();
    if (running) {
      const age = now().getTime() - new Date(running.startedAt).getTime();
      if (age < ABANDONED_AFTER_MS) {
        throw new RunInProgressError(running);
      }
      await runs.failRun(
        running.id,
        'Abandoned: the process running it stopped before it finished',
      );
    }
    return runs.startRun(trigger);
  }

  /** Starts a run and waits for it; for the scheduler. */
  async runToCompletion(trigger: RunTrigger): Promise<AuditRun> {
    const { done } = await this.start(trigger);
    return done;
  }

  private async execute(run: AuditRun): Promise<AuditRun> {
    const { runs, logger, auth, reader, engine, scope, owners, now } =
      this.deps;
    const startedAt = Date.now();
    try {
      const snapshot = await reader.read(await auth.getOwnServiceCredentials());
      await runs.updateProgress(run.id, 0, snapshot.audited.length);
      const org = OrgDirectory.build(snapshot.groups, snapshot.users);
      const resolver = OwnerResolver.create({
        org,
        owners,
        context: snapshot.context,
      });
      this.deps.oncall.users.update(snapshot.users);
      const runAt = now();
      const entities = await auditEntities({
        snapshot,
        resolve: entity => resolveService(entity, { resolver, scope }),
        subjectOf: service => oncallSubject(service, org),
        oncall: subject => this.deps.oncall.service.answer(subject),
        documents: this.deps.docs
          ? service => this.deps.docs!.resolve(service, runAt)
          : undefined,
        engine,
        now: runAt,
        onProgress: processed =>
          runs.updateProgress(run.id, processed, snapshot.audited.length),
      });
      const finished = await runs.completeRun(run.id, {
        entities,
        teams: teamRollups(org, entities, oncallAnnotations),
        figures: runFigures(entities),
      });
      logger.info(
        `Ownership audit run ${run.id} audited ${entities.length} entities in ${
          Date.now() - startedAt
        } ms`,
      );
      await this.afterSuccess(finished);
      return finished;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      logger.error(`Ownership audit run ${run.id} failed: ${message}`);
      return runs.failRun(run.id, message);
    }
  }

  private async afterSuccess(run: AuditRun) {
    const { runs, logger, retention, now } = this.deps;
    try {
      const pruned = await runs.prune(retention, now());
      if (pruned > 0) {
        logger.info(`Ownership retention removed ${pruned} old run(s)`);
      }
    } catch (error) {
      logger.warn(`Ownership retention failed; old runs are kept: ${error}`);
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
