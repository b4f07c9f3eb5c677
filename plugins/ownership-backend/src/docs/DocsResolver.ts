import type {
  CacheService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { toError } from '@backstage/errors';
import type {
  AdrInfo,
  CodeownersInfo,
  ReadState,
  ResolvedService,
  RunbookInfo,
  TechDebtItem,
  SuggestedOwner,
  TechDebtSummary,
} from '@ownership-portal/plugin-ownership-common';
import {
  createLastGoodCache,
  isTransientFailure,
  type LastGoodCache,
  type TechDebtSource,
} from '@ownership-portal/plugin-ownership-node';
import type { AdrFirstSeenStore } from './adr/firstSeen';
import { CodeownersReader } from './codeowners/CodeownersReader';
import { repositoryRoot } from './codeowners/repositoryRoot';
import type { CodeownersMapper } from './codeowners/types';
import { mapCodeowners } from '../org/codeowners';
import {
  collectRunbooks,
  type DocumentReader,
  type EntityAdrs,
  readDebtRegister,
  readEntityAdrs,
  summariseDebt,
} from '@ownership-portal/plugin-ownership-rules';

/** What the documents of an entity add to it before rules run. */
export interface DocsResolution {
  runbooks: RunbookInfo[];
  adrs?: AdrInfo[];
  adrProblems?: string[];
  /** Set when the ADR folder could not be read just now. */
  adrRead?: ReadState;
  techDebt?: TechDebtSummary;
  /** The repository's CODEOWNERS default owners, when it has the file. */
  codeowners?: CodeownersInfo;
  /** An owner from CODEOWNERS, for an entity without a valid owner or another suggestion. */
  suggestedOwner?: SuggestedOwner;
}

/**
 * What one audit run shares between its entities: each repository's
 * CODEOWNERS file is read once, and its owners mapped to the run's catalog.
 */
interface DocsRun {
  codeowners: CodeownersReader;
  mapper: CodeownersMapper;
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
 * register file and every debt source that applies), and its repository's
 * CODEOWNERS file. A bad document never
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

  /**
   * Starts an audit run: within it, CODEOWNERS files are read once per
   * repository, and their owners mapped with `mapper` (the run's owner resolver).
   */
  startRun(mapper: CodeownersMapper): DocsRun {
    return {
      codeowners: CodeownersReader.create({ reader: this.deps.reader }),
      mapper,
    };
  }

  /**
   * Reads the entity's documents; with a `run`, also its repository's
   * CODEOWNERS file (and, for an entity without a valid owner or another
   * suggestion, suggests the team CODEOWNERS names).
   */
  async resolve(
    service: ResolvedService,
    now: Date,
    run?: DocsRun,
  ): Promise<DocsResolution> {
    const [runbooks, adrs, techDebt, codeowners] = await Promise.all([
      collectRunbooks(service, {
        reader: this.deps.reader,
        now,
        maxAgeDays: this.deps.runbookMaxAgeDays,
      }),
      this.adrs(service, now),
      this.techDebt(service, now),
      run ? this.codeowners(service, run) : undefined,
    ]);
    const needsSuggestion =
      !service.suggestedOwner &&
      (service.ownerResolution.status === 'missing' ||
        service.ownerResolution.status === 'unresolved');
    const suggestedOwner =
      codeowners && needsSuggestion
        ? run?.mapper.suggestFromCodeowners(codeowners)
        : undefined;
    return {
      runbooks,
      ...adrs,
      ...(techDebt && { techDebt }),
      ...(codeowners && { codeowners }),
      ...(suggestedOwner && { suggestedOwner }),
    };
  }

  private async codeowners(
    service: ResolvedService,
    run: DocsRun,
  ): Promise<CodeownersInfo | undefined> {
    const root = repositoryRoot(service.annotations);
    const file = root ? await run.codeowners.read(root) : undefined;
    if (!file) {
      return undefined;
    }
    return {
      url: file.url,
      path: file.path,
      defaultOwners: file.defaultOwners,
      ...mapCodeowners(file.defaultOwners, owner =>
        run.mapper.mapCodeowner(owner),
      ),
      ...(file.read && { read: file.read }),
    };
  }

  private async adrs(service: ResolvedService, now: Date): Promise<EntityAdrs> {
    const found = await readEntityAdrs(service, this.deps.reader);
    return found.adrs
      ? { ...found, adrs: await this.proposedSince(found.adrs, now) }
      : found;
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

    const register = await readDebtRegister(service, this.deps.reader);
    if (register) {
      known = true;
      registerUrl = register.registerUrl;
      items.push(...register.items);
      problems.push(...register.problems);
      reads.push(...register.reads);
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
