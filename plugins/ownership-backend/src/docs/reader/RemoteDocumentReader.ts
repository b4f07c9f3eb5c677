import { createHash } from 'node:crypto';
import path from 'node:path';
import type {
  CacheService,
  LoggerService,
  UrlReaderService,
  UrlReaderServiceReadUrlResponse,
} from '@backstage/backend-plugin-api';
import { toError } from '@backstage/errors';
import type { StaleRead } from '@ownership-portal/plugin-ownership-common';
import {
  BodyTooLargeError,
  createLastGoodCache,
  createResilience,
  type LastGoodCache,
  readResponseBody,
  RemoteHttpError,
  type Resilience,
  type ResilienceOptions,
} from '@ownership-portal/plugin-ownership-node';
import {
  decodeText,
  type DocumentProblem,
  type DocumentResult,
  type FolderResult,
  hasExtension,
  isHiddenPath,
  type Limiter,
  notTextReason,
  type ReadDocument,
  tooLargeReason,
} from '@ownership-portal/plugin-ownership-rules';

/** Resilience settings per host; `name` and `logger` are set by the reader. */
export type DocumentResilienceOptions = Omit<
  ResilienceOptions,
  'name' | 'logger'
>;

/** Settings of {@link RemoteDocumentReader}. */
interface RemoteDocumentReaderOptions {
  urlReader: UrlReaderService;
  cache: CacheService;
  maxBytes: number;
  maxFiles: number;
  cacheTtlMs: number;
  /**
   * How long a definite answer (a document's text, a folder's files, or a
   * 404/410) is reused without asking the host; 0 asks every time.
   */
  freshForMs: number;
  /** Clock of the freshness window; defaults to `Date.now`. */
  clock?: () => number;
  /**
   * How long the last good read of each document and folder is kept, to
   * serve marked stale while its host fails. Default 30 days.
   */
  lastGoodTtlMs?: number;
  /** Reads in flight at once, shared with local reads through `limit`. */
  concurrency: number;
  limit: Limiter;
  logger?: LoggerService;
  /** Timeout, retries and breaker of each host. Default timeout 20 s, 3 attempts. */
  resilience?: DocumentResilienceOptions;
}

/** What is cached per URL, as JSON. */
type CachedDocument = {
  etag: string;
  text: string;
  /** ISO date. */
  lastModified?: string;
  /** When the host last confirmed the text, in ms since the epoch. */
  checkedAt?: number;
};

/** A folder read kept with its ETag (a commit SHA for git hosts). */
type CachedFolder = LastGoodFolder & { etag: string; checkedAt: number };

/** A 404 or 410 kept for the freshness window; never a transient failure. */
type CachedAbsence = { reason: string };

/** The last good read of a document, kept apart from the ETag cache. */
type LastGoodDocument = { text: string; lastModified?: string };

/** The last good read of a folder. */
type LastGoodFolder = {
  files: Array<{ url: string; text: string; lastModified?: string }>;
  skipped: Array<{ url: string; reason: string }>;
};

const LAST_GOOD_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/**
 * Folders whose text adds up to more are not kept as a last good read: one
 * cache value that large would strain Redis or Memcache. While their host
 * fails they read as unknown, which raises no finding.
 */
const LAST_GOOD_FOLDER_MAX_CHARS = 8 * 1024 * 1024;

/** An HTTP status as UrlReaders write it into their messages: `…, 503 Service Unavailable`. */
const STATUS_IN_MESSAGE = /,\s(\d{3})\s[^,]*$/;

/**
 * A read that trying again will not help, with the outcome it stands for.
 * Its 4xx status keeps it out of the retries and the host's breaker.
 */
class ReadRefusedError extends RemoteHttpError {
  constructor(
    status: number,
    message: string,
    readonly outcome: DocumentProblem['status'],
  ) {
    super(status, message);
    this.name = 'ReadRefusedError';
  }
}

function isNotModified(error: unknown): boolean {
  return toError(error).name === 'NotModifiedError';
}

/**
 * Sorts UrlReader errors: 404 and 410 are final and `unreachable`, and so
 * are 401, 403 (unless for a rate limit) and other 4xx but 408/425/429, and
 * an invalid URL; a URL with no reader or outside `backend.reading.allow`
 * (`NotAllowedError` from `UrlReaders.default`, or the fetch reader's
 * refused redirect) and a host whose reader cannot read folders are
 * `not-configured`. Everything else (5xx, 429, timeouts, dropped
 * connections) is retried and, if it still fails, transient: it says
 * nothing about the document.
 */
