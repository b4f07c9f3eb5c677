import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import type { AuditRun } from '@ownership-portal/plugin-ownership-common';
import type {
  ResultStore,
  RunStore,
  ServiceFilter,
} from '../../database/types';
import type { CatalogVisibility } from './CatalogVisibility';
import { InvalidParameterError } from './errors';
import { refFromParam, type FilterParams } from './params';

/** The run a read is served from. */
export interface ServedRun {
  id: number;
  generatedAt: string;
}

/**
 * Turns request parameters into a run and a store filter: picks the run
 * (the latest successful one, or the one a cursor was made in) and checks
 * every filter value against it: bad input is an
 * {@link InvalidParameterError} that names it.
 */
export class Selection {
  static create(deps: {
    runs: RunStore;
    results: ResultStore;
    ruleIds: () => string[];
    kinds: string[];
    visibility: CatalogVisibility;
  }) {
    return new Selection(deps);
  }

  private constructor(
    private readonly deps: {
      runs: RunStore;
      results: ResultStore;
      ruleIds: () => string[];
      kinds: string[];
      visibility: CatalogVisibility;
    },
  ) {}

  /** The latest successful run; 404 before the first one. */
  async latestRun(): Promise<ServedRun> {
    const run = await this.deps.runs.getLatestSucceededRun();
    if (!run) {
      throw new NotFoundError(
        'No ownership audit run has completed yet; start one with POST /api/ownership/runs or wait for the scheduled run',
      );
    }
    return served(run);
  }

  /** The run a cursor points into; 400 when it is no longer stored. */
  async cursorRun(runId: number): Promise<ServedRun> {
    const run = await this.deps.runs.getRun(runId);
    if (!run || run.status !== 'succeeded') {
      throw new InvalidParameterError(
        'cursor',
        `audit run ${runId} is no longer stored; start again without a cursor`,
      );
    }
    return served(run);
  }

  /**
   * The store filter for the parameters, checked against the run. A team the
   * caller may not read in the catalog is refused exactly like one that is
   * not in the run, so the answer does not say whether it exists.
   */
  async filter(
    runId: number,
    params: FilterParams,
    credentials: BackstageCredentials,
  ): Promise<ServiceFilter> {
    const filter: ServiceFilter = {};
    if (params.team) {
      const teamRef = refFromParam('team', params.team, 'group');
      const team = await this.deps.results.getTeam(runId, teamRef);
      if (
        !team ||
        !(await this.deps.visibility.canRead(team.entityRef, credentials))
      ) {
        throw new InvalidParameterError(
          'team',
          `${teamRef} is not a Group in audit run ${runId}`,
        );
      }
      filter.ownerRefs = [team.entityRef, ...team.subGroups];
    }
    if (params.ruleId.length) {
      const known = new Set(this.deps.ruleIds());
      const unknown = params.ruleId.filter(id => !known.has(id));
      if (unknown.length) {
        throw new InvalidParameterError(
          'ruleId',
          `unknown rule ${unknown
            .map(id => `"${id}"`)
            .join(', ')}; see GET /api/ownership/rules`,
        );
      }
      filter.ruleIds = params.ruleId;
    }
    if (params.severity.length) {
      filter.severities = params.severity;
    }
    if (params.kind.length) {
      const scoped = new Map(
        this.deps.kinds.map(k => [k.toLocaleLowerCase('en-US'), k]),
      );
      const unknown = params.kind.filter(
        k => !scoped.has(k.toLocaleLowerCase('en-US')),
      );
      if (unknown.length) {
        throw new InvalidParameterError(
          'kind',
          `${unknown.join(
            ', ',
          )} is not audited; audited kinds are ${this.deps.kinds.join(', ')}`,
        );
      }
      filter.kinds = params.kind.map(k => k.toLocaleLowerCase('en-US'));
    }
    if (params.lifecycle.length) {
      filter.lifecycles = params.lifecycle.map(l =>
        l.toLocaleLowerCase('en-US'),
      );
    }
    if (params.q) {
      filter.q = params.q;
    }
    return filter;
  }
}

function served(run: AuditRun): ServedRun {
  return { id: run.id, generatedAt: run.finishedAt ?? run.startedAt };
}
