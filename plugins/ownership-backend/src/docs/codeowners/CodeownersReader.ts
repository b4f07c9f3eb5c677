import type {
  DocumentProblem,
  DocumentReader,
} from '@ownership-portal/plugin-ownership-rules';
import { defaultCodeowners } from './parseCodeowners';
import { CODEOWNERS_PATHS } from './repositoryRoot';
import type { CodeownersFile } from './types';

/** A definite answer that the file is not there: look at the next place. */
function isNotFound(problem: DocumentProblem): boolean {
  return (
    problem.status === 'unreachable' &&
    (problem.reason === 'not found' ||
      problem.reason === '404 not found' ||
      /,\s410\s/.test(problem.reason))
  );
}

/**
 * A place the portal does not read at all (no integration for the host, or
 * a `file:` folder outside `ownership.docs.localRoots`): the repository is
 * treated as having no CODEOWNERS file, as a runbook there is not checked.
 */
function isNotRead(problem: DocumentProblem): boolean {
  return (
    problem.status === 'not-configured' ||
    (problem.status === 'unreachable' &&
      problem.reason.includes('is outside ownership.docs.localRoots'))
  );
}

/**
 * Reads the CODEOWNERS file of repositories through the portal's
 * {@link DocumentReader} (its limits, cache, retries and breakers), each
 * repository once: create one per audit run, so that the services of one
 * repository share a read. A file that could not be read just now is
 * `unknown` (or its last good read, `stale`); never a missing file.
 */
export class CodeownersReader {
  static create(deps: { reader: DocumentReader }) {
    return new CodeownersReader(deps.reader);
  }

  private readonly byRoot = new Map<
    string,
    Promise<CodeownersFile | undefined>
  >();

  private constructor(private readonly reader: DocumentReader) {}

  /**
   * The CODEOWNERS file of the repository at `root` (a folder URL ending in
   * `/`), or undefined when it has none (or lies where the portal does not read).
   */
  read(root: string): Promise<CodeownersFile | undefined> {
    let pending = this.byRoot.get(root);
    if (!pending) {
      pending = this.readRoot(root);
      this.byRoot.set(root, pending);
    }
    return pending;
  }

  private async readRoot(root: string): Promise<CodeownersFile | undefined> {
    for (const path of CODEOWNERS_PATHS) {
      const url = new URL(path, root).href;
      const result = await this.reader.readFile(url);
      if (result.status === 'ok') {
        return {
          url,
          path,
          defaultOwners: defaultCodeowners(result.text),
          ...(result.stale && {
            read: {
              status: 'stale',
              reason: result.stale.reason,
              readAt: result.stale.readAt,
            },
          }),
        };
      }
      if (isNotFound(result)) {
        continue;
      }
      if (isNotRead(result)) {
        return undefined;
      }
      // Whether a file earlier in GitHub's order exists is not known, so a
      // later one cannot stand in for it.
      return {
        url,
        path,
        defaultOwners: [],
        read: { status: 'unknown', reason: result.reason },
      };
    }
    return undefined;
  }
}