function classify(error: unknown): Error {
  const { name, message } = toError(error);
  if (name === 'NotFoundError') {
    return new ReadRefusedError(404, '404 not found', 'unreachable');
  }
  const status = Number(STATUS_IN_MESSAGE.exec(message)?.[1] ?? NaN);
  if (/rate limit/i.test(message)) {
    return new RemoteHttpError(429, message);
  }
  if (status >= 400) {
    const answer = new RemoteHttpError(status, message);
    // 410, 401, 403 and other 4xx but 408/425/429 are answers about the URL.
    return answer.retryable
      ? answer
      : new ReadRefusedError(status, message, 'unreachable');
  }
  if (
    name === 'NotAllowedError' ||
    /not allowed by backend\.reading\.allow/i.test(message)
  ) {
    return new ReadRefusedError(403, message, 'not-configured');
  }
  if (/does not implement readTree/i.test(message)) {
    return new ReadRefusedError(
      405,
      `no integration that can read folders is configured for this host (${message})`,
      'not-configured',
    );
  }
  if (name === 'InputError') {
    return new ReadRefusedError(400, message, 'unreachable');
  }
  return error instanceof Error ? error : new Error(message);
}

/** A definite answer that the document cannot be read, or undefined for a transient failure. */
function refusal(url: string, error: unknown): DocumentProblem | undefined {
  if (error instanceof ReadRefusedError) {
    return { status: error.outcome, url, reason: error.message };
  }
  return undefined;
}

/** The cache key of a URL; long URLs are hashed to stay within key limits (memcached: 250 bytes). */
function cacheKey(url: string): string {
  return `docs:file:${shortKey(url)}`;
}

/** Whether a refusal says the document or folder is not there (404, 410). */
function isAbsence(error: unknown): error is ReadRefusedError {
  return (
    error instanceof ReadRefusedError &&
    error.outcome === 'unreachable' &&
    (error.status === 404 || error.status === 410)
  );
}

/** `text` itself, or its SHA-256 when it is long. */
function shortKey(text: string): string {
  return text.length <= 200
    ? text
    : `sha256:${createHash('sha256').update(text).digest('hex')}`;
}

/** The last-good key of a folder read for some extensions. */
function folderKey(url: string, extensions: string[]): string {
  return shortKey(`${[...extensions].sort().join(',')}|${url}`);
}

/** The URL of a file at `relative` (`/`-separated) inside a folder URL. */
function joinFolderUrl(folderUrl: string, relative: string): string {
  const url = new URL(folderUrl);
  // Azure DevOps names the path in a query parameter.
  const pathParam = url.searchParams.get('path');
  if (pathParam !== null) {
    url.searchParams.set('path', path.posix.join(pathParam || '/', relative));
    return url.href;
  }
  url.pathname = path.posix.join(url.pathname, relative);
  return url.href;
}

/**
 * Reads `http(s):` documents through Backstage's UrlReader, so that the
 * integrations and `backend.reading.allow` decide what may be read. Each
 * host gets its own timeout, retries and circuit breaker; single files are
 * revalidated with their ETag, the text kept in the cache.
 */
export class RemoteDocumentReader {
  private readonly hosts = new Map<string, Resilience>();
  private readonly lastFiles: LastGoodCache<LastGoodDocument>;
  private readonly lastFolders: LastGoodCache<LastGoodFolder>;

  private constructor(private readonly options: RemoteDocumentReaderOptions) {
    const lastGood = {
      cache: options.cache,
      ttlMs: options.lastGoodTtlMs ?? LAST_GOOD_TTL_MS,
      logger: options.logger,
    };
    this.lastFiles = createLastGoodCache({ ...lastGood, prefix: 'docs:file' });
    this.lastFolders = createLastGoodCache({
      ...lastGood,
      prefix: 'docs:folder',
    });
  }

  /** Creates a reader; see {@link RemoteDocumentReaderOptions}. */
  static create(options: RemoteDocumentReaderOptions): RemoteDocumentReader {
    return new RemoteDocumentReader(options);
  }

