import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { WarningLogger } from '../../engine/WarningLogger';
import type { DocumentResult, FolderResult } from '../types';
import type { Limiter } from './limiter';
import {
  decodeText,
  hasExtension,
  notTextReason,
  tooLargeReason,
} from './text';

/**
 * Settings of {@link LocalDocumentReader}.
 *
 * @public
 */
export interface LocalDocumentReaderOptions {
  /** Absolute folders inside which `file:` documents may be read. */
  localRoots: string[];
  /** Largest file read, in bytes. */
  maxBytes: number;
  /** Most files read from one folder. */
  maxFiles: number;
  /** Shared bound on reads in flight. */
  limit: Limiter;
  /** Told about roots that do not exist. */
  logger?: WarningLogger;
}

interface Root {
  /** As configured, made absolute. */
  configured: string;
  /** With symbolic links resolved; missing when the folder does not exist. */
  real?: string;
}

function isInside(file: string, folder: string): boolean {
  const prefix = folder.endsWith(path.sep) ? folder : `${folder}${path.sep}`;
  return file === folder || file.startsWith(prefix);
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException)?.code;
}

function unreachable(url: string, reason: string) {
  return { status: 'unreachable' as const, url, reason };
}

/** Codes that say what the file is, or that it may not be read: definite answers. */
const DEFINITE_CODES = new Set([
  'ENOENT',
  'ENOTDIR',
  'EISDIR',
  'EACCES',
  'EPERM',
]);

/**
 * Reads `file:` documents, only inside `ownership.docs.localRoots`: the URL
 * is normalised (so `..` cannot climb out) and checked, then its real path
 * (symbolic links followed) is checked against the roots' real paths before
 * anything is opened. Sizes come from `stat`, so an oversized file is never
 * opened.
 *
 * @public
 */
export class LocalDocumentReader {
  private roots?: Promise<Root[]>;

  private constructor(private readonly options: LocalDocumentReaderOptions) {}

  /** Creates a reader for the given roots; they are resolved on first use. */
  static create(options: LocalDocumentReaderOptions): LocalDocumentReader {
    return new LocalDocumentReader(options);
  }

  /** Reads one `file:` document. */
  async readFile(url: string): Promise<DocumentResult> {
    const located = await this.locate(url);
    if ('status' in located) {
      return located;
    }
    return this.options.limit(() => this.readReal(url, located.real));
  }

  /**
   * Reads the files of a `file:` folder, and of its sub-folders, whose names
   * end with one of `extensions`, in path order. Hidden files and folders
   * are skipped; symbolic links are followed only while they stay inside
   * the roots.
   */
  async readFolder(url: string, extensions: string[]): Promise<FolderResult> {
    const located = await this.locate(url);
    if ('status' in located) {
      return located;
    }
    const { maxFiles, limit } = this.options;
    const info = await limit(() => fs.stat(located.real)).catch(
      error => error as Error,
    );
    if (info instanceof Error) {
      return this.problem(url, info);
    }
    if (!info.isDirectory()) {
      return unreachable(url, `${url} is a file, not a folder`);
    }

    const skipped: Array<{ url: string; reason: string }> = [];
    const candidates = await this.walk(
      located.path,
      located.real,
      extensions,
      skipped,
    );
    candidates.sort((a, b) => (a < b ? -1 : Number(a > b)));

    const toUrl = (relative: string) =>
      pathToFileURL(path.join(located.path, ...relative.split('/'))).href;
    const chosen = candidates.slice(0, maxFiles);
    for (const relative of candidates.slice(maxFiles)) {
      skipped.push({
        url: toUrl(relative),
        reason: `more than ownership.docs.maxFiles (${maxFiles}) files`,
      });
    }

    const results = await Promise.all(
      chosen.map(relative => this.readFile(toUrl(relative))),
    );
    const files = [];
    for (const result of results) {
      if (result.status === 'ok') {
        const { status: _status, ...document } = result;
        files.push(document);
      } else {
        skipped.push({ url: result.url, reason: result.reason });
      }
    }
    return { status: 'ok', url, files, skipped };
  }

