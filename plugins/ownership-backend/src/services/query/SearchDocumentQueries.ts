import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import type {
  OnCallAnswer,
  OwnerSummary,
  Page,
  SearchDocumentItem,
} from '@ownership-portal/plugin-ownership-common';
import type { EntityResult, ResultStore } from '../../database/types';
import type { CatalogVisibility } from './CatalogVisibility';
import { InvalidParameterError } from './errors';
import type { Selection } from './Selection';
import type { ServiceQueries } from './ServiceQueries';
import { readableOwners, visibleOwner } from './visibleOwner';

/** Parameters of `GET /search-documents`. */
interface SearchDocumentParams {
  limit: number;
  cursor?: string;
}

/** What {@link SearchDocumentQueries} reads from. */
interface SearchDocumentDeps {
  services: Pick<ServiceQueries, 'list'>;
  results: Pick<ResultStore, 'getEntityResults'>;
  selection: Pick<Selection, 'latestRun'>;
  visibility: CatalogVisibility;
}

/**
 * Reads the latest run as search documents, one per entity the caller may
 * read, in entity ref order. The pages, cursors and totals are those of
 * `/services` ({@link ServiceQueries.list}); each page's stored results are
 * then read in one batch, and its owners' visibility asked once, so that an
 * index of many thousand entities is not read one entity page at a time.
 * Owners and runbooks follow the caller's catalog permissions exactly as
 * `/services/{ref}` does; on-call schedules are those the run stored.
 */
export class SearchDocumentQueries {
  static create(deps: SearchDocumentDeps) {
    return new SearchDocumentQueries(deps);
  }

  private constructor(private readonly deps: SearchDocumentDeps) {}

  /**
   * A page of search documents. A listing reads one run: when a newer run
   * lands while it is paged, the page is refused as a bad cursor, so that an
   * index never mixes two runs.
   */
  async list(
    params: SearchDocumentParams,
    credentials: BackstageCredentials,
  ): Promise<Page<SearchDocumentItem>> {
    const page = await this.deps.services.list(
      {
        limit: params.limit,
        cursor: params.cursor,
        ruleId: [],
        severity: [],
        lifecycle: [],
        kind: [],
        orderBy: 'entityRef',
        order: 'asc',
      },
      credentials,
    );
    const refs = page.items.map(item => item.entityRef);
    if (refs.length === 0) {
      return { ...page, items: [] };
    }
    const latest = await this.deps.selection.latestRun();
    if (latest.id !== page.runId) {
      throw new InvalidParameterError(
        'cursor',
        `audit run ${page.runId} was replaced by run ${latest.id} while it was paged; start again without a cursor`,
      );
    }
    const stored = await this.deps.results.getEntityResults(page.runId, refs);
    const byRef = new Map(stored.map(result => [result.entityRef, result]));
    const results = refs.map(ref => {
      const result = byRef.get(ref.toLocaleLowerCase('en-US'));
      if (!result) {
        throw new NotFoundError(
          `${ref} is no longer in audit run ${page.runId}; start again without a cursor`,
        );
      }
      return result;
    });
    const canRead = await readableOwners(
      results.map(result => result.owner),
      this.deps.visibility,
      credentials,
    );
    return {
      ...page,
      items: results.map(result => toSearchDocument(result, canRead)),
    };
  }
}

/**
 * One entity's stored result as a search document, with what
 * `/services/{ref}` would show the caller: an owning Group the caller may
 * not read without its title, and without the runbooks it lends.
 */
function toSearchDocument(
  result: EntityResult,
  canRead: (owner: Pick<OwnerSummary, 'entityRef'>) => boolean,
): SearchDocumentItem {
  const owner = visibleOwner(result.owner, canRead);
  const ownerReadable = canRead(result.owner);
  // Team-link runbooks are links of the owning Group.
  const runbooks = (result.runbooks ?? []).filter(
    runbook => ownerReadable || runbook.source !== 'team-link',
  );
  // From the stored ref, which is lower-case, like the ref it names.
  const { namespace, name } = refParts(result.entityRef);
  return {
    entityRef: result.entityRef,
    kind: result.kind,
    namespace,
    name,
    title: result.title,
    ...(result.description && { description: result.description }),
    ...(result.type && { type: result.type }),
    ...(result.lifecycle && { lifecycle: result.lifecycle }),
    ...(result.system && { system: result.system }),
    owner: {
      status: owner.status,
      ...(owner.entityRef && { entityRef: owner.entityRef }),
      ...(owner.title && { title: owner.title }),
      ...(owner.raw && { raw: owner.raw }),
    },
    onCallSchedules: scheduleNames(result.oncall),
    runbooks: runbooks.map(r => ({ title: r.title, url: r.url })),
    adrs: (result.adrs ?? []).map(a => ({ title: a.title, url: a.url })),
    findingRuleIds: [...new Set(result.findings.map(f => f.ruleId))].sort(),
    level: result.level,
  };
}

/** The schedule's name and the named rotations and schedules it escalates to, each once. */
function scheduleNames(answer: OnCallAnswer | undefined): string[] {
  if (!answer) {
    return [];
  }
  const names = [
    answer.scheduleName,
    ...answer.escalation.flatMap(step =>
      step.targets
        .filter(t => t.type === 'rotation' || t.type === 'schedule')
        .map(t => t.name),
    ),
  ];
  return [...new Set(names.filter((n): n is string => !!n && n.trim() !== ''))];
}

/** Namespace and name of a full ref `kind:namespace/name`. */
function refParts(entityRef: string): { namespace: string; name: string } {
  const colon = entityRef.indexOf(':');
  const slash = entityRef.indexOf('/', colon + 1);
  return {
    namespace: entityRef.slice(colon + 1, slash),
    name: entityRef.slice(slash + 1),
  };
}
