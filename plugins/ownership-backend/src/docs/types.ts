/** A document that was read. */
export interface ReadDocument {
  /** Absolute URL (`https:`, `file:`) it was read from. */
  url: string;
  text: string;
  /** The reader's last-modified date, when it gives one. */
  lastModified?: Date;
}

/** Why a document was not read. */
export interface DocumentProblem {
  url: string;
  /**
   * `not-configured`: Backstage has no integration or `backend.reading.allow`
   * entry for the host, so it was not asked (not a finding);
   * `unreachable`: it is gone (404), refused (a `file:` location outside
   * `ownership.docs.localRoots`), too large, binary, or failed to read.
   */
  status: 'not-configured' | 'unreachable';
  reason: string;
}

/** The outcome of reading one document. */
export type DocumentResult =
  | ({ status: 'ok' } & ReadDocument)
  | DocumentProblem;

/** The outcome of reading a folder of documents. */
export type FolderResult =
  | {
      status: 'ok';
      url: string;
      files: ReadDocument[];
      /** Files left out, with the reason (too large, binary, over the count limit). */
      skipped: Array<{ url: string; reason: string }>;
    }
  | DocumentProblem;

/**
 * Reads runbooks, ADRs and debt registers: remote locations through
 * Backstage's UrlReader (so integrations and `backend.reading.allow`
 * govern access), `file:` locations only inside `ownership.docs.localRoots`.
 * Never throws for a bad document: every problem is a result.
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
