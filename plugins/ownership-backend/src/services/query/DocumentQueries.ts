import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import type { LocalDocument } from '@ownership-portal/plugin-ownership-common';
import type { ResultStore } from '../../database/types';
import {
  type DocumentReader,
  parseFrontMatter,
} from '@ownership-portal/plugin-ownership-rules';
import type { CatalogVisibility } from './CatalogVisibility';
import type { Selection } from './Selection';

/** The only documents `/documents` shows: text. */
const DOCUMENT_EXTENSIONS = ['.md', '.markdown', '.txt', '.yaml', '.yml'];

/** The path segments of a `file:` URL as given, before any normalising. */
function rawSegments(url: string): string[] {
  const path = url.slice('file:'.length).split(/[?#]/, 1)[0];
  return path.split(/[/\\]/).map(segment => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  });
}

/**
 * Local documents for reading in the portal (`GET /documents`). A file is
 * shown only when an entity of the latest run that the caller may read names
 * it as a runbook, an ADR or its tech-debt register; only text files; never
 * a path with a hidden segment (`.git`, `.env`). A file that is missing, not
 * named by a readable entity, or refused by the reader gets the same answer,
 * which names the URL the caller gave and nothing of the server's folders.
 */
export class DocumentQueries {
  static create(deps: {
    results: ResultStore;
    selection: Selection;
    visibility: CatalogVisibility;
    reader: Pick<DocumentReader, 'readFile'>;
  }) {
    return new DocumentQueries(deps);
  }

  private constructor(
    private readonly deps: {
      results: ResultStore;
      selection: Selection;
      visibility: CatalogVisibility;
      reader: Pick<DocumentReader, 'readFile'>;
    },
  ) {}

  async read(
    url: string,
    credentials: BackstageCredentials,
  ): Promise<LocalDocument> {
    checkShape(url);
    const notFound = new NotFoundError(
      `Cannot show ${url}: it is not a runbook, ADR or tech-debt register of an entity you may read in the latest ownership audit, or it cannot be read`,
    );
    const run = await this.deps.selection.latestRun();
    const referrers = await this.deps.results.findDocumentReferrers(
      run.id,
      url,
    );
    if (referrers.length === 0) {
      throw notFound;
    }
    const readable = await this.deps.visibility.readable(
      referrers,
      credentials,
    );
    if (readable.size === 0) {
      throw notFound;
    }
    const result = await this.deps.reader.readFile(url);
    if (result.status !== 'ok') {
      throw notFound;
    }
    return {
      url,
      markdown: parseFrontMatter(result.text).body,
      ...(result.lastModified && {
        lastModified: result.lastModified.toISOString(),
      }),
    };
  }
}

/** Refuses URLs that can never name a document shown here, whatever is on disk. */
function checkShape(url: string): void {
  if (!url.startsWith('file:')) {
    throw new InputError(
      `Invalid query parameter url: ${url} must be a file: URL inside ownership.docs.localRoots; open other documents at their own address`,
    );
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url).pathname);
  } catch {
    throw new InputError(`Invalid query parameter url: ${url} is not a URL`);
  }
  const segments = [...rawSegments(url), ...pathname.split('/')];
  if (segments.some(segment => segment.startsWith('.'))) {
    throw new InputError(
      `Invalid query parameter url: ${url} has a hidden or relative path segment (one that starts with "."); such files are never shown`,
    );
  }
  const name = pathname.toLocaleLowerCase('en-US');
  if (!DOCUMENT_EXTENSIONS.some(extension => name.endsWith(extension))) {
    throw new InputError(
      `Invalid query parameter url: ${url} is not a text document; only ${DOCUMENT_EXTENSIONS.join(
        ', ',
      )} files are shown`,
    );
  }
}
