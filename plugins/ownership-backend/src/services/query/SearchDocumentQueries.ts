import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type {
  OnCallAnswer,
  Page,
  SearchDocumentItem,
  ServiceDetails,
} from '@ownership-portal/plugin-ownership-common';
import { InvalidParameterError } from './errors';
import type { ServiceQueries } from './ServiceQueries';

/** How many entities of a page are read at the same time. */
const READ_CONCURRENCY = 8;

/** Parameters of `GET /search-documents`. */
interface SearchDocumentParams {
  limit: number;
  cursor?: string;
}

/**
 * Reads the latest run as search documents, one per entity the caller may
 * read, in entity ref order. Built on {@link ServiceQueries}, so that the
 * pages, cursors and totals and every entity's owner and runbooks follow
 * the caller's catalog permissions exactly as `/services` and
 * `/services/{ref}` do.
 */
export class SearchDocumentQueries {
  static create(deps: { services: Pick<ServiceQueries, 'list' | 'get'> }) {
    return new SearchDocumentQueries(deps.services);
  }

  private constructor(
    private readonly services: Pick<ServiceQueries, 'list' | 'get'>,
  ) {}

  /**
   * A page of search documents. A listing reads one run: when a newer run
   * lands while it is paged, the page is refused as a bad cursor, so that an
   * index never mixes two runs.
   */
  async list(
    params: SearchDocumentParams,
    credentials: BackstageCredentials,
  ): Promise<Page<SearchDocumentItem>> {
    const page = await this.services.list(
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
    const details = await mapBounded(refs, READ_CONCURRENCY, ref =>
      this.services.get(ref, credentials),
    );
    const moved = details.find(d => d.runId !== page.runId);
    if (moved) {
      throw new InvalidParameterError(
        'cursor',
        `audit run ${page.runId} was replaced by run ${moved.runId} while it was paged; start again without a cursor`,
      );
    }
    return { ...page, items: details.map(toSearchDocument) };
  }
}

/** One entity's details as a search document. */
function toSearchDocument(details: ServiceDetails): SearchDocumentItem {
  const { namespace, name } = refParts(details.entityRef);
  return {
    entityRef: details.entityRef,
    kind: details.kind,
    namespace,
    name,
    title: details.title,
    ...(details.description && { description: details.description }),
    ...(details.type && { type: details.type }),
    ...(details.lifecycle && { lifecycle: details.lifecycle }),
    ...(details.system && { system: details.system }),
    owner: {
      status: details.owner.status,
      ...(details.owner.entityRef && { entityRef: details.owner.entityRef }),
      ...(details.owner.title && { title: details.owner.title }),
      ...(details.owner.raw && { raw: details.owner.raw }),
    },
    onCallSchedules: scheduleNames(details.oncall),
    runbooks: (details.runbooks ?? []).map(r => ({
      title: r.title,
      url: r.url,
    })),
    adrs: (details.adrs ?? []).map(a => ({ title: a.title, url: a.url })),
    findingRuleIds: [...new Set(details.findings.map(f => f.ruleId))].sort(),
    level: details.level,
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

/** `fn` over `items` with at most `limit` calls at a time, results in order. */
async function mapBounded<T, R>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]);
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, worker),
  );
  return results;
}
