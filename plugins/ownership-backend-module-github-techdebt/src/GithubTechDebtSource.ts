import type {
  CacheService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import {
  DefaultGithubCredentialsProvider,
  type GithubCredentialsProvider,
  type ScmIntegrationRegistry,
  ScmIntegrations,
} from '@backstage/integration';
import type { JsonValue } from '@backstage/types';
import type { TechDebtItem } from '@ownership-portal/plugin-ownership-common';
import {
  createResilience,
  type ResilienceOptions,
  type TechDebtSource,
  type TechDebtSubject,
} from '@ownership-portal/plugin-ownership-node';
import { GithubIssuesClient } from './client/GithubIssuesClient';
import {
  InvalidRepositorySlugError,
  parseRepositorySlug,
} from './client/repositorySlug';
import type { GhIssue, GhLabel } from './client/types';
import {
  DEFAULT_CACHE_TTL_MS,
  DEFAULT_HOST,
  DEFAULT_LABEL,
  DEFAULT_MAX_PAGES,
  readGithubTechDebtConfig,
} from './config';

/**
 * The GitHub plugins' repository annotation, `owner/repo`.
 *
 * @public
 */
export const PROJECT_SLUG_ANNOTATION = 'github.com/project-slug';
const SOURCE_LOCATION_ANNOTATION = 'backstage.io/source-location';
const IMPACTS = ['low', 'medium', 'high', 'critical'] as const;
const IMPACT_LABEL = /^impact\s*[:/=]\s*(low|medium|high|critical)$/i;

type Item = Omit<TechDebtItem, 'source'>;

/**
 * How long a listing is kept with its ETag, to ask GitHub whether it changed
 * once the items' cache TTL has passed. Its items are served only after
 * GitHub answers 304 for that ETag.
 */
const REVALIDATE_TTL_MS = 24 * 60 * 60 * 1000;

/** A listing's items with the ETag GitHub sent for them. */
type Revalidation = { etag: string; items: Item[] };

/**
 * Settings of {@link GithubTechDebtSource.create}.
 *
 * @public
 */
export interface GithubTechDebtSourceOptions {
  /** The `integrations` of the app config; `integrations.github` gives hosts, API URLs and credentials. */
  integrations: ScmIntegrationRegistry;
  /** Defaults to `DefaultGithubCredentialsProvider.fromIntegrations(integrations)`. */
  credentialsProvider?: GithubCredentialsProvider;
  /** Issues with this label are debt. Default `tech-debt`. */
  label?: string;
  /** Host of repositories whose entity names no GitHub source location. Default `github.com`. */
  host?: string;
  /**
   * How long a repository's items are reused without asking GitHub, in ms.
   * Default 10 minutes; 0 asks every time. After it, a one-page listing is
   * asked with its ETag (kept a day), and a 304 reuses its items.
   */
  cacheTtlMs?: number;
  /** Pages of 100 issues read per repository at most. Default 10. */
  maxPages?: number;
  /** Keeps items between audits and replicas. */
  cache?: CacheService;
  logger?: LoggerService;
  /** Timeout, retries, breaker and concurrency of the calls to GitHub. */
  resilience?: Omit<ResilienceOptions, 'name' | 'logger'>;
  /** For tests: the clock of rate-limit waits. */
  clock?: () => number;
}

function labelName(label: GhLabel | string): string {
  return (typeof label === 'string' ? label : label.name ?? '').trim();
}

/** The highest `impact:<level>` label, else `medium`. */
export function impactOf(labels: GhIssue['labels']): Item['impact'] {
  let impact = -1;
  for (const label of labels ?? []) {
    const level = IMPACT_LABEL.exec(labelName(label))?.[1]?.toLowerCase();
    if (level) {
      impact = Math.max(impact, IMPACTS.indexOf(level as Item['impact']));
    }
  }
  return impact >= 0 ? IMPACTS[impact] : 'medium';
}

/** One GitHub issue as a debt item. */
function issueToItem(issue: GhIssue): Item {
  const assignees = [
    ...(issue.assignee ? [issue.assignee] : []),
    ...(issue.assignees ?? []),
  ];
  const owner = assignees[0]?.login;
  const due = issue.milestone?.due_on?.slice(0, 10);
  return {
    id: `#${issue.number}`,
    title: issue.title,
    impact: impactOf(issue.labels),
    created: issue.created_at.slice(0, 10),
    ...(due && { due }),
    status: owner ? 'in-progress' : 'open',
    issue: issue.html_url,
    ...(owner && { owner }),
  };
}

/**
 * Tech debt from GitHub: the open issues with a label (`tech-debt` unless
 * configured) of the repository an entity's `github.com/project-slug`
 * names. Impact comes from `impact:<level>` labels, the due date from the
 * issue's milestone, the owner from its assignee.
 *
 * @public
 */
export class GithubTechDebtSource implements TechDebtSource {
  readonly id = 'github';

  /** Builds the source from `integrations.github` and `ownership.techdebt.github`. */
  static fromConfig(
    config: Config,
    options: { logger?: LoggerService; cache?: CacheService } = {},
  ): GithubTechDebtSource {
    const settings = readGithubTechDebtConfig(config);
    return GithubTechDebtSource.create({
      integrations: ScmIntegrations.fromConfig(config),
      ...settings,
      ...options,
    });
  }

  static create(options: GithubTechDebtSourceOptions): GithubTechDebtSource {
    return new GithubTechDebtSource(options);
  }

  private readonly client: GithubIssuesClient;
  private readonly credentials: GithubCredentialsProvider;
  private readonly label: string;
  private readonly host: string;
  private readonly cacheTtlMs: number;
  private readonly inFlight = new Map<string, Promise<Item[]>>();

  private constructor(private readonly options: GithubTechDebtSourceOptions) {
    const resilience = createResilience({
      ...options.resilience,
      name: 'GitHub',
      logger: options.logger,
    });
    this.client = new GithubIssuesClient({
      resilience,
      maxPages: options.maxPages ?? DEFAULT_MAX_PAGES,
      maxWaitMs: options.resilience?.maxDelayMs ?? 30_000,
      logger: options.logger,
      clock: options.clock,
    });
    this.credentials =
      options.credentialsProvider ??
      DefaultGithubCredentialsProvider.fromIntegrations(options.integrations);
    this.label = options.label ?? DEFAULT_LABEL;
    this.host = options.host ?? DEFAULT_HOST;
    this.cacheTtlMs = options.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS;
  }

  /** Any non-empty slug: one that names no repository is reported by `read`. */
  appliesTo(subject: TechDebtSubject): boolean {
    return Boolean(subject.annotations[PROJECT_SLUG_ANNOTATION]?.trim());
  }

  /** The entity's items; the cache and rate limits go by the wall clock, not `now`. */
  async read(
    subject: TechDebtSubject,
    _context?: { now: Date },
  ): Promise<Omit<TechDebtItem, 'source'>[]> {
    const repository = this.repository(subject);
    if (!repository) {
      return [];
    }
    if ('error' in repository) {
      // Never a request: `../user` would send the token to `/user/issues`.
      throw new InvalidRepositorySlugError(
        `${PROJECT_SLUG_ANNOTATION} ${repository.error}`,
      );
    }
    const { host, owner, repo } = repository;
    const key = `github-techdebt:v1:${host}/${owner}/${repo}`.toLowerCase();
    const cacheKey = `${key}?label=${encodeURIComponent(this.label)}`;
    const running = this.inFlight.get(cacheKey);
    if (running) {
      return running;
    }
    const load = this.load(cacheKey, host, owner, repo).finally(() =>
      this.inFlight.delete(cacheKey),
    );
    this.inFlight.set(cacheKey, load);
    return load;
  }

  private async load(
    cacheKey: string,
    host: string,
    owner: string,
    repo: string,
  ): Promise<Item[]> {
    const { cache, logger } = this.options;
    if (cache && this.cacheTtlMs > 0) {
      const hit = await cache.get<JsonValue>(cacheKey).catch(() => undefined);
      if (Array.isArray(hit)) {
        return hit as unknown as Item[];
      }
    }
    const integration = this.options.integrations.github.byHost(host);
    if (!integration) {
      throw new Error(
        `No integrations.github entry for ${host}, so ${owner}/${repo} cannot be read`,
      );
    }
    const apiBaseUrl = integration.config.apiBaseUrl;
    if (!apiBaseUrl) {
      throw new Error(
        `The integrations.github entry for ${host} has no apiBaseUrl, so ${owner}/${repo} cannot be read`,
      );
    }
    const { headers } = await this.credentials.getCredentials({
      url: `https://${host}/${owner}/${repo}`,
    });
    const revalidateKey = `${cacheKey}|etag`;
    const known = await this.revalidation(revalidateKey);
    const listing = await this.client.listOpenIssuesIfChanged(
      { apiBaseUrl, owner, repo, label: this.label, headers },
      known?.etag,
    );
    // A 304 only ever answers the ETag of `known`.
    const items =
      listing.status === 'ok' ? listing.issues.map(issueToItem) : known!.items;
    if (listing.status === 'ok' && listing.etag) {
      await cache
        ?.set(
          revalidateKey,
          { etag: listing.etag, items } as unknown as JsonValue,
          { ttl: REVALIDATE_TTL_MS },
        )
        .catch(error =>
          logger?.warn(`GitHub tech debt cache write failed: ${error}`),
        );
    }
    if (cache && this.cacheTtlMs > 0) {
      await cache
        .set(cacheKey, items as unknown as JsonValue, { ttl: this.cacheTtlMs })
        .catch(error =>
          logger?.warn(`GitHub tech debt cache write failed: ${error}`),
        );
    }
    return items;
  }

  /** The items and ETag of a repository's last one-page listing, if kept. */
  private async revalidation(key: string): Promise<Revalidation | undefined> {
    const value = (await this.options.cache
      ?.get<JsonValue>(key)
      .catch(() => undefined)) as Partial<Revalidation> | undefined;
    return value && typeof value.etag === 'string' && Array.isArray(value.items)
      ? (value as Revalidation)
      : undefined;
  }

  /**
   * The repository of `github.com/project-slug`, on the host of the
   * entity's source location when that is a GitHub integration's host,
   * else on the configured host.
   */
  private repository(
    subject: TechDebtSubject,
  ):
    | { host: string; owner: string; repo: string }
    | { error: string }
    | undefined {
    const slug = subject.annotations[PROJECT_SLUG_ANNOTATION]?.trim();
    if (!slug) {
      return undefined;
    }
    const parsed = parseRepositorySlug(slug);
    if ('error' in parsed) {
      return parsed;
    }
    return { host: this.hostOf(subject), ...parsed.slug };
  }

  private hostOf(subject: TechDebtSubject): string {
    const location = subject.annotations[
      SOURCE_LOCATION_ANNOTATION
    ]?.trim().replace(/^url:/, '');
    if (location) {
      try {
        const { host } = new URL(location);
        if (this.options.integrations.github.byHost(host)) {
          return host;
        }
      } catch {
        // Not a URL: the configured host.
      }
    }
    return this.host;
  }
}
