import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import type {
  Page,
  TeamDetails,
  TeamRollup,
} from '@ownership-portal/plugin-ownership-common';
import type {
  EntityStats,
  ResultStore,
  TeamOrderBy,
} from '../../database/types';
import type { OnCallService } from '../../oncall/OnCallService';
import type { CatalogVisibility } from './CatalogVisibility';
import { readPage } from './paging';
import { visibleReadingList } from './readingList';
import type { Selection } from './Selection';
import { byOwner, rollUp, subTree, type Tree } from './teamRollup';
import { readableOwners, visibleOwner } from './visibleOwner';

/** Listing parameters of `/teams`. */
interface TeamListParams {
  limit: number;
  cursor?: string;
  orderBy?: TeamOrderBy;
  order?: 'asc' | 'desc';
  q?: string;
}

/** The largest team page read at once for a team's own services. */
const TEAM_SERVICES_LIMIT = 1000;

/** Sort keys that are names; the others are figures and depend on what the caller may read. */
const NAME_KEYS: ReadonlySet<TeamOrderBy> = new Set(['entityRef', 'title']);

type Sortable = Pick<
  TeamRollup,
  'entityRef' | 'title' | 'serviceCount' | 'score' | 'findings'
>;

const SORT_VALUE: Record<TeamOrderBy, (team: Sortable) => string | number> = {
  entityRef: t => t.entityRef,
  title: t => t.title.toLocaleLowerCase('en-US'),
  serviceCount: t => t.serviceCount,
  score: t => t.score,
  errors: t => t.findings.error,
  findings: t => t.findings.error + t.findings.warning + t.findings.info,
};

function compareBy(by: TeamOrderBy, direction: 'asc' | 'desc') {
  const value = SORT_VALUE[by];
  const sign = direction === 'desc' ? -1 : 1;
  return (a: Sortable, b: Sortable): number => {
    const x = value(a);
    const y = value(b);
    if (x !== y) {
      return (x < y ? -1 : 1) * sign;
    }
    return a.entityRef < b.entityRef ? -1 : 1;
  };
}

