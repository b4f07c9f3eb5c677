import type {
  ResolvedService,
  RunbookInfo,
  StaleRead,
} from '@ownership-portal/plugin-ownership-common';
import type { DocumentReader, ReadDocument } from '../types';
import { freshnessOf, readRunbook } from './reviewDate';

const ANNOTATION = 'ownership-portal/runbooks';
const MANAGED_BY = 'backstage.io/managed-by-location';
const MARKDOWN = ['.md', '.markdown'];

function isRunbookLink(type?: string) {
  return type?.toLocaleLowerCase('en-US') === 'runbook';
}

function fileName(url: string) {
  return decodeURIComponent(url.replace(/\/+$/, '').split('/').pop() ?? url);
}

/**
 * Finds and reads a service's runbooks: `metadata.links` of type `runbook`
 * on the service and on its owning team, and the `ownership-portal/runbooks`
 * annotation (a markdown file or a folder of them). Every runbook is listed,
 * read or not, with its freshness and, when it could not be read, why; one
 * served from its last good read carries `staleRead`.
 *
 * @public
 */
export async function collectRunbooks(
  service: ResolvedService,
  options: { reader: DocumentReader; now: Date; maxAgeDays: number },
): Promise<RunbookInfo[]> {
  const { reader, now, maxAgeDays } = options;
  const found: Array<Promise<RunbookInfo[]>> = [];
  const seen = new Set<string>();

  const fromDocument = (
    doc: ReadDocument,
    source: RunbookInfo['source'],
    linkTitle?: string,
    stale?: StaleRead,
  ): RunbookInfo => {
    const reading = readRunbook(doc.text, doc.lastModified);
    return {
      title: linkTitle ?? reading.title ?? fileName(doc.url),
      url: doc.url,
      source,
      ...(reading.reviewedAt && { reviewedAt: reading.reviewedAt }),
      ...(reading.reviewedFrom && { reviewedFrom: reading.reviewedFrom }),
      freshness: freshnessOf(reading.reviewedAt, now, maxAgeDays),
      status: 'ok',
      ...(reading.problem && { reason: reading.problem }),
      ...(stale && { staleRead: stale }),
    };
  };

  const readOne = async (
    url: string,
    source: RunbookInfo['source'],
    title?: string,
  ) => {
    const result = await reader.readFile(url);
    if (result.status === 'ok') {
      return [fromDocument(result, source, title, result.stale)];
    }
    return [
      {
        title: title ?? fileName(url),
        url,
        source,
        freshness: 'unknown' as const,
        status: result.status,
        reason: result.reason,
      },
    ];
  };

  const links = [
    ...service.links
      .filter(l => isRunbookLink(l.type))
      .map(l => ({ ...l, source: 'service-link' as const })),
    ...(service.teamLinks ?? [])
      .filter(l => isRunbookLink(l.type))
      .map(l => ({ ...l, source: 'team-link' as const })),
  ];
  for (const link of links) {
    if (!seen.has(link.url)) {
      seen.add(link.url);
      found.push(readOne(link.url, link.source, link.title));
    }
  }

  const annotation = service.annotations[ANNOTATION]?.trim();
  if (annotation) {
    const resolved = reader.resolve(
      annotation,
      service.annotations[MANAGED_BY],
    );
    if ('error' in resolved) {
      found.push(
        Promise.resolve([
          {
            title: annotation,
            url: annotation,
            source: 'annotation' as const,
            freshness: 'unknown' as const,
            status: 'unreachable' as const,
            reason: resolved.error,
          },
        ]),
      );
    } else if (!seen.has(resolved.url)) {
      seen.add(resolved.url);
      found.push(
        MARKDOWN.some(ext =>
          resolved.url.toLocaleLowerCase('en-US').endsWith(ext),
        )
          ? readOne(resolved.url, 'annotation')
          : readFolder(resolved.url),
      );
    }
  }

  async function readFolder(url: string): Promise<RunbookInfo[]> {
    const result = await reader.readFolder(url, MARKDOWN);
    if (result.status !== 'ok') {
      return [
        {
          title: fileName(url),
          url,
          source: 'annotation',
          freshness: 'unknown',
          status: result.status,
          reason: result.reason,
        },
      ];
    }
    return result.files.map(file =>
      fromDocument(file, 'annotation', undefined, result.stale),
    );
  }

  return (await Promise.all(found)).flat();
}
