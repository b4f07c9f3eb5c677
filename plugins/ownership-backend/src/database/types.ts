import type {
  AuditRun,
  CodeownersInfo,
  Contact,
  FindingRecord,
  HistoryPoint,
  MaturityLevel,
  MemberSummary,
  ReadingList,
  RunbookInfo,
  AdrInfo,
  ReadState,
  TechDebtSummary,
  OnCallAnswer,
  OwnerDetails,
  RunFigures,
  ServiceSummary,
  Severity,
  SeverityCounts,
  SuggestedOwner,
  TeamRollup,
  TrendPoint,
} from '@ownership-portal/plugin-ownership-common';
import type { OnCallSubject } from '@ownership-portal/plugin-ownership-node';

/** A link from one audited entity to another, by catalog relation. */
export interface RelationRef {
  entityRef: string;
  /** The catalog relation type, e.g. `dependsOn`, `consumesApi`, `dependencyOf`. */
  relation: string;
}

/** Everything stored about one entity in one run. */
export interface EntityResult extends Omit<ServiceSummary, 'owner'> {
  namespace: string;
  name: string;
  description?: string;
  tags: string[];
  owner: OwnerDetails;
  suggestedOwner?: SuggestedOwner;
  /** Entities this one depends on (outgoing `dependsOn` / `consumesApi`). */
  dependsOn: RelationRef[];
  /** Entities that depend on this one (incoming relations). */
  dependents: RelationRef[];
  /** Who was on call when the run resolved it. */
  oncall?: OnCallAnswer;
  /** What on-call providers match on, so that live answers need no catalog read. */
  oncallSubject?: OnCallSubject;
  runbooks?: RunbookInfo[];
  adrs?: AdrInfo[];
  adrProblems?: string[];
  adrRead?: ReadState;
  techDebt?: TechDebtSummary;
  /** The repository's CODEOWNERS default owners, all mapped refs included. */
  codeowners?: CodeownersInfo;
}

/** Everything stored about one team (Group) in one run. */
export interface TeamResult extends TeamRollup {
  /** The Group's on-call annotations, for live answers. */
  annotations?: Record<string, string>;
  /** The team's runbooks and ADRs (sub-groups included), for onboarding. */
  readingList?: ReadingList;
  members: MemberSummary[];
  contacts: Contact[];
  /** Full refs of all sub-groups at any depth (not the team itself). */
  subGroups: string[];
}

/** The complete outcome of a run, written at once. */
export interface RunResults {
  entities: EntityResult[];
  teams: TeamResult[];
  figures: RunFigures;
}

/** Sort keys of the service listing. */
export type ServiceOrderBy =
  | 'entityRef'
  | 'title'
  | 'score'
  | 'level'
  | 'findings';
/** Sort keys of the team listing. */
export type TeamOrderBy =
  | 'entityRef'
  | 'title'
  | 'serviceCount'
  | 'score'
  | 'errors'
  | 'findings';

/**
 * A selection of entity results in one run. All filters are ANDed; values
 * within one filter are ORed. Refs and values are compared lower-case.
 */
export interface ServiceFilter {
  /** Owner refs (a team and its sub-groups, already expanded by the caller). */
  ownerRefs?: string[];
  /** Entities with at least one finding of any of these rules. */
  ruleIds?: string[];
  /** Entities with at least one finding of any of these severities. */
  severities?: Severity[];
  lifecycles?: string[];
  kinds?: string[];
  /** Case-insensitive substring over name, title, tags, system and owner. */
  q?: string;
  /** Only these entities; at most a few hundred (one `IN` list). */
  entityRefs?: string[];
}

/** The figures of one entity that a team rollup adds up. */
export interface EntityStats {
  entityRef: string;
  /** Full ref of the owner, lower-case, when there is one. */
  ownerRef?: string;
  score: number;
  level: MaturityLevel;
  findings: SeverityCounts;
}

/** Offset pagination; the router turns opaque cursors into offsets. */
export interface PageRequest {
  offset: number;
  limit: number;
}

/** Retention of stored runs. */
export interface RetentionPolicy {
  /** Keep every run started within this many days. */
  keepAllDays: number;
  /** Beyond that, keep one run per UTC day (the last successful one) for this many days. */
  keepDailyDays: number;
}