  /**
   * Reads one document, sending the cached ETag and reusing the cached text
   * when it is unchanged. When the host fails for a passing reason, serves
   * the last good read marked stale, or says the document is `unknown`.
   */
  async readFile(url: string): Promise<DocumentResult> {
    const { urlReader, maxBytes, limit } = this.options;
    const key = cacheKey(url);
    const cached = await this.cacheGet(key);
    if (cached && this.isFresh(cached.checkedAt)) {
      return cachedResult(url, cached);
    }
    const absentKey = `docs:absent:file:${shortKey(url)}`;
    const absent = await this.absenceGet(absentKey);
    if (absent) {
      return { status: 'unreachable', url, reason: absent.reason };
    }
    let read:
      | { notModified: true }
      | {
          notModified: false;
          buffer: Buffer;
          etag?: string;
          lastModifiedAt?: Date;
        };
    try {
      read = await limit(() =>
        this.resilienceFor(url).execute(async signal => {
          let response: UrlReaderServiceReadUrlResponse;
          try {
            response = await urlReader.readUrl(url, {
              etag: cached?.etag,
              signal,
            });
          } catch (error) {
            if (cached && isNotModified(error)) {
              return { notModified: true as const };
            }
            throw classify(error);
          }
          const buffer = await readBody(url, response, maxBytes, signal);
          return {
            notModified: false as const,
            buffer,
            etag: response.etag,
            lastModifiedAt: response.lastModifiedAt,
          };
        }),
      );
    } catch (error) {
      if (isAbsence(error)) {
        await this.absenceSet(absentKey, { reason: error.message });
      }
      return refusal(url, error) ?? (await this.staleFile(url, error));
    }

    if (read.notModified) {
      // `cached` is set: the ETag is sent only with a cached text.
      const document = { ...cached!, checkedAt: this.clock() };
      await this.cacheSet(key, document);
      await this.lastFiles.remember(shortKey(url), {
        text: document.text,
        ...(document.lastModified && { lastModified: document.lastModified }),
      });
      return cachedResult(url, document);
    }

    const text = decodeText(read.buffer);
    if (text === undefined) {
      return { status: 'unreachable', url, reason: notTextReason(url) };
    }
    await this.lastFiles.remember(shortKey(url), {
      text,
      ...(read.lastModifiedAt && {
        lastModified: read.lastModifiedAt.toISOString(),
      }),
    });
    if (read.etag) {
      await this.cacheSet(key, {
        etag: read.etag,
        text,
        ...(read.lastModifiedAt
          ? { lastModified: read.lastModifiedAt.toISOString() }
          : {}),
        checkedAt: this.clock(),
      });
    }
    return {
      status: 'ok',
      url,
      text,
      ...(read.lastModifiedAt ? { lastModified: read.lastModifiedAt } : {}),
    };
  }

