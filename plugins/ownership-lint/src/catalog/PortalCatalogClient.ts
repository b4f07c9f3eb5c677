import { LintUsageError } from '../cli/errors';
import type { EntityDocument, LintCatalog } from '../lint/types';
import { refPath } from './entityRef';
import { CatalogAuthError, CatalogUnavailableError } from './errors';
import {
  backoffMs,
  DEFAULT_RETRY,
  isRetryableStatus,
  retryAfterMs,
  type RetryPolicy,
} from './retry';

/** How to reach a live portal. */
export interface PortalCatalogClientOptions {
  /** The portal's backend base URL, e.g. `http://localhost:7007`. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <token>` when given. */
  token?: string;
  /** Timeout of each attempt, in milliseconds. Default 10 000. */
  timeoutMs?: number;
  /** Requests in flight at once. Default 4. */
  concurrency?: number;
  retry?: RetryPolicy;
  /** Waits between attempts; replaceable in tests. */
  sleep?: (ms: number) => Promise<void>;
  fetch?: typeof fetch;
}

const defaultSleep = (ms: number) =>
  new Promise<void>(done => setTimeout(done, ms));

/**
 * A {@link LintCatalog} over a live portal's REST API:
 * `GET /api/catalog/entities/by-name/{kind}/{namespace}/{name}` and
 * `GET /api/ownership/oncall/{kind}/{namespace}/{name}`.
 *
 * Each request has a timeout and is retried with backoff on timeouts,
 * network errors, 408, 429 and 5xx, honouring `Retry-After`. A 404 is a
 * definite "none" (undefined); 401 and 403 throw a {@link CatalogAuthError};
 * no answer after the last attempt throws a {@link CatalogUnavailableError}
 * (never a false "missing"). Answers are cached per ref for the run, and at
 * most `concurrency` requests are in flight.
 */
export class PortalCatalogClient implements LintCatalog {
  private readonly baseUrl: string;
  private readonly options: PortalCatalogClientOptions;
  private readonly cache = new Map<string, Promise<unknown>>();
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(options: PortalCatalogClientOptions) {
    let url: URL;
    try {
      url = new URL(options.baseUrl);
    } catch {
      throw new LintUsageError(
        `--catalog-url: "${options.baseUrl}" is not a URL, e.g. http://localhost:7007`,
      );
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new LintUsageError(
        `--catalog-url: "${options.baseUrl}" must be an http: or https: URL`,
      );
    }
    this.baseUrl = url.href.replace(/\/+$/, '');
    this.options = options;
  }

  /** {@inheritDoc LintCatalog.getEntity} */
  getEntity(ref: string): Promise<EntityDocument | undefined> {
    return this.cached(
      `/api/catalog/entities/by-name/${refPath(ref)}`,
    ) as Promise<EntityDocument | undefined>;
  }

  /** {@inheritDoc LintCatalog.getOnCall} */
  getOnCall(ref: string): Promise<unknown | undefined> {
    return this.cached(`/api/ownership/oncall/${refPath(ref)}`);
  }

  private cached(path: string): Promise<unknown> {
    let answer = this.cache.get(path);
    if (!answer) {
      answer = this.limited(() => this.request(path));
      this.cache.set(path, answer);
    }
    return answer;
  }

  private async limited<T>(task: () => Promise<T>): Promise<T> {
    const limit = this.options.concurrency ?? 4;
    if (this.active >= limit) {
      await new Promise<void>(resume => this.waiting.push(resume));
    }
    this.active += 1;
    try {
      return await task();
    } finally {
      this.active -= 1;
      this.waiting.shift()?.();
    }
  }

  private async request(path: string): Promise<unknown> {
    const policy = this.options.retry ?? DEFAULT_RETRY;
    const sleep = this.options.sleep ?? defaultSleep;
    const doFetch = this.options.fetch ?? fetch;
    const url = `${this.baseUrl}${path}`;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.options.token) {
      headers.authorization = `Bearer ${this.options.token}`;
    }

    let lastProblem = '';
    for (let attempt = 1; attempt <= policy.maxAttempts; attempt++) {
      let retryAfter: number | undefined;
      try {
        const response = await doFetch(url, {
          headers,
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
        });
        if (response.ok) {
          return await response.json();
        }
        if (response.status === 404) {
          return undefined;
        }
        if (response.status === 401 || response.status === 403) {
          throw new CatalogAuthError(
            `${url} answered ${response.status} ${
              response.statusText ||
              (response.status === 401 ? 'Unauthorized' : 'Forbidden')
            }: ${
              this.options.token
                ? 'the portal refused the token (--token or OWNERSHIP_LINT_TOKEN)'
                : 'the portal needs a token: pass --token or set OWNERSHIP_LINT_TOKEN'
            }`,
          );
        }
        if (!isRetryableStatus(response.status)) {
          throw new CatalogUnavailableError(
            `${url} answered ${response.status} ${response.statusText}`.trim(),
          );
        }
        lastProblem =
          `answered ${response.status} ${response.statusText}`.trim();
        retryAfter = retryAfterMs(response.headers.get('retry-after'));
      } catch (error) {
        if (
          error instanceof CatalogAuthError ||
          error instanceof CatalogUnavailableError
        ) {
          throw error;
        }
        const name = (error as Error)?.name;
        lastProblem =
          name === 'TimeoutError' || name === 'AbortError'
            ? `did not answer within ${this.options.timeoutMs ?? 10_000} ms`
            : `could not be reached (${
                (error as Error)?.message ?? String(error)
              })`;
      }
      if (attempt < policy.maxAttempts) {
        await sleep(backoffMs(policy, attempt, retryAfter));
      }
    }
    throw new CatalogUnavailableError(
      `${url} ${lastProblem} after ${policy.maxAttempts} attempts`,
    );
  }
}
