import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  AdrInfo,
  ResolvedService,
  RunbookInfo,
  TechDebtItem,
  TechDebtSummary,
} from '@ownership-portal/plugin-ownership-common';
import type { TechDebtSource } from '@ownership-portal/plugin-ownership-node';
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
  techDebt?: TechDebtSummary;
}

/**
 * Finds and reads an entity's runbooks, ADRs and technical debt (the
 * register file and every debt source that applies). A bad document never
 * stops a run: each problem is recorded with the entity.
 */
export class DocsResolver {
  static create(deps: {
    reader: DocumentReader;
    sources: TechDebtSource[];
    logger: LoggerService;
    runbookMaxAgeDays: number;
    debtMaxAgeDays: number;
  }) {
    return new DocsResolver(deps);
  }

  private constructor(
    private readonly deps: {
      reader: DocumentReader;
      sources: TechDebtSource[];
      logger: LoggerService;
      runbookMaxAgeDays: number;
      debtMaxAgeDays: number;
    },
  ) {}

  async resolve(service: ResolvedService, now: Date): Promise<DocsResolution> {
    const [runbooks, adrs, techDebt] = await Promise.all([
      collectRunbooks(service, {
        reader: this.deps.reader,
        now,
        maxAgeDays: this.deps.runbookMaxAgeDays,
      }),
      this.adrs(service),
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
  ): Promise<Pick<DocsResolution, 'adrs' | 'adrProblems'>> {
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
    if (folder.status !== 'ok') {
      return { adrProblems: folder.problems };
    }
    return {
      adrs: folder.adrs,
      ...(folder.problems.length && { adrProblems: folder.problems }),
    };
  }

  private async techDebt(
    service: ResolvedService,
    now: Date,
  ): Promise<TechDebtSummary | undefined> {
    const items: TechDebtItem[] = [];
    const problems: TechDebtSummary['problems'] = [];
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
        if (result.status === 'ok') {
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
      try {
        const found = await source.read(subject, { now });
        items.push(...found.map(item => ({ ...item, source: source.id })));
      } catch (error) {
        this.deps.logger.warn(
          `Tech debt source "${source.id}" failed for ${service.entityRef}: ${error}`,
        );
        problems.push({
          source: source.id,
          message: error instanceof Error ? error.message : String(error),
        });
      }
    }

    return known
      ? {
          ...summariseDebt(items, problems, {
            now,
            maxAgeDays: this.deps.debtMaxAgeDays,
          }),
          ...(registerUrl && { registerUrl }),
        }
      : undefined;
  }
}