  /**
   * Reads a folder with `urlReader.readTree`: files ending with one of
   * `extensions`, hidden ones left out, in path order, at most `maxFiles`.
   */
  async readFolder(url: string, extensions: string[]): Promise<FolderResult> {
    const { urlReader, maxBytes, maxFiles, limit } = this.options;
    const skipped: Array<{ url: string; reason: string }> = [];
    const oversized = new Map<string, number>();
    const key = folderKey(url, extensions);
    const cached = await this.folderGet(`docs:tree:${key}`);
    if (cached && this.isFresh(cached.checkedAt)) {
      return folderResult(url, cached);
    }
    const absentKey = `docs:absent:folder:${key}`;
    const absent = await this.absenceGet(absentKey);
    if (absent) {
      return { status: 'unreachable', url, reason: absent.reason };
    }

    let read:
      | {
          tree: Array<{
            path: string;
            content(): Promise<Buffer>;
            lastModifiedAt?: Date;
          }>;
          etag?: string;
        }
      | undefined;
    try {
      read = await limit(() =>
        this.resilienceFor(url).execute(async signal => {
          try {
            const response = await urlReader.readTree(url, {
              signal,
              etag: cached?.etag,
              filter: (file, info) => {
                if (
                  isHiddenPath(file) ||
                  !hasExtension(path.posix.basename(file), extensions)
                ) {
                  return false;
                }
                if (info && info.size > maxBytes) {
                  oversized.set(file, info.size);
                  return false;
                }
                return true;
              },
            });
            return {
              tree: await response.files(),
              etag: response.etag || undefined,
            };
          } catch (error) {
            if (cached && isNotModified(error)) {
              return undefined;
            }
            throw classify(error);
          }
        }),
      );
    } catch (error) {
      if (isAbsence(error)) {
        await this.absenceSet(absentKey, { reason: error.message });
      }
      return (
        refusal(url, error) ?? (await this.staleFolder(url, extensions, error))
      );
    }
    if (!read) {
      // Not modified: `cached` is set, as its ETag was sent.
      const unchanged = { ...cached!, checkedAt: this.clock() };
      await this.folderSet(`docs:tree:${key}`, unchanged);
      return folderResult(url, unchanged);
    }
    const { tree, etag } = read;

    for (const [file, size] of oversized) {
      const fileUrl = joinFolderUrl(url, file);
      skipped.push({
        url: fileUrl,
        reason: tooLargeReason(fileUrl, size, maxBytes),
      });
    }

    // Readers that do not pass sizes to the filter may hand back anything.
    const matching = tree
      .filter(
        file =>
          !isHiddenPath(file.path) &&
          hasExtension(path.posix.basename(file.path), extensions),
      )
      .sort((a, b) => (a.path < b.path ? -1 : Number(a.path > b.path)));
    for (const file of matching.slice(maxFiles)) {
      skipped.push({
        url: joinFolderUrl(url, file.path),
        reason: `more than ownership.docs.maxFiles (${maxFiles}) files`,
      });
    }

    const files: ReadDocument[] = [];
    for (const file of matching.slice(0, maxFiles)) {
      const fileUrl = joinFolderUrl(url, file.path);
      let buffer: Buffer;
      try {
        buffer = await file.content();
      } catch (error) {
        skipped.push({ url: fileUrl, reason: toError(error).message });
        continue;
      }
      if (buffer.length > maxBytes) {
        skipped.push({
          url: fileUrl,
          reason: tooLargeReason(fileUrl, buffer.length, maxBytes),
        });
        continue;
      }
      const text = decodeText(buffer);
      if (text === undefined) {
        skipped.push({ url: fileUrl, reason: notTextReason(fileUrl) });
        continue;
      }
      files.push({
        url: fileUrl,
        text,
        ...(file.lastModifiedAt ? { lastModified: file.lastModifiedAt } : {}),
      });
    }
    const size = files.reduce((sum, file) => sum + file.text.length, 0);
    if (size <= LAST_GOOD_FOLDER_MAX_CHARS) {
      const kept: LastGoodFolder = {
        files: files.map(file => ({
          url: file.url,
          text: file.text,
          ...(file.lastModified && {
            lastModified: file.lastModified.toISOString(),
          }),
        })),
        skipped,
      };
      await this.lastFolders.remember(key, kept);
      if (etag) {
        await this.folderSet(`docs:tree:${key}`, {
          ...kept,
          etag,
          checkedAt: this.clock(),
        });
      }
    }
    return { status: 'ok', url, files, skipped };
  }

  /** The last good read of a file that failed for a passing reason, or `unknown`. */
  private async staleFile(
    url: string,
    error: unknown,
  ): Promise<DocumentResult> {
    const reason = toError(error).message;
    const last = await this.lastFiles.recall(shortKey(url));
    this.options.logger?.warn(
      `Document ${url} could not be read just now (${reason}); ${
        last ? `serving the copy read at ${last.readAt}` : 'no earlier read'
      }`,
    );
    if (!last) {
      return { status: 'unknown', url, reason };
    }
    return {
      status: 'ok',
      url,
      text: last.value.text,
      ...(last.value.lastModified && {
        lastModified: new Date(last.value.lastModified),
      }),
      stale: { reason, readAt: last.readAt } satisfies StaleRead,
    };
  }

  /** The last good read of a folder that failed for a passing reason, or `unknown`. */
  private async staleFolder(
    url: string,
    extensions: string[],
    error: unknown,
  ): Promise<FolderResult> {
    const reason = toError(error).message;
    const last = await this.lastFolders.recall(folderKey(url, extensions));
    this.options.logger?.warn(
      `Folder ${url} could not be read just now (${reason}); ${
        last ? `serving the copy read at ${last.readAt}` : 'no earlier read'
      }`,
    );
    if (!last) {
      return { status: 'unknown', url, reason };
    }
    return {
      status: 'ok',
      url,
      files: last.value.files.map(file => ({
        url: file.url,
        text: file.text,
        ...(file.lastModified && { lastModified: new Date(file.lastModified) }),
      })),
      skipped: last.value.skipped,
      stale: { reason, readAt: last.readAt },
    };
  }

