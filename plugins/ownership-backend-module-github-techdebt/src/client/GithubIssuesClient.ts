import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  RemoteHttpError,
  type Resilience,
  retryAfterMs,
} from '@ownership-portal/plugin-ownership-node';
import { assertRepository } from './repositorySlug';
import type { GhIssue } from './types';

/** GitHub's largest page. */
const PAGE_SIZE = 100;
/** GitHub asks for at least a minute when a rate limit answer names no wait. */
const DEFAULT_RATE_LIMIT_WAIT_MS = 60_000;

/**
 * GitHub refused a call for its rate limit (403 or 429 with
 * `x-ratelimit-remaining: 0` or `retry-after`). Retried only when the wait
 * is short enough to sit out.
 *
 * @public
 */
export class GithubRateLimitError extends RemoteHttpError {
  constructor(
    status: number,
    message: string,
    waitMs: number | undefined,
    private readonly worthWaiting: boolean,
  ) {
    super(status, message, waitMs);
    this.name = 'GithubRateLimitError';
  }

  override get retryable(): boolean {
    return this.worthWaiting;
  }

  /** A used-up rate limit says nothing about the repository's issues. */
  override get transient(): boolean {
    return true;
  }
}

/** The URL of `rel="next"` in a `Link` header. */
function nextLink(link: string | null): string | undefined {
  if (!link) {
    return undefined;
  }
  for (const part of link.split(',')) {
    const match = /<([^>]+)>\s*;(.*)$/.exec(part.trim());
    const rel = match && /rel="?([^";]+)"?/.exec(match[2])?.[1];
    if (match && rel?.split(/\s+/).includes('next')) {
      return match[1];
    }
  }
  return undefined;
}

/** What one repository's issue listing is asked with. */
interface IssueQuery {
  /** The integration's `apiBaseUrl`, e.g. `https://api.github.com`. */
  apiBaseUrl: string;
  owner: string;
  repo: string;
  label: string;
  /** Credential headers from the integration (`Authorization: Bearer …`). */
  headers?: Record<string, string>;
}

/**
 * A repository's listing: unchanged since the ETag it was asked with, or its
 * issues, with an ETag when the listing is one page (the first page's ETag
 * says nothing about later pages).
 */
type IssueListing =
  | { status: 'not-modified' }
  | { status: 'ok'; issues: GhIssue[]; etag?: string };

/** One page of a listing, or GitHub's 304 for the ETag sent with it. */
type Page =
  | { notModified: true }
  | { notModified: false; body: GhIssue[]; next?: string; etag?: string };

/**
 * Lists a repository's open issues with a label through GitHub's REST API.
 * Every request goes through one shared {@link Resilience}. Rate limits are
 * honoured: a short `retry-after` or `x-ratelimit-reset` is waited out by
 * the retries; a long one pauses every call to that API until it passes,
 * without asking GitHub meanwhile.
 */
export class GithubIssuesClient {
  /** When calls to an API may go out again, by API base URL. */
  private readonly pausedUntil = new Map<string, number>();

  constructor(
    private readonly options: {
      resilience: Resilience;
      /** Pages read per repository at most. */
      maxPages: number;
      /** Longest rate-limit wait the retries sit out; longer ones pause calls. */
      maxWaitMs: number;
      logger?: LoggerService;
      clock?: () => number;
    },
  ) {}

  /**
   * `GET /repos/{owner}/{repo}/issues?labels=…&state=open&per_page=100`,
   * following `Link: rel="next"` up to `maxPages` pages. Pull requests,
   * which the endpoint lists as well, are left out.
   *
   * @throws InvalidRepositorySlugError, before any request, when the owner
   * or repository is not a GitHub name (`..` would leave `/repos/`).
   */
  async listOpenIssues(query: IssueQuery): Promise<GhIssue[]> {
    const listing = await this.listOpenIssuesIfChanged(query);
    return listing.status === 'ok' ? listing.issues : [];
  }

