import type {
  CacheService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { toError } from '@backstage/errors';
import type {
  AdrInfo,
  ReadState,
  ResolvedService,
  RunbookInfo,
  TechDebtItem,
  TechDebtSummary,
} from '@ownership-portal/plugin-ownership-common';
import {
  createLastGoodCache,
  isTransientFailure,
  type LastGoodCache,
  type TechDebtSource,
} from '@ownership-portal/plugin-ownership-node';
import type { AdrFirstSeenStore } from './adr/firstSeen';
import { readAdrs } from './adr/readAdrs';
import { parseRegister } from './debt/parseRegister';
import { summariseDebt } from './debt/summarise';
import { collectRunbooks } from './runbooks/collectRunbooks';
import type { DocumentReader } from './types';

const MANAGED_BY = 'backstage.io/managed-by-location';
const ADR_LOCATION = 'backstage.io/adr-location';
const TECH_DEBT = 'ownership-portal/tech-debt';

/** What the documents of an entity add to it before rules run. */
export interface DocsResolution {
  runbooks: RunbookInfo[];
  adrs?: AdrInfo[];
  adrProblems?: string[];
  /** Set when the ADR folder could not be read just now. */
  adrRead?: ReadState;
  techDebt?: TechDebtSummary;
}

/** What {@link DocsResolver.create} needs. */
interface DocsResolverDeps {
  reader: DocumentReader;
  sources: TechDebtSource[];
  logger: LoggerService;
  runbookMaxAgeDays: number;
  debtMaxAgeDays: number;
  /** Keeps each debt source's last good items, served stale while it fails. */
  cache?: CacheService;
  /** Dates proposals whose record states no date; without it they stay undated. */
  firstSeen?: AdrFirstSeenStore;
}

/** Debt sources' last good items are kept 30 days. */
const LAST_GOOD_DEBT_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Finds and reads an entity's runbooks, ADRs and technical debt (the
 * register file and every debt source that applies). A bad document never
 * stops a run: each problem is recorded with the entity. What could not be
 * read just now (a transient failure) is served from its last good read
 * marked stale, or marked unknown: never a problem, so never a finding.
 */
export class DocsResolver {
  static create(deps: DocsResolverDeps) {
    return new DocsResolver(deps);
  }

  private readonly lastDebt?: LastGoodCache<Omit<TechDebtItem, 'source'>[]>;

  private constructor(private readonly deps: DocsResolverDeps) {
    if (deps.cache) {
      this.lastDebt = createLastGoodCache({
        cache: deps.cache,
        prefix: 'techdebt:source',
        ttlMs: LAST_GOOD_DEBT_TTL_MS,
        logger: deps.logger,
      });
    }
  }

  async resolve(service: ResolvedService, now: Date): Promise<DocsResolution> {
    const [runbooks, adrs, techDebt] = await Promise.all([
      collectRunbooks(service, {
        reader: this.deps.reader,
        now,
        maxAgeDays: this.deps.runbookMaxAgeDays,
      }),
      this.adrs(service, now),
      this.techDebt(service, now),
    ]);
    return {
      runbooks,
      ...adrs,
      ...(techDebt && { techDebt }),
    };
  }

  private async adrs(
    service: ResolvedService,
    now: Date,
  ): Promise<Pick<DocsResolution, 'adrs' | 'adrProblems' | 'adrRead'>> {
    const location = service.annotations[ADR_LOCATION]?.trim();
    if (!location) {
      return {};
    }
    const resolved = this.deps.reader.resolve(
      location,
      service.annotations[MANAGED_BY],
    );
    if ('error' in resolved) {
      return { adrProblems: [resolved.error] };
    }
    const folder = await readAdrs(this.deps.reader, resolved.url);
    if (folder.status === 'unknown') {
      return {
        adrRead: {
          status: 'unknown',
          reason: folder.reason ?? `${resolved.url} could not be read just now`,
        },
      };
    }
    if (folder.status !== 'ok') {
      return { adrProblems: folder.problems };
    }
    return {
      adrs: await this.proposedSince(folder.adrs, now),
      ...(folder.problems.length && { adrProblems: folder.problems }),
      ...(folder.stale && {
        adrRead: { status: 'stale' as const, ...folder.stale },
      }),
    };
  }