/** Runs: their life cycle, history and retention. */
export interface RunStore {
  /**
   * Records a new run in state `running` and returns it. At most one run is
   * running at a time, across replicas: while one is, this throws a
   * `RunInProgressError` naming it.
   */
  startRun(options: {
    trigger: AuditRun['trigger'];
    triggeredBy?: string;
  }): Promise<AuditRun>;
  /** Records how far a running run has come; a heartbeat too. */
  updateProgress(id: number, processed: number, total: number): Promise<void>;
  /** Records that the run's process is alive; false once the run is no longer running. */
  heartbeat(id: number): Promise<boolean>;
  /**
   * Marks failed, with `reason`, the running run whose last heartbeat is
   * older than `staleBefore`, in one conditional update; returns the runs it
   * marked (none while the running run is alive).
   */
  abandonStaleRuns(staleBefore: Date, reason: string): Promise<AuditRun[]>;
  /**
   * Stores the results and marks the run succeeded, in one transaction:
   * readers see either nothing of the run or all of it.
   */
  completeRun(id: number, results: RunResults): Promise<AuditRun>;
  /** Marks a run failed with its error; stored results of earlier runs stay. */
  failRun(id: number, error: string): Promise<AuditRun>;
  getRun(id: number): Promise<AuditRun | undefined>;
  /** The most recently started run, whatever its status. */
  getLatestRun(): Promise<AuditRun | undefined>;
  /** The most recent run in state `running`, if any. */
  getRunningRun(): Promise<AuditRun | undefined>;
  /** The most recently finished successful run: the one readers are served from. */
  getLatestSucceededRun(): Promise<AuditRun | undefined>;
  /** Recent runs, newest first. */
  listRuns(limit: number): Promise<AuditRun[]>;
  /** Figures of every stored successful run, oldest first. */
  listTrend(): Promise<TrendPoint[]>;
  /** The figures stored with a successful run. */
  getFigures(runId: number): Promise<RunFigures | undefined>;
  /** Deletes runs (and their results) the policy no longer keeps; returns how many. */
  prune(policy: RetentionPolicy, now: Date): Promise<number>;
}

/** Results of runs: what the API reads. */
export interface ResultStore {
  listServices(
    runId: number,
    filter: ServiceFilter,
    page: PageRequest,
    order?: { by: ServiceOrderBy; direction: 'asc' | 'desc' },
  ): Promise<{ items: ServiceSummary[]; totalItems: number }>;
  /** Flat findings of the selected entities, ordered by entity ref then rule id. */
  listFindings(
    runId: number,
    filter: ServiceFilter,
    page: PageRequest,
  ): Promise<{ items: FindingRecord[]; totalItems: number }>;
  getService(
    runId: number,
    entityRef: string,
  ): Promise<EntityResult | undefined>;
  /** Summaries of the given entities that are in the run; others are left out. */
  getServices(runId: number, entityRefs: string[]): Promise<ServiceSummary[]>;
  /**
   * Everything stored about each of the given entities that is in the run,
   * in the order of `entityRefs` (compared lower-case, each once); others
   * are left out. Reads entities and findings a few hundred refs at a
   * time, not one entity at a time.
   */
  getEntityResults(
    runId: number,
    entityRefs: string[],
  ): Promise<EntityResult[]>;
  /** The entity's state in every stored successful run, oldest first. */
  getHistory(entityRef: string): Promise<HistoryPoint[]>;
  listTeams(
    runId: number,
    page: PageRequest,
    order?: { by: TeamOrderBy; direction: 'asc' | 'desc' },
    q?: string,
  ): Promise<{ items: TeamRollup[]; totalItems: number }>;
  getTeam(runId: number, teamRef: string): Promise<TeamResult | undefined>;
  /** Refs of the whole selection, in the listing's order (default: by ref). */
  listServiceRefs(
    runId: number,
    filter: ServiceFilter,
    order?: { by: ServiceOrderBy; direction: 'asc' | 'desc' },
  ): Promise<string[]>;
  /**
   * What the text filter `q` matched for each entity of the selection: its
   * owner and searchable text (name, title, tags, system, owner ref, owner
   * title, `spec.owner`, one per line), so that a caller who may not read
   * the owning Group is not answered on its title.
   */
  listSearchTexts(
    runId: number,
    filter: ServiceFilter,
  ): Promise<
    Array<{
      entityRef: string;
      ownerRef?: string;
      ownerTitle?: string;
      searchText: string;
    }>
  >;
  /** How many findings of the selection each entity has, by entity ref; entities without any are left out. */
  countFindingsByEntity(
    runId: number,
    filter: ServiceFilter,
  ): Promise<Array<{ entityRef: string; count: number }>>;
  /** Figures of the run's entities, all of them or those of the given owners. */
  listEntityStats(runId: number, ownerRefs?: string[]): Promise<EntityStats[]>;
  /** Refs of the entities whose runbooks, ADRs or debt register name this `file:` URL. */
  findDocumentReferrers(runId: number, url: string): Promise<string[]>;
  /** Every entity result of a run, in pages of `pageSize`, for the lookup index and exports. */
  streamEntities(
    runId: number,
    pageSize?: number,
  ): AsyncIterable<EntityResult[]>;
}
