import type { StaleRead } from '@ownership-portal/plugin-ownership-common';

/**
 * A document that was read.
 *
 * @public
 */
export interface ReadDocument {
  /** Absolute URL (`https:`, `file:`) it was read from. */
  url: string;
  /** The document's text, decoded. */
  text: string;
  /** The reader's last-modified date, when it gives one. */
  lastModified?: Date;
}

/**
 * Why a document was not read.
 *
 * @public
 */
export interface DocumentProblem {
  /** The document that could not be read. */
  url: string;
  /**
   * `not-configured`: Backstage has no integration or `backend.reading.allow`
   * entry for the host, so it was not asked (not a finding);
   * `unreachable`: a definite answer that it cannot be read: gone (404,
   * 410, a local file that does not exist), refused (a `file:` location
   * outside `ownership.docs.localRoots`, a 401/403), too large or binary;
   * `unknown`: reading it failed for a passing reason (timeout, 5xx, 429,
   * reset connection, open circuit breaker) and there is no earlier read to
   * serve. Only `unreachable` may become a finding.
   */
  status: 'not-configured' | 'unreachable' | 'unknown';
  /** Why, in words a person can act on. */
  reason: string;
}

/**
 * The outcome of reading one document.
 *
 * @public
 */
export type DocumentResult =
  | ({
      status: 'ok';
      /** Set when this is the last good read, served because reading now failed for a passing reason. */
      stale?: StaleRead;
    } & ReadDocument)
  | DocumentProblem;

/**
 * The outcome of reading a folder of documents.
 *
 * @public
 */
export type FolderResult =
  | {
      status: 'ok';
      url: string;
      files: ReadDocument[];
      /** Files left out, with the reason (too large, binary, over the count limit). */
      skipped: Array<{ url: string; reason: string }>;
      /** Set when this is the last good read, served because reading now failed for a passing reason. */
      stale?: StaleRead;
    }
  | DocumentProblem;

/**
 * Reads runbooks, ADRs and debt registers: remote locations through
 * Backstage's UrlReader (so integrations and `backend.reading.allow`
 * govern access), `file:` locations only inside `ownership.docs.localRoots`.
 * Never throws for a bad document: every problem is a result.
 *
 * @public
 */
export interface DocumentReader {
  /**
   * Resolves a target as written in an annotation or link: an absolute URL,
   * or a path relative to the entity's source location
   * (`backstage.io/managed-by-location`, e.g. `file:/repo/catalog-info.yaml`
   * or `url:https://github.com/org/repo/blob/main/catalog-info.yaml`).
   * Returns the absolute URL, or an error saying why it cannot be resolved.
   */
  resolve(
    target: string,
    managedByLocation?: string,
  ): { url: string } | { error: string };
  /** Reads one document. */
  readFile(url: string): Promise<DocumentResult>;
  /** Reads the files of a folder whose names end with one of `extensions`, e.g. `['.md']`. */
  readFolder(url: string, extensions: string[]): Promise<FolderResult>;
}