  /**
   * Dates each proposed ADR: by the record's own date, else by when the
   * portal first saw it proposed (kept across runs). A store failure leaves
   * undated proposals undated, which raises nothing.
   */
  private async proposedSince(adrs: AdrInfo[], now: Date): Promise<AdrInfo[]> {
    const undated = adrs.filter(a => a.status === 'proposed' && !a.date);
    let firstSeen = new Map<string, Date>();
    if (this.deps.firstSeen) {
      try {
        firstSeen = await this.deps.firstSeen.observe({
          proposed: undated.map(a => a.url),
          notProposed: adrs
            .filter(a => a.status !== 'proposed')
            .map(a => a.url),
          now,
        });
      } catch (error) {
        this.deps.logger.warn(
          `Cannot record when ADRs were first seen proposed: ${
            toError(error).message
          }`,
        );
      }
    }
    return adrs.map(adr => {
      if (adr.status !== 'proposed') {
        return adr;
      }
      if (adr.date) {
        return { ...adr, proposedSince: { date: adr.date, source: 'record' } };
      }
      const seen = firstSeen.get(adr.url);
      return seen
        ? {
            ...adr,
            proposedSince: {
              date: seen.toISOString().slice(0, 10),
              source: 'first-seen',
            },
          }
        : adr;
    });
  }

  private async techDebt(
    service: ResolvedService,
    now: Date,
  ): Promise<TechDebtSummary | undefined> {
    const items: TechDebtItem[] = [];
    const problems: TechDebtSummary['problems'] = [];
    const reads: NonNullable<TechDebtSummary['reads']> = [];
    let known = false;
    let registerUrl: string | undefined;

    const register = service.annotations[TECH_DEBT]?.trim();
    if (register) {
      known = true;
      const resolved = this.deps.reader.resolve(
        register,
        service.annotations[MANAGED_BY],
      );
      if ('error' in resolved) {
        problems.push({ source: 'register', message: resolved.error });
      } else {
        registerUrl = resolved.url;
        const result = await this.deps.reader.readFile(resolved.url);
        if (result.status === 'unknown') {
          reads.push({
            source: 'register',
            status: 'unknown',
            reason: result.reason,
          });
        } else if (result.status === 'ok') {
          if (result.stale) {
            reads.push({
              source: 'register',
              status: 'stale',
              ...result.stale,
            });
          }
          const parsed = parseRegister(result.text, { url: result.url });
          items.push(
            ...parsed.items.map(item => ({ ...item, source: 'register' })),
          );
          problems.push(
            ...parsed.problems.map(message => ({
              source: 'register',
              message,
            })),
          );
        } else {
          problems.push({
            source: 'register',
            message: `${result.url} cannot be read: ${result.reason}`,
          });
        }
      }
    }

    const subject = {
      entityRef: service.entityRef,
      kind: service.kind,
      annotations: service.annotations,
    };
    for (const source of this.deps.sources) {
      if (!source.appliesTo(subject)) {
        continue;
      }
      known = true;
      const key = `${source.id}:${service.entityRef}`;
      try {
        const found = await source.read(subject, { now });
        await this.lastDebt?.remember(key, found);
        items.push(...found.map(item => ({ ...item, source: source.id })));
      } catch (error) {
        const reason = toError(error).message;
        if (!isTransientFailure(error)) {
          this.deps.logger.warn(
            `Tech debt source "${source.id}" failed for ${service.entityRef}: ${reason}`,
          );
          problems.push({ source: source.id, message: reason });
          continue;
        }
        const last = await this.lastDebt?.recall(key);
        this.deps.logger.warn(
          `Tech debt source "${source.id}" could not be read for ${
            service.entityRef
          } just now (${reason}); ${
            last
              ? `serving its items as read at ${last.readAt}`
              : 'no earlier read'
          }`,
        );
        if (last) {
          items.push(
            ...last.value.map(item => ({ ...item, source: source.id })),
          );
          reads.push({
            source: source.id,
            status: 'stale',
            reason,
            readAt: last.readAt,
          });
        } else {
          reads.push({ source: source.id, status: 'unknown', reason });
        }
      }
    }

    return known
      ? {
          ...summariseDebt(items, problems, {
            now,
            maxAgeDays: this.deps.debtMaxAgeDays,
          }),
          ...(registerUrl && { registerUrl }),
          ...(reads.length && { reads }),
        }
      : undefined;
  }
}