  private resilienceFor(url: string): Resilience {
    const host = new URL(url).host;
    let resilience = this.hosts.get(host);
    if (!resilience) {
      const { concurrency, logger } = this.options;
      resilience = createResilience({
        timeoutMs: 20_000,
        ...this.options.resilience,
        // The shared limiter admits at most `concurrency` calls, so this
        // bulkhead never has to reject one.
        concurrency,
        queue: concurrency,
        name: `Documents at ${host}`,
        logger,
      });
      this.hosts.set(host, resilience);
    }
    return resilience;
  }

  private clock(): number {
    return (this.options.clock ?? Date.now)();
  }

  /** Whether an answer the host gave at `checkedAt` may be reused without asking. */
  private isFresh(checkedAt: number | undefined): boolean {
    const age = this.clock() - (checkedAt ?? -Infinity);
    return age >= 0 && age < this.options.freshForMs;
  }

  private async folderGet(key: string): Promise<CachedFolder | undefined> {
    const value = await this.tryCache(() =>
      this.options.cache.get<CachedFolder>(key),
    );
    return value && typeof value.etag === 'string' ? value : undefined;
  }

  private async folderSet(key: string, value: CachedFolder): Promise<void> {
    await this.tryCache(() =>
      this.options.cache.set(key, value, { ttl: this.options.cacheTtlMs }),
    );
  }

  private async absenceGet(key: string): Promise<CachedAbsence | undefined> {
    if (this.options.freshForMs <= 0) {
      return undefined;
    }
    const value = await this.tryCache(() =>
      this.options.cache.get<CachedAbsence>(key),
    );
    return value && typeof value.reason === 'string' ? value : undefined;
  }

  /** Remembers a 404/410 for the freshness window, and no longer. */
  private async absenceSet(key: string, value: CachedAbsence): Promise<void> {
    if (this.options.freshForMs > 0) {
      await this.tryCache(() =>
        this.options.cache.set(key, value, { ttl: this.options.freshForMs }),
      );
    }
  }

  /** A cache call whose failure only costs a read: logged, then undefined. */
  private async tryCache<T>(call: () => Promise<T>): Promise<T | undefined> {
    try {
      return await call();
    } catch (error) {
      this.options.logger?.warn(
        `Document cache failed: ${toError(error).message}`,
      );
      return undefined;
    }
  }

  private async cacheGet(key: string): Promise<CachedDocument | undefined> {
    try {
      const value = await this.options.cache.get<CachedDocument>(key);
      return value && typeof value.etag === 'string' ? value : undefined;
    } catch (error) {
      this.options.logger?.warn(
        `Cannot read cached document ${key}: ${toError(error).message}`,
      );
      return undefined;
    }
  }

  private async cacheSet(key: string, value: CachedDocument): Promise<void> {
    try {
      await this.options.cache.set(key, value, {
        ttl: this.options.cacheTtlMs,
      });
    } catch (error) {
      this.options.logger?.warn(
        `Cannot cache document ${key}: ${toError(error).message}`,
      );
    }
  }
}

/** A cached document as a read result. */
function cachedResult(url: string, document: CachedDocument): DocumentResult {
  return {
    status: 'ok',
    url,
    text: document.text,
    ...(document.lastModified
      ? { lastModified: new Date(document.lastModified) }
      : {}),
  };
}

/** A cached folder as a read result. */
function folderResult(url: string, folder: CachedFolder): FolderResult {
  return {
    status: 'ok',
    url,
    files: folder.files.map(file => ({
      url: file.url,
      text: file.text,
      ...(file.lastModified && { lastModified: new Date(file.lastModified) }),
    })),
    skipped: folder.skipped,
  };
}

/** Reads a response body, stopping as soon as it exceeds `maxBytes`. */
async function readBody(
  url: string,
  response: UrlReaderServiceReadUrlResponse,
  maxBytes: number,
  signal: AbortSignal,
): Promise<Buffer> {
  try {
    return await readResponseBody(response, { maxBytes, signal });
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      throw new ReadRefusedError(
        413,
        tooLargeReason(url, error.size, maxBytes),
        'unreachable',
      );
    }
    throw classify(error);
  }
}