  /** Collects the relative (`/`-separated) paths of matching files under a folder. */
  private async walk(
    shownRoot: string,
    realRoot: string,
    extensions: string[],
    skipped: Array<{ url: string; reason: string }>,
  ): Promise<string[]> {
    const { limit } = this.options;
    const roots = await this.getRoots();
    const found: string[] = [];
    const visited = new Set<string>([realRoot]);
    const pending = [{ real: realRoot, relative: '' }];

    while (pending.length) {
      const folder = pending.shift()!;
      const entries = await limit(() =>
        fs.readdir(folder.real, { withFileTypes: true }),
      ).catch(() => []);
      for (const entry of entries) {
        if (entry.name.startsWith('.')) {
          continue;
        }
        const relative = folder.relative
          ? `${folder.relative}/${entry.name}`
          : entry.name;
        const entryPath = path.join(folder.real, entry.name);
        let real = entryPath;
        let isDirectory = entry.isDirectory();
        let isFile = entry.isFile();
        if (entry.isSymbolicLink()) {
          const target = await limit(() => fs.realpath(entryPath)).catch(
            () => undefined,
          );
          if (!target) {
            continue; // a broken link
          }
          if (!roots.some(root => root.real && isInside(target, root.real))) {
            const shown = pathToFileURL(
              path.join(shownRoot, ...relative.split('/')),
            ).href;
            skipped.push({ url: shown, reason: this.outside(shown, true) });
            continue;
          }
          const info = await limit(() => fs.stat(target)).catch(
            () => undefined,
          );
          real = target;
          isDirectory = Boolean(info?.isDirectory());
          isFile = Boolean(info?.isFile());
        }
        if (isDirectory && !visited.has(real)) {
          visited.add(real);
          pending.push({ real, relative });
        } else if (isFile && hasExtension(entry.name, extensions)) {
          found.push(relative);
        }
      }
    }
    return found;
  }

  /**
   * Turns a `file:` URL into a normalised path and its real path, both
   * checked against the roots, or the reason it may not be read.
   */
  private async locate(
    url: string,
  ): Promise<
    | { path: string; real: string }
    | { status: 'unreachable' | 'unknown'; url: string; reason: string }
  > {
    let file: string;
    try {
      file = path.resolve(fileURLToPath(url));
    } catch (error) {
      return unreachable(
        url,
        `${url} is not a local file path: ${(error as Error).message}`,
      );
    }
    const roots = await this.getRoots();
    const lexicallyInside = roots.some(
      root =>
        isInside(file, root.configured) ||
        (root.real !== undefined && isInside(file, root.real)),
    );
    if (!lexicallyInside) {
      return unreachable(url, this.outside(url, false));
    }

    let real: string;
    try {
      real = await this.options.limit(() => fs.realpath(file));
    } catch (error) {
      return this.problem(url, error);
    }
    if (!roots.some(root => root.real && isInside(real, root.real))) {
      return unreachable(url, this.outside(url, true));
    }
    return { path: file, real };
  }

  /** Reads a checked real path: stat first, then at most `maxBytes` + 1 bytes. */
  private async readReal(url: string, real: string): Promise<DocumentResult> {
    const { maxBytes } = this.options;
    try {
      const info = await fs.stat(real);
      if (info.isDirectory()) {
        return unreachable(url, `${url} is a folder, not a file`);
      }
      if (!info.isFile()) {
        return unreachable(url, `${url} is not a regular file`);
      }
      if (info.size > maxBytes) {
        return unreachable(url, tooLargeReason(url, info.size, maxBytes));
      }
      const handle = await fs.open(real, 'r');
      let buffer: Buffer;
      try {
        // One byte more than allowed, to notice a file that grew since stat.
        buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
        let length = 0;
        while (length < buffer.length) {
          const { bytesRead } = await handle.read(
            buffer,
            length,
            buffer.length - length,
            length,
          );
          if (bytesRead === 0) {
            break;
          }
          length += bytesRead;
        }
        if (length > maxBytes) {
          return unreachable(url, tooLargeReason(url, length, maxBytes));
        }
        buffer = buffer.subarray(0, length);
      } finally {
        await handle.close();
      }
      const text = decodeText(buffer);
      if (text === undefined) {
        return unreachable(url, notTextReason(url));
      }
      return { status: 'ok', url, text, lastModified: new Date(info.mtimeMs) };
    } catch (error) {
      return this.problem(url, error);
    }
  }

  /**
   * A missing file or a refused read is `unreachable`; any other failure
   * (EIO, EMFILE, a network file system timing out) says nothing about the
   * file, so it is `unknown`.
   */
  private problem(url: string, error: unknown) {
    const code = errorCode(error);
    const reason = this.describe(url, error);
    return code && DEFINITE_CODES.has(code)
      ? unreachable(url, reason)
      : { status: 'unknown' as const, url, reason };
  }

  private describe(url: string, error: unknown): string {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return 'not found';
    }
    if (code === 'EISDIR') {
      return `${url} is a folder, not a file`;
    }
    if (code === 'EACCES' || code === 'EPERM') {
      return `${url} cannot be read: permission denied`;
    }
    return `${url} cannot be read: ${(error as Error)?.message ?? error}`;
  }

  private outside(url: string, throughLink: boolean): string {
    const configured = this.options.localRoots;
    const roots = configured.length ? configured.join(', ') : 'none configured';
    return `${url} is outside ownership.docs.localRoots (${roots})${
      throughLink ? ' through a symbolic link' : ''
    }`;
  }

  private getRoots(): Promise<Root[]> {
    this.roots ??= Promise.all(
      this.options.localRoots.map(async configured => {
        try {
          return { configured, real: await fs.realpath(configured) };
        } catch (error) {
          this.options.logger?.warn(
            `ownership.docs.localRoots entry ${configured} cannot be used: ${
              (error as Error).message
            }`,
          );
          return { configured };
        }
      }),
    );
    return this.roots;
  }
}
