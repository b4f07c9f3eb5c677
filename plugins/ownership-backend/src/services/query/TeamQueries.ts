import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import type {
  Page,
  TeamDetails,
  TeamRollup,
} from '@ownership-portal/plugin-ownership-common';
import type { ResultStore, TeamOrderBy } from '../../database/types';
import type { OnCallService } from '../../oncall/OnCallService';
import type { CatalogVisibility } from './CatalogVisibility';
import { readPage } from './paging';
import type { Selection } from './Selection';

/** Listing parameters of `/teams`. */
export interface TeamListParams {
  limit: number;
  cursor?: string;
  orderBy?: TeamOrderBy;
  order?: 'asc' | 'desc';
  q?: string;
}

/** The largest team page read at once for a team's own services. */
const TEAM_SERVICES_LIMIT = 1000;

/** Reads team rollups of the latest run. */
export class TeamQueries {
  static create(deps: {
    results: ResultStore;
    selection: Selection;
    visibility: CatalogVisibility;
    oncall?: OnCallService;
  }) {
    return new TeamQueries(
      deps.results,
      deps.selection,
      deps.visibility,
      deps.oncall,
    );
  }

  private constructor(
    private readonly results: ResultStore,
    private readonly selection: Selection,
    private readonly visibility: CatalogVisibility,
    private readonly oncall?: OnCallService,
  ) {}

  async list(params: TeamListParams): Promise<Page<TeamRollup>> {
    const { limit, cursor, ...selectionParams } = params;
    return readPage(
      this.selection,
      { limit, cursor, selection: selectionParams },
      async (run, offset) => {
        const order = params.orderBy
          ? { by: params.orderBy, direction: params.order ?? 'asc' }
          : undefined;
        const page = await this.results.listTeams(
          run.id,
          { offset, limit },
          order,
          params.q,
        );
        return { ...page, visible: page.items };
      },
    );
  }

  /** A team with its services (sub-groups' included), members and open findings. */
  async get(
    teamRef: string,
    credentials: BackstageCredentials,
  ): Promise<TeamDetails> {
    const run = await this.selection.latestRun();
    const team = await this.results.getTeam(run.id, teamRef);
    if (!team) {
      throw new NotFoundError(
        `${teamRef} is not a Group in the latest ownership audit (run ${run.id})`,
      );
    }
    const filter = { ownerRefs: [team.entityRef, ...team.subGroups] };
    const page = { offset: 0, limit: TEAM_SERVICES_LIMIT };
    const { annotations, readingList, ...rollup } = team;
    const subject = {
      service: {
        entityRef: team.entityRef,
        kind: 'Group',
        title: team.title,
        annotations: annotations ?? {},
      },
      team: {
        entityRef: team.entityRef,
        title: team.title,
        annotations: annotations ?? {},
      },
    };
    const [services, findings, oncall] = await Promise.all([
      this.results.listServices(run.id, filter, page),
      this.results.listFindings(run.id, filter, page),
      this.oncall?.answer(subject),
    ]);
    return {
      ...rollup,
      readingList: readingList ?? { runbooks: [], adrs: [] },
      ...(oncall && { oncall }),
      services: await this.visibility.filter(services.items, credentials),
      findingRecords: await this.visibility.filter(findings.items, credentials),
      runId: run.id,
      generatedAt: run.generatedAt,
    };
  }
}