  /**
   * {@link GithubIssuesClient.listOpenIssues}, asking the first page with
   * `If-None-Match: etag` when an ETag is given: GitHub answers 304 when the
   * listing is unchanged, and such a call does not count against its rate
   * limit.
   */
  async listOpenIssuesIfChanged(
    query: IssueQuery,
    etag?: string,
  ): Promise<IssueListing> {
    assertRepository(query.owner, query.repo);
    const base = query.apiBaseUrl.replace(/\/+$/, '');
    const params = new URLSearchParams({
      labels: query.label,
      state: 'open',
      per_page: String(PAGE_SIZE),
    });
    let url: string | undefined = `${base}/repos/${encodeURIComponent(
      query.owner,
    )}/${encodeURIComponent(query.repo)}/issues?${params}`;
    const issues: GhIssue[] = [];
    let firstEtag: string | undefined;
    for (let page = 0; url; page++) {
      if (page === this.options.maxPages) {
        this.options.logger?.warn(
          `GitHub ${query.owner}/${query.repo} has more than ${
            this.options.maxPages * PAGE_SIZE
          } open issues labelled "${query.label}"; reading only the first ${
            this.options.maxPages * PAGE_SIZE
          }`,
        );
        break;
      }
      const read = await this.getPage(
        url,
        base,
        query,
        page === 0 ? etag : undefined,
      );
      if (read.notModified) {
        return { status: 'not-modified' };
      }
      const { body, next } = read;
      if (page === 0 && !next) {
        firstEtag = read.etag;
      }
      issues.push(...body.filter(issue => !issue.pull_request));
      url = next;
      if (url && new URL(url).origin !== new URL(base).origin) {
        this.options.logger?.warn(
          `GitHub pointed the next page of ${query.owner}/${
            query.repo
          } at another host, ${new URL(url).origin}; not following it`,
        );
        url = undefined;
      }
    }
    return { status: 'ok', issues, ...(firstEtag && { etag: firstEtag }) };
  }

  private clock() {
    return (this.options.clock ?? Date.now)();
  }

  private checkPaused(base: string) {
    const until = this.pausedUntil.get(base) ?? 0;
    if (until > this.clock()) {
      throw new GithubRateLimitError(
        429,
        `GitHub rate limit of ${base} is used up until ${new Date(
          until,
        ).toISOString()}; not calling it before then`,
        until - this.clock(),
        false,
      );
    }
  }

  private async getPage(
    url: string,
    base: string,
    query: IssueQuery,
    etag?: string,
  ): Promise<Page> {
    this.checkPaused(base);
    return this.options.resilience.execute(async signal => {
      this.checkPaused(base);
      const response = await fetch(url, {
        signal,
        headers: {
          Accept: 'application/vnd.github+json',
          'X-GitHub-Api-Version': '2022-11-28',
          ...query.headers,
          ...(etag && { 'If-None-Match': etag }),
        },
      });
      if (etag && response.status === 304) {
        await response.body?.cancel();
        return { notModified: true };
      }
      if (!response.ok) {
        throw await this.failure(response, url, base, query);
      }
      if (response.headers.get('x-ratelimit-remaining') === '0') {
        // The last call of the window: wait for the reset before the next.
        const wait = retryAfterMs(response.headers, this.clock());
        if (wait) {
          this.pausedUntil.set(base, this.clock() + wait);
        }
      }
      const body = (await response.json()) as unknown;
      if (!Array.isArray(body)) {
        throw new RemoteHttpError(
          502,
          `GET ${
            new URL(url).pathname
          } answered something other than a list of issues`,
        );
      }
      return {
        notModified: false,
        body: body as GhIssue[],
        next: nextLink(response.headers.get('link')),
        etag: response.headers.get('etag') ?? undefined,
      };
    });
  }

  private async failure(
    response: Response,
    url: string,
    base: string,
    query: IssueQuery,
  ): Promise<Error> {
    const text = await response.text().catch(() => '');
    const detail = githubMessage(text);
    const { status, headers } = response;
    const rateLimited =
      status === 429 ||
      (status === 403 &&
        (headers.get('x-ratelimit-remaining') === '0' ||
          headers.has('retry-after')));
    if (rateLimited) {
      const wait =
        retryAfterMs(headers, this.clock()) ?? DEFAULT_RATE_LIMIT_WAIT_MS;
      const worthWaiting = wait <= this.options.maxWaitMs;
      const resumes = new Date(this.clock() + wait).toISOString();
      if (!worthWaiting) {
        this.pausedUntil.set(base, this.clock() + wait);
      }
      return new GithubRateLimitError(
        status,
        `GitHub rate limit reached (${status}${detail ? `: ${detail}` : ''}); ${
          worthWaiting ? 'retrying' : 'calls to it pause'
        } until ${resumes}`,
        wait,
        worthWaiting,
      );
    }
    if (status === 404) {
      return new RemoteHttpError(
        404,
        `GitHub repository ${query.owner}/${query.repo} was not found, or the credentials of its integrations.github entry cannot see it`,
      );
    }
    return new RemoteHttpError(
      status,
      `GET ${new URL(url).pathname} answered ${status} ${response.statusText}${
        detail ? `: ${detail}` : ''
      }`,
      retryAfterMs(headers, this.clock()),
    );
  }
}

/** GitHub's `message` from an error body, else the start of the body. */
function githubMessage(text: string): string {
  try {
    const message = (JSON.parse(text) as { message?: unknown }).message;
    if (typeof message === 'string') {
      return message.slice(0, 200);
    }
  } catch {
    // not JSON
  }
  return text.slice(0, 200);
}
