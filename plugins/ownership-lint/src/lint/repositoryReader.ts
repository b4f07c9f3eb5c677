import {
  createLimiter,
  type DocumentReader,
  type DocumentResult,
  type FolderResult,
  LocalDocumentReader,
  resolveTarget,
} from '@ownership-portal/plugin-ownership-rules';

const MAX_BYTES = 1024 * 1024;
const MAX_FILES = 500;

function notFetched(url: string) {
  return {
    status: 'not-configured' as const,
    url,
    reason: `ownership-lint reads files of the repository only; ${url} is checked by the portal`,
  };
}

/**
 * Reads the documents entities name, the way the portal reads local ones:
 * relative paths resolve against the entity's catalog file, and only files
 * inside the repository are read. URLs are not fetched: their documents are
 * reported with unknown freshness, never as missing.
 */
export function repositoryReader(root: string): DocumentReader {
  const local = LocalDocumentReader.create({
    localRoots: [root],
    maxBytes: MAX_BYTES,
    maxFiles: MAX_FILES,
    limit: createLimiter(8),
  });
  const isFile = (url: string) => url.startsWith('file:');
  return {
    resolve: resolveTarget,
    readFile: async (url: string): Promise<DocumentResult> =>
      isFile(url) ? local.readFile(url) : notFetched(url),
    readFolder: async (
      url: string,
      extensions: string[],
    ): Promise<FolderResult> =>
      isFile(url) ? local.readFolder(url, extensions) : notFetched(url),
  };
}
