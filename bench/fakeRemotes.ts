import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

/** The kinds of remote call the re-run benchmark counts. */
export const REMOTE_KINDS = [
  'documents',
  'codeowners',
  'pagerduty',
  'ical',
  'github',
] as const;

/** One kind of remote call. */
export type RemoteKind = (typeof REMOTE_KINDS)[number];

/** Requests per kind, and how many of them were answered 304 Not Modified. */
export type RemoteCounts = Record<
  RemoteKind,
  { requests: number; notModified: number }
>;

/** What the fake remotes serve: files per repository, wiki pages, feeds, PagerDuty objects. */
export interface RemoteContent {
  /** `owner/repo` → path → text, the repository's files at `main`. */
  repositories: Map<string, Map<string, string>>;
  /** Path under `/wiki/` → markdown. */
  wiki: Map<string, string>;
  /** Feed name under `/ical/` → iCalendar text. */
  feeds: Map<string, string>;
  /** `owner/repo` → open issues labelled tech-debt, as GitHub lists them. */
  issues: Map<string, object[]>;
  /** PagerDuty service id → escalation policy id. */
  pagerDutyServices: Map<string, string>;
  /** PagerDuty escalation policy ids that exist. */
  pagerDutyPolicies: Set<string>;
}

/** A running fake of every remote the audit reads, counting requests by kind. */
export interface FakeRemotes {
  /** `http://127.0.0.1:<port>`. */
  baseUrl: string;
  /** `127.0.0.1:<port>`, for `backend.reading.allow`. */
  host: string;
  counts(): RemoteCounts;
  reset(): void;
  close(): Promise<void>;
}

const CODEOWNERS = /^(\.github\/CODEOWNERS|CODEOWNERS|docs\/CODEOWNERS)$/;
const COMMIT_SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const NOW = Date.now();

function etagOf(body: string | Buffer): string {
  return `"${createHash('sha1').update(body).digest('hex')}"`;
}

/** One ustar entry: a 512-byte header and the content padded to 512 bytes. */
function tarEntry(name: string, content: Buffer, type: '0' | '5'): Buffer {
  const header = Buffer.alloc(512, 0);
  const field = (value: string, offset: number, length: number) =>
    header.write(value, offset, length, 'utf8');
  const octal = (value: number, length: number) =>
    value.toString(8).padStart(length - 1, '0');
  field(name, 0, 100);
  field(octal(type === '5' ? 0o755 : 0o644, 8), 100, 8);
  field(octal(0, 8), 108, 8);
  field(octal(0, 8), 116, 8);
  field(octal(content.length, 12), 124, 12);
  field(octal(Math.floor(NOW / 1000), 12), 136, 12);
  field('        ', 148, 8);
  field(type, 156, 1);
  field('ustar\u000000', 257, 8);
  let sum = 0;
  for (const byte of header) sum += byte;
  field(`${octal(sum, 7)}\u0000 `, 148, 8);
  const padding = Buffer.alloc((512 - (content.length % 512)) % 512, 0);
  return Buffer.concat([header, content, padding]);
}

/** A GitHub-style tarball: every file under `owner-repo-sha/`. */
function tarball(
  owner: string,
  repo: string,
  files: Map<string, string>,
): Buffer {
  const top = `${owner}-${repo}-${COMMIT_SHA.slice(0, 7)}/`;
  const entries = [tarEntry(top, Buffer.alloc(0), '5')];
  for (const [path, text] of files) {
    entries.push(tarEntry(`${top}${path}`, Buffer.from(text), '0'));
  }
  entries.push(Buffer.alloc(1024, 0));
  return gzipSync(Buffer.concat(entries));
}

/** A response: status, headers and body. */
type Answer = {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
};

/**
 * Answers with an ETag, and 304 when `If-None-Match` names it, as GitHub's
 * contents and issues APIs and most web servers do.
 */
function conditional(
  request: IncomingMessage,
  body: string | Buffer,
  contentType: string,
  extra: Record<string, string> = {},
): Answer {
  const etag = etagOf(body);
  const headers = { ETag: etag, 'Content-Type': contentType, ...extra };
  const sent = request.headers['if-none-match'];
  if (sent && sent.split(/\s*,\s*/).includes(etag)) {
    return { status: 304, headers };
  }
  return { status: 200, headers, body };
}

const json = (value: unknown): Answer => ({
  status: 200,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(value),
});
const notFound = (message = 'Not Found'): Answer => ({
  status: 404,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ message }),
});

/**
 * Starts one node:http server on 127.0.0.1 (an ephemeral port) that plays
 * GitHub's REST API (`/github-api`: contents, commit status, tarballs,
 * issues), a wiki (`/wiki`), iCalendar feeds (`/ical`) and PagerDuty's REST
 * API (`/pagerduty`), counting every request by kind.
 */
