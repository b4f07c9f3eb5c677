import type { CacheService } from '@backstage/backend-plugin-api';
import type { JsonValue } from '@backstage/types';
import { http, HttpResponse } from 'msw';
import type { GhIssue, GhUser } from '../client/types';

/** Responses shaped like GitHub's REST API (`application/vnd.github+json`). */

const API = 'https://api.github.com';
const OWNER = 'acme';
const REPO = 'payments';
export const ISSUES = `${API}/repos/${OWNER}/${REPO}/issues`;

export function ghUser(login: string): GhUser {
  return {
    login,
    id: login.length * 1000,
    html_url: `https://github.com/${login}`,
  };
}

export function ghIssue(
  number: number,
  overrides: Partial<GhIssue> = {},
): GhIssue {
  return {
    id: 1_000_000 + number,
    number,
    title: `Issue ${number}`,
    state: 'open',
    html_url: `https://github.com/${OWNER}/${REPO}/issues/${number}`,
    labels: [{ id: 1, name: 'tech-debt', color: 'd73a4a' }],
    assignee: null,
    assignees: [],
    milestone: null,
    created_at: '2026-10-01T09:30:00Z',
    updated_at: '2026-11-01T09:30:00Z',
    ...overrides,
  };
}

/** A pull request as the issues endpoint lists it. */
export function ghPull(number: number): GhIssue {
  return ghIssue(number, {
    title: `PR ${number}`,
    html_url: `https://github.com/${OWNER}/${REPO}/pull/${number}`,
    pull_request: {
      url: `${API}/repos/${OWNER}/${REPO}/pulls/${number}`,
      html_url: `https://github.com/${OWNER}/${REPO}/pull/${number}`,
    },
  });
}

/**
 * `GET /repos/acme/payments/issues` serving `all` in pages of `pageSize`,
 * with GitHub's `Link` header (`next`, `last`, `prev`, `first`).
 */
export function paginatedIssues(
  all: GhIssue[],
  options: { pageSize?: number; requests?: Request[]; url?: string } = {},
) {
  const { pageSize = 100, requests = [], url = ISSUES } = options;
  return http.get(url, ({ request }) => {
    requests.push(request);
    const query = new URL(request.url).searchParams;
    const page = Number(query.get('page') ?? '1');
    const pages = Math.max(1, Math.ceil(all.length / pageSize));
    const link = (n: number) => {
      const next = new URL(request.url);
      next.searchParams.set('page', String(n));
      return `<${next}>`;
    };
    const rels = [
      ...(page < pages
        ? [`${link(page + 1)}; rel="next"`, `${link(pages)}; rel="last"`]
        : []),
      ...(page > 1
        ? [`${link(page - 1)}; rel="prev"`, `${link(1)}; rel="first"`]
        : []),
    ];
    return HttpResponse.json(
      all.slice((page - 1) * pageSize, page * pageSize),
      {
        headers: {
          ...(rels.length && { link: rels.join(', ') }),
          'x-ratelimit-limit': '5000',
          'x-ratelimit-remaining': '4999',
          'x-ratelimit-reset': '1893456000',
          'x-ratelimit-resource': 'core',
        },
      },
    );
  });
}

/** An in-memory {@link CacheService} that honours TTLs by a clock. */
export function memoryCache(clock: () => number = Date.now): CacheService & {
  store: Map<string, { value: JsonValue; expires: number }>;
} {
  const store = new Map<string, { value: JsonValue; expires: number }>();
  const cache = {
    store,
    async get<T extends JsonValue>(key: string) {
      const entry = store.get(key);
      return entry && entry.expires > clock() ? (entry.value as T) : undefined;
    },
    async set(key: string, value: JsonValue, options?: { ttl?: unknown }) {
      const ttl = typeof options?.ttl === 'number' ? options.ttl : 60_000;
      store.set(key, { value, expires: clock() + ttl });
    },
    async delete(key: string) {
      store.delete(key);
    },
    withOptions() {
      return cache;
    },
  };
  return cache as CacheService & typeof cache;
}
