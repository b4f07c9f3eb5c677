import type {
  CacheService,
  LoggerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import {
  createLimiter,
  type DocumentProblem,
  type DocumentReader,
  type DocumentResult,
  type FolderResult,
  LocalDocumentReader,
  resolveTarget,
} from '@ownership-portal/plugin-ownership-rules';
import { type DocsConfig, readDocsConfig } from './readDocsConfig';
import {
  type DocumentResilienceOptions,
  RemoteDocumentReader,
} from './RemoteDocumentReader';

function unreachable(url: string, reason: string): DocumentProblem {
  return { status: 'unreachable', url, reason };
}

/** A read that failed unexpectedly says nothing definite about the document. */
function unknown(url: string, reason: string): DocumentProblem {
  return { status: 'unknown', url, reason };
}

/** What {@link DocumentReaderService.create} needs. */
interface DocumentReaderServiceOptions {
  /** Root config; `ownership.docs` is read from it. */
  config: Config;
  urlReader: UrlReaderService;
  cache: CacheService;
  logger?: LoggerService;
  /** Working directory that relative `localRoots` resolve against. Default `process.cwd()`. */
  cwd?: string;
  /** Timeout, retries and breaker of each remote host. Default timeout 20 s, 3 attempts. */
  resilience?: DocumentResilienceOptions;
  /** Clock of the freshness window (`ownership.docs.freshFor`); defaults to `Date.now`. */
  clock?: () => number;
}

/**
 * The {@link DocumentReader} of the backend: `file:` documents only inside
 * `ownership.docs.localRoots`, everything else through Backstage's
 * UrlReader, all under one bound on reads in flight
 * (`ownership.docs.concurrency`; more wait their turn).
 */
export class DocumentReaderService implements DocumentReader {
  private constructor(
    /** The settings in use, read from `ownership.docs`. */
    readonly settings: DocsConfig,
    private readonly local: LocalDocumentReader,
    private readonly remote: RemoteDocumentReader,
  ) {}

  /** Reads `ownership.docs` and builds the reader; throws for invalid config, naming the key. */
  static create(options: DocumentReaderServiceOptions): DocumentReaderService {
    const settings = readDocsConfig(options.config, options.cwd);
    const limit = createLimiter(settings.concurrency);
    const local = LocalDocumentReader.create({
      localRoots: settings.localRoots,
      maxBytes: settings.maxBytes,
      maxFiles: settings.maxFiles,
      limit,
      logger: options.logger,
    });
    const remote = RemoteDocumentReader.create({
      urlReader: options.urlReader,
      cache: options.cache,
      maxBytes: settings.maxBytes,
      maxFiles: settings.maxFiles,
      cacheTtlMs: settings.cacheTtlMs,
      freshForMs: settings.freshForMs,
      clock: options.clock,
      concurrency: settings.concurrency,
      limit,
      logger: options.logger,
      resilience: { ...settings.resilience, ...options.resilience },
    });
    return new DocumentReaderService(settings, local, remote);
  }

  resolve(
    target: string,
    managedByLocation?: string,
  ): { url: string } | { error: string } {
    return resolveTarget(target, managedByLocation);
  }

  async readFile(url: string): Promise<DocumentResult> {
    return this.dispatch(
      url,
      () => this.local.readFile(url),
      () => this.remote.readFile(url),
    );
  }

  async readFolder(url: string, extensions: string[]): Promise<FolderResult> {
    return this.dispatch(
      url,
      () => this.local.readFolder(url, extensions),
      () => this.remote.readFolder(url, extensions),
    );
  }

  /** Picks the reader by scheme; never throws. */
  private async dispatch<T extends DocumentResult | FolderResult>(
    url: string,
    local: () => Promise<T>,
    remote: () => Promise<T>,
  ): Promise<T | DocumentProblem> {
    let protocol: string;
    try {
      protocol = new URL(url).protocol;
    } catch {
      return unreachable(
        url,
        `${url} is not an absolute URL; resolve it first`,
      );
    }
    try {
      if (protocol === 'file:') {
        return await local();
      }
      if (protocol === 'http:' || protocol === 'https:') {
        return await remote();
      }
      return unreachable(
        url,
        `${url} cannot be read: the ${protocol} scheme is not supported`,
      );
    } catch (error) {
      return unknown(
        url,
        `${url} could not be read: ${
          error instanceof Error ? error.message : String(error)
        }`,
      );
    }
  }
}
