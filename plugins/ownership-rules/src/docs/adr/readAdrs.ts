import type {
  AdrInfo,
  StaleRead,
} from '@ownership-portal/plugin-ownership-common';
import type { DocumentReader } from '../types';
import { type ParsedAdr, parseAdr } from './parseAdr';

/** The ADRs of one `backstage.io/adr-location` folder. */
interface AdrFolder {
  /** Sorted by file name (numerically: `2-…` before `10-…`). */
  adrs: AdrInfo[];
  /** Problems of the folder or of single files, each prefixed with the file name. */
  problems: string[];
  /**
   * `ok` when the folder was read (even if it holds no ADR); `not-configured`
   * when Backstage may not read its host; `unreachable` when it definitely
   * cannot be read (gone, refused); `unknown` when it could not be read just
   * now and was never read before (not a problem: see `reason`).
   */
  status: 'ok' | 'not-configured' | 'unreachable' | 'unknown';
  /** Why the folder is `unknown`. */
  reason?: string;
  /** Set when the ADRs come from the folder's last good read. */
  stale?: StaleRead;
}

/**
 * Index pages and templates that live next to ADRs but are none: `README.md`,
 * `index.md`, `template.md`, MADR's `adr-template.md`/`adr-template-minimal.md`.
 */
const NOT_ADRS = /^(?:readme|index|(?:adr[-_])?template(?:[-_][\w-]*)?)\.md$/i;

function fileName(url: string): string {
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    // not a URL: use it as a path
  }
  const name = path.replace(/\/+$/, '').split('/').pop() ?? url;
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** The number an ADR file starts with, e.g. 3 for `0003-use-x.md`. */
function numberOf(file: string): number | undefined {
  const m = /^(\d+)/.exec(file);
  return m ? Number(m[1]) : undefined;
}

/** Finds the ADR a `supersedes`/`supersededBy` reference names. */
function resolver(adrs: ParsedAdr[]) {
  const byNumber = new Map<number, ParsedAdr[]>();
  for (const adr of adrs) {
    const n = numberOf(adr.file);
    if (n !== undefined) {
      byNumber.set(n, [...(byNumber.get(n) ?? []), adr]);
    }
  }
  return (ref: string): ParsedAdr | undefined => {
    const name = ref.trim().toLowerCase();
    const file = adrs.find(a => {
      const f = a.file.toLowerCase();
      return f === name || f === `${name}.md`;
    });
    if (file) {
      return file;
    }
    const n = /^(?:adr[\s#-]*)?#?0*(\d+)$/i.exec(name)?.[1];
    const numbered = n === undefined ? undefined : byNumber.get(Number(n));
    if (numbered?.length === 1) {
      return numbered[0];
    }
    const title = name.replace(/^(?:adr[\s#-]*)?\d+\s*[.:–—-]?\s+/i, '');
    return adrs.find(a => a.title.toLowerCase() === title);
  };
}

/**
 * Links both sides of a supersession: an ADR that `supersedes` another gives
 * it `supersededBy` (unless it is only proposed or was rejected, when nothing
 * is replaced yet), and one `superseded by` another is added to that one's
 * `supersedes`. References that resolve become file names.
 */
function linkSupersession(adrs: ParsedAdr[], problems: string[]) {
  const find = resolver(adrs);
  const sameFolder = (ref: string) => !ref.includes('/') && !/^\w+:/.test(ref);
  for (const adr of adrs) {
    if (adr.supersedes) {
      adr.supersedes = adr.supersedes.map(ref => {
        const target = find(ref);
        if (!target || target === adr) {
          if (sameFolder(ref)) {
            problems.push(
              `${adr.file}: supersedes "${ref}", which is not an ADR of this folder`,
            );
          }
          return ref;
        }
        const replaces = adr.status !== 'proposed' && adr.status !== 'rejected';
        if (replaces && !target.supersededBy) {
          target.supersededBy = adr.file;
          if (target.status !== 'superseded') {
            problems.push(
              `${target.file}: ${adr.file} supersedes it, but its status is ${target.status}`,
            );
          }
        }
        return target.file;
      });
    }
  }
  for (const adr of adrs) {
    if (!adr.supersededBy) {
      continue;
    }
    const target = find(adr.supersededBy);
    if (!target || target === adr) {
      if (sameFolder(adr.supersededBy)) {
        problems.push(
          `${adr.file}: superseded by "${adr.supersededBy}", which is not an ADR of this folder`,
        );
      }
      continue;
    }
    adr.supersededBy = target.file;
    if (!target.supersedes?.some(ref => find(ref) === adr)) {
      target.supersedes = [...(target.supersedes ?? []), adr.file];
    }
  }
}

function toAdrInfo(adr: ParsedAdr): AdrInfo {
  return {
    title: adr.title,
    status: adr.status,
    ...(adr.date && { date: adr.date }),
    ...(adr.deciders && { deciders: adr.deciders }),
    url: adr.url,
    file: adr.file,
    ...(adr.supersededBy && { supersededBy: adr.supersededBy }),
    ...(adr.supersedes && { supersedes: adr.supersedes }),
  };
}

/**
 * Reads the ADRs of a folder: every `.md` file except README, index and
 * template files, and files that have neither a title nor a status. Never
 * throws; what cannot be read is a problem.
 */
export async function readAdrs(
  reader: DocumentReader,
  url: string,
): Promise<AdrFolder> {
  let folder;
  try {
    folder = await reader.readFolder(url, ['.md']);
  } catch (error) {
    // A reader that throws has said nothing about the folder.
    return {
      adrs: [],
      problems: [],
      status: 'unknown',
      reason: `${url} could not be read: ${error}`,
    };
  }
  if (folder.status === 'unknown') {
    return { adrs: [], problems: [], status: 'unknown', reason: folder.reason };
  }
  if (folder.status !== 'ok') {
    return {
      adrs: [],
      problems: [`${folder.url}: ${folder.reason}`],
      status: folder.status,
    };
  }

  const problems: string[] = [];
  const parsed: ParsedAdr[] = [];
  const files = folder.files
    .map(doc => ({ doc, file: fileName(doc.url) }))
    .filter(({ file }) => /\.md$/i.test(file) && !NOT_ADRS.test(file))
    .sort((a, b) =>
      a.file.localeCompare(b.file, 'en', {
        numeric: true,
        sensitivity: 'base',
      }),
    );
  for (const { doc, file } of files) {
    const adr = parseAdr({ file, ...doc });
    if (adr.titleFrom === 'file-name' && !adr.statusFrom) {
      problems.push(
        `${file}: skipped, it has neither a "# " title nor a status, so it does not look like an ADR`,
      );
      continue;
    }
    parsed.push(adr);
    problems.push(...adr.problems.map(p => `${file}: ${p}`));
  }
  for (const skipped of folder.skipped) {
    problems.push(`${fileName(skipped.url)}: skipped, ${skipped.reason}`);
  }
  linkSupersession(parsed, problems);

  return {
    adrs: parsed.map(toAdrInfo),
    problems,
    status: 'ok',
    ...(folder.stale && { stale: folder.stale }),
  };
}
