import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import type {
  FindingRecord,
  OnCallAnswer,
  Page,
  RelatedService,
  ServiceDetails,
  ServiceSummary,
} from '@ownership-portal/plugin-ownership-common';
import type {
  RelationRef,
  ResultStore,
  ServiceFilter,
  ServiceOrderBy,
} from '../../database/types';
import type { OnCallService } from '../../oncall/OnCallService';
import type { CatalogVisibility } from './CatalogVisibility';
import { readPage, sliceCounted } from './paging';
import type { FilterParams } from './params';
import type { Selection } from './Selection';
import { visibleCodeowners } from './visibleCodeowners';
import { visibleOnCall } from './visibleOnCall';
import { readableOwners, visibleOwner } from './visibleOwner';

/** Listing parameters of `/services` and `/findings`. */
export interface ListParams extends FilterParams {
  limit: number;
  cursor?: string;
  orderBy?: ServiceOrderBy;
  order?: 'asc' | 'desc';
}

/** Reads services and findings of the latest run, as the caller may see them. */
export class ServiceQueries {
  static create(deps: {
    results: ResultStore;
    selection: Selection;
    visibility: CatalogVisibility;
    oncall?: OnCallService;
  }) {
    return new ServiceQueries(
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
    private readonly oncallService?: OnCallService,
  ) {}

  /**
   * Who is on call for an entity of the latest run, asked live (cached about
   * a minute); 404 when it is not in the run, not readable, or has no rotation.
   */
  async oncall(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<OnCallAnswer> {
    const { result } = await this.readable(entityRef, credentials);
    const answer =
      result.oncallSubject &&
      (await this.oncallService?.answer(result.oncallSubject));
    if (!answer) {
      throw new NotFoundError(
        `${entityRef} has no on-call rotation: no provider knows one for it or for its owning team`,
      );
    }
    return visibleOnCall(
      answer,
      result.oncallSubject,
      this.visibility,
      credentials,
    );
  }

  /**
   * A page of the selected entities the caller may read. The selection's
   * refs are read first (refs only), so that the total, the pages and the
   * cursors count readable entities only.
   */
  async list(
    params: ListParams,
    credentials: BackstageCredentials,
  ): Promise<Page<ServiceSummary>> {
    const { limit, cursor, ...selectionParams } = params;
    const order = params.orderBy
      ? { by: params.orderBy, direction: params.order ?? 'asc' }
      : undefined;
    return readPage(
      this.selection,
      { limit, cursor, selection: selectionParams },
      async (run, offset) => {
        const filter = await this.selection.filter(run.id, params, credentials);
        const [refs, ownerOnly] = await Promise.all([
          this.results.listServiceRefs(run.id, filter, order),
          this.matchedOnHiddenOwner(run.id, filter, credentials),
        ]);
        const readable = await this.visibility.readable(refs, credentials);
        const visible = refs.filter(
          ref => readable.has(ref) && !ownerOnly.has(ref),
        );
        const pageRefs = visible.slice(offset, offset + limit);
        const { items } = pageRefs.length
          ? await this.results.listServices(
              run.id,
              { ...filter, entityRefs: pageRefs },
              { offset: 0, limit },
              order,
            )
          : { items: [] };
        return {
          items: await this.withVisibleOwners(items, credentials),
          totalItems: visible.length,
        };
      },
    );
  }

  /**
   * A page of the findings of the selected entities the caller may read,
   * counted by entity first so that the total, the pages and the cursors
   * count readable findings only.
   */
  async findings(
    params: ListParams,
    credentials: BackstageCredentials,
  ): Promise<Page<FindingRecord>> {
    const { limit, cursor, ...selectionParams } = params;
    return readPage(
      this.selection,
      { limit, cursor, selection: selectionParams },
      async (run, offset) => {
        const filter = await this.selection.filter(run.id, params, credentials);
        const [counts, ownerOnly] = await Promise.all([
          this.results.countFindingsByEntity(run.id, filter),
          this.matchedOnHiddenOwner(run.id, filter, credentials),
        ]);
        const readable = await this.visibility.readable(
          counts.map(c => c.entityRef),
          credentials,
        );
        const visible = counts.filter(
          c => readable.has(c.entityRef) && !ownerOnly.has(c.entityRef),
        );
        const totalItems = visible.reduce((sum, c) => sum + c.count, 0);
        const { keys, skip } = sliceCounted(visible, offset, limit);
        const { items } = keys.length
          ? await this.results.listFindings(
              run.id,
              { ...filter, entityRefs: keys.map(k => k.entityRef) },
              { offset: skip, limit },
            )
          : { items: [] };
        return { items, totalItems };
      },
    );
  }

  private async readable(entityRef: string, credentials: BackstageCredentials) {
    const run = await this.selection.latestRun();
    const result = await this.results.getService(run.id, entityRef);
    const readable =
      result && (await this.visibility.readable([entityRef], credentials));
    if (!result || !readable?.has(entityRef)) {
      throw new NotFoundError(
        `${entityRef} is not in the latest ownership audit (run ${run.id}); check the ref, and that its kind is in ownership.scope.kinds`,
      );
    }
    return { run, result };
  }

  /** One entity in full; 404 when it is not in the latest run or not readable. */
  async get(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<ServiceDetails> {
    const { run, result } = await this.readable(entityRef, credentials);
    const related = [...result.dependsOn, ...result.dependents];
    const [summaries, visible, history] = await Promise.all([
      this.results.getServices(
        run.id,
        related.map(r => r.entityRef),
      ),
      this.visibility.readable(
        related.map(r => r.entityRef),
        credentials,
      ),
      this.results.getHistory(entityRef),
    ]);
    const byRef = new Map(summaries.map(s => [s.entityRef, s]));
    const suggested = result.suggestedOwner;
    const [canRead, suggestionReadable] = await Promise.all([
      readableOwners(
        [result.owner, ...summaries.map(s => s.owner)],
        this.visibility,
        credentials,
      ),
      suggested &&
        this.visibility.readable(
          // A CODEOWNERS suggestion comes from a file, not an entity.
          suggested.source === 'codeowners'
            ? [suggested.entityRef]
            : [suggested.entityRef, suggested.via],
          credentials,
        ),
    ]);
    const toRelated = (refs: RelationRef[]): RelatedService[] =>
      refs
        .filter(r => visible.has(r.entityRef))
        .map(r => {
          const summary = byRef.get(r.entityRef);
          return {
            entityRef: r.entityRef,
            kind:
              summary?.kind ?? r.entityRef.slice(0, r.entityRef.indexOf(':')),
            relation: r.relation,
            ...(summary && {
              title: summary.title,
              owner: visibleOwner(summary.owner, canRead),
            }),
          };
        });
    const {
      dependsOn,
      dependents,
      namespace,
      name,
      oncallSubject,
      oncall: stored,
      suggestedOwner,
      owner,
      runbooks,
      codeowners: storedCodeowners,
      ...details
    } = result;
    const ownerReadable = canRead(owner);
    // Team-link runbooks are links of the owning Group.
    const visibleRunbooks = runbooks?.filter(
      runbook => ownerReadable || runbook.source !== 'team-link',
    );
    const answer = this.oncallService
      ? oncallSubject && (await this.oncallService.answer(oncallSubject))
      : stored;
    const oncall =
      answer &&
      (await visibleOnCall(
        answer,
        oncallSubject,
        this.visibility,
        credentials,
      ));
    const codeowners =
      storedCodeowners &&
      (await visibleCodeowners(storedCodeowners, this.visibility, credentials));
    return {
      ...details,
      owner: visibleOwner(owner, canRead),
      ...(visibleRunbooks && { runbooks: visibleRunbooks }),
      ...(codeowners && { codeowners }),
      // A suggestion names a Group and the System or Domain it comes from.
      ...(suggestedOwner &&
        suggestionReadable?.size ===
          (suggestedOwner.source === 'codeowners' ? 1 : 2) && {
          suggestedOwner,
        }),
      ...(oncall && { oncall }),
      dependencies: toRelated(dependsOn),
      dependents: toRelated(dependents),
      history,
      runId: run.id,
      generatedAt: run.generatedAt,
    };
  }

  /**
   * Entities that the text filter `q` selects only through the title of an
   * owning Group the caller may not read: left out, or `q` would spell out
   * that title letter by letter.
   */
  private async matchedOnHiddenOwner(
    runId: number,
    filter: ServiceFilter,
    credentials: BackstageCredentials,
  ): Promise<Set<string>> {
    const needle = filter.q?.trim().toLocaleLowerCase('en-US');
    const excluded = new Set<string>();
    if (!needle) {
      return excluded;
    }
    const rows = await this.results.listSearchTexts(runId, filter);
    const canRead = await readableOwners(
      rows.map(row => ({ entityRef: row.ownerRef })),
      this.visibility,
      credentials,
    );
    for (const row of rows) {
      if (!row.ownerTitle || canRead({ entityRef: row.ownerRef })) {
        continue;
      }
      const lines = row.searchText.split('\n');
      const title = lines.indexOf(row.ownerTitle.toLocaleLowerCase('en-US'));
      if (title >= 0) {
        lines.splice(title, 1);
      }
      if (!lines.join('\n').includes(needle)) {
        excluded.add(row.entityRef);
      }
    }
    return excluded;
  }

  /** Summaries without the details of owning Groups the caller may not read. */
  async withVisibleOwners<T extends ServiceSummary>(
    items: T[],
    credentials: BackstageCredentials,
  ): Promise<T[]> {
    const canRead = await readableOwners(
      items.map(i => i.owner),
      this.visibility,
      credentials,
    );
    return items.map(item =>
      canRead(item.owner)
        ? item
        : { ...item, owner: visibleOwner(item.owner, canRead) },
    );
  }
}