export async function startFakeRemotes(
  content: RemoteContent,
): Promise<FakeRemotes> {
  const counts = {} as RemoteCounts;
  const reset = () => {
    for (const kind of REMOTE_KINDS) {
      counts[kind] = { requests: 0, notModified: 0 };
    }
  };
  reset();
  let baseUrl = '';

  const github = (request: IncomingMessage, url: URL): [RemoteKind, Answer] => {
    const match = /^\/github-api\/repos\/([^/]+)\/([^/]+)\/(.*)$/.exec(
      url.pathname,
    );
    if (!match) {
      return ['documents', notFound()];
    }
    const [, owner, repo, rest] = match;
    const slug = `${owner}/${repo}`;
    const files = content.repositories.get(slug);
    if (rest === 'issues') {
      const issues = content.issues.get(slug);
      return [
        'github',
        issues
          ? conditional(request, JSON.stringify(issues), 'application/json', {
              'x-ratelimit-remaining': '4999',
            })
          : notFound(),
      ];
    }
    const contents = /^contents\/(.+)$/.exec(rest);
    if (contents) {
      const path = decodeURIComponent(contents[1]);
      const kind = CODEOWNERS.test(path) ? 'codeowners' : 'documents';
      const text = files?.get(path);
      return [
        kind,
        text === undefined
          ? notFound()
          : conditional(request, text, 'text/plain; charset=utf-8'),
      ];
    }
    if (/^commits\/[^/]+\/status$/.test(rest)) {
      if (!files) {
        return ['documents', notFound()];
      }
      return [
        'documents',
        conditional(
          request,
          JSON.stringify({
            state: 'success',
            sha: COMMIT_SHA,
            total_count: 0,
            statuses: [],
            repository: {
              full_name: slug,
              archive_url: `${baseUrl}/github-api/repos/${slug}/{archive_format}{/ref}`,
              trees_url: `${baseUrl}/github-api/repos/${slug}/git/trees{/sha}`,
            },
          }),
          'application/json',
        ),
      ];
    }
    if (rest === `tarball/${COMMIT_SHA}` && files) {
      return [
        'documents',
        {
          status: 200,
          headers: { 'Content-Type': 'application/x-gzip' },
          body: tarball(owner, repo, files),
        },
      ];
    }
    return ['documents', notFound()];
  };

  const pagerDuty = (url: URL): Answer => {
    const path = url.pathname.slice('/pagerduty'.length);
    const service = /^\/services\/([A-Za-z0-9]+)$/.exec(path);
    if (service) {
      const policy = content.pagerDutyServices.get(service[1]);
      return policy
        ? json({
            service: {
              id: service[1],
              type: 'service',
              name: `Service ${service[1]}`,
              escalation_policy: {
                id: policy,
                type: 'escalation_policy_reference',
              },
            },
          })
        : notFound();
    }
    const policy = /^\/escalation_policies\/([A-Za-z0-9]+)$/.exec(path);
    if (policy) {
      return content.pagerDutyPolicies.has(policy[1])
        ? json({
            escalation_policy: {
              id: policy[1],
              type: 'escalation_policy',
              name: `Policy ${policy[1]}`,
              escalation_rules: [
                {
                  id: 'PR1',
                  escalation_delay_in_minutes: 30,
                  targets: [
                    {
                      id: `S${policy[1]}`,
                      type: 'schedule_reference',
                      summary: 'Primary',
                    },
                  ],
                },
              ],
            },
          })
        : notFound();
    }
    if (path === '/oncalls') {
      const id = url.searchParams.get('escalation_policy_ids[]') ?? 'P';
      const since = Date.parse(url.searchParams.get('since') ?? '');
      const shift = (n: number) => ({
        escalation_policy: { id, type: 'escalation_policy_reference' },
        escalation_level: 1,
        schedule: { id: `S${id}`, type: 'schedule_reference' },
        user: {
          id: `PU${n}`,
          type: 'user',
          name: `Responder ${n}`,
          email: `responder-${n}@example.com`,
        },
        start: new Date(since - 3_600_000 + n * 86_400_000).toISOString(),
        end: new Date(since - 3_600_000 + (n + 1) * 86_400_000).toISOString(),
      });
      return json({
        oncalls: Array.from({ length: 8 }, (_, n) => shift(n)),
        limit: 100,
        offset: 0,
        more: false,
        total: null,
      });
    }
    return notFound();
  };

  const route = (
    request: IncomingMessage,
    url: URL,
  ): [RemoteKind | undefined, Answer] => {
    if (url.pathname.startsWith('/github-api/')) {
      return github(request, url);
    }
    if (url.pathname.startsWith('/wiki/')) {
      const page = content.wiki.get(url.pathname.slice('/wiki/'.length));
      return [
        'documents',
        page === undefined
          ? notFound()
          : conditional(request, page, 'text/markdown; charset=utf-8', {
              'Last-Modified': new Date(NOW - 86_400_000).toUTCString(),
            }),
      ];
    }
    if (url.pathname.startsWith('/ical/')) {
      const feed = content.feeds.get(url.pathname.slice('/ical/'.length));
      return [
        'ical',
        feed === undefined
          ? notFound()
          : conditional(request, feed, 'text/calendar; charset=utf-8'),
      ];
    }
    if (url.pathname.startsWith('/pagerduty/')) {
      return ['pagerduty', pagerDuty(url)];
    }
    return [undefined, notFound()];
  };

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', baseUrl);
    const [kind, answer] = route(request, url);
    if (kind) {
      counts[kind].requests += 1;
      if (answer.status === 304) {
        counts[kind].notModified += 1;
      }
    }
    response.writeHead(answer.status, answer.headers);
    response.end(answer.body);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    host: `127.0.0.1:${port}`,
    counts: () => structuredClone(counts),
    reset,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close(error => (error ? reject(error) : resolve()));
      }),
  };
}