/**
 * Reads team rollups of the latest run as the caller may see them: only
 * Groups the caller may read, with figures (service counts, findings,
 * levels, score) over the services the caller may read.
 */
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

  /**
   * A page of the Groups the caller may read. Ordered by a name, only the
   * page's teams are rolled up; ordered by a figure, every readable team is,
   * so that the order too follows what the caller may read.
   */
  async list(
    params: TeamListParams,
    credentials: BackstageCredentials,
  ): Promise<Page<TeamRollup>> {
    const { limit, cursor, ...selectionParams } = params;
    return readPage(
      this.selection,
      { limit, cursor, selection: selectionParams },
      async (run, offset) => {
        const all = await this.allTeams(run.id);
        const tree: Tree = new Map();
        for (const team of all) {
          if (team.parent) {
            const parent = team.parent.toLocaleLowerCase('en-US');
            tree.set(parent, [...(tree.get(parent) ?? []), team.entityRef]);
          }
        }
        const readable = await this.visibility.readable(
          all.map(t => t.entityRef),
          credentials,
        );
        const needle = params.q?.trim().toLocaleLowerCase('en-US');
        const teams = all.filter(
          t =>
            readable.has(t.entityRef) &&
            (!needle ||
              t.title.toLocaleLowerCase('en-US').includes(needle) ||
              t.entityRef.includes(needle)),
        );
        const by = params.orderBy ?? 'entityRef';
        const compare = compareBy(by, params.order ?? 'asc');
        const byName = NAME_KEYS.has(by);
        const chosen = byName
          ? teams.sort(compare).slice(offset, offset + limit)
          : teams;
        const owners = chosen.flatMap(t => subTree(tree, t.entityRef));
        const stats = await this.visibleStats(
          run.id,
          credentials,
          byName ? owners : undefined,
        );
        const owned = byOwner(stats);
        const rolled = chosen.map(team =>
          rollUp(team, subTree(tree, team.entityRef), owned),
        );
        const items = byName
          ? rolled
          : rolled.sort(compare).slice(offset, offset + limit);
        return {
          items: await Promise.all(
            items.map(async team => {
              const hidden = subTree(tree, team.entityRef).some(
                ref => !readable.has(ref),
              );
              return hidden
                ? {
                    ...team,
                    memberCount: await this.visibleMemberCount(
                      run.id,
                      team.entityRef,
                      readable,
                    ),
                  }
                : team;
            }),
          ),
          totalItems: teams.length,
        };
      },
    );
  }

  /**
   * A team with its services (sub-groups' included), members and open
   * findings, as the caller may see them; 404, worded as for a missing team,
   * when the caller may not read the Group.
   */
  async get(
    teamRef: string,
    credentials: BackstageCredentials,
  ): Promise<TeamDetails> {
    const run = await this.selection.latestRun();
    const team = await this.results.getTeam(run.id, teamRef);
    if (
      !team ||
      !(await this.visibility.canRead(team.entityRef, credentials))
    ) {
      throw new NotFoundError(
        `${teamRef} is not a Group in the latest ownership audit (run ${run.id})`,
      );
    }
    const owners = [team.entityRef, ...team.subGroups];
    const filter = { ownerRefs: owners };
    const page = { offset: 0, limit: TEAM_SERVICES_LIMIT };
    const { annotations, readingList, ...stored } = team;
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
    const [stats, services, findings, oncall, subGroups] = await Promise.all([
      this.visibleStats(run.id, credentials, owners),
      this.results.listServices(run.id, filter, page),
      this.results.listFindings(run.id, filter, page),
      this.oncall?.answer(subject),
      this.visibility.readable(team.subGroups, credentials),
    ]);
    const visible = new Set(stats.map(s => s.entityRef));
    const readableGroups = new Set([team.entityRef, ...subGroups]);
    const ownerOf = new Map(stats.map(s => [s.entityRef, s.ownerRef]));
    // Members that only a hidden sub-group brings in are the sub-group's.
    const members = stored.members.filter(
      m => !m.via || readableGroups.has(m.via.toLocaleLowerCase('en-US')),
    );
    const visibleServices = services.items.filter(s =>
      visible.has(s.entityRef),
    );
    const canRead = await readableOwners(
      visibleServices.map(s => s.owner),
      this.visibility,
      credentials,
    );
    return {
      ...stored,
      ...rollUp(stored, owners, byOwner(stats)),
      members,
      memberCount: members.length,
      subGroups: team.subGroups.filter(ref => subGroups.has(ref)),
      readingList: visibleReadingList(
        readingList ?? { runbooks: [], adrs: [] },
        visible,
        ref => readableGroups.has(ownerOf.get(ref) ?? ''),
      ),
      ...(oncall && { oncall }),
      services: visibleServices.map(s => ({
        ...s,
        owner: visibleOwner(s.owner, canRead),
      })),
      findingRecords: findings.items.filter(f => visible.has(f.entityRef)),
      runId: run.id,
      generatedAt: run.generatedAt,
    };
  }

  /**
   * Members of a team without those that only a sub-group the caller may not
   * read brings in; read only for the rare team with such a sub-group.
   */
  private async visibleMemberCount(
    runId: number,
    teamRef: string,
    readableGroups: ReadonlySet<string>,
  ): Promise<number> {
    const team = await this.results.getTeam(runId, teamRef);
    return (team?.members ?? []).filter(
      m => !m.via || readableGroups.has(m.via.toLocaleLowerCase('en-US')),
    ).length;
  }

  /** Every team of the run, as stored. */
  private async allTeams(runId: number): Promise<TeamRollup[]> {
    const { totalItems } = await this.results.listTeams(runId, {
      offset: 0,
      limit: 0,
    });
    if (totalItems === 0) {
      return [];
    }
    const { items } = await this.results.listTeams(runId, {
      offset: 0,
      limit: totalItems,
    });
    return items;
  }

  /** Figures of the entities the caller may read: all of the run's, or those of some owners. */
  private async visibleStats(
    runId: number,
    credentials: BackstageCredentials,
    ownerRefs?: string[],
  ): Promise<EntityStats[]> {
    if (ownerRefs && ownerRefs.length === 0) {
      return [];
    }
    const stats = await this.results.listEntityStats(runId, ownerRefs);
    const readable = await this.visibility.readable(
      stats.map(s => s.entityRef),
      credentials,
    );
    return stats.filter(s => readable.has(s.entityRef));
  }
}
