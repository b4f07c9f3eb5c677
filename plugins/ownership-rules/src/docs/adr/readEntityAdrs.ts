import {
  type AdrInfo,
  OWNERSHIP_ANNOTATIONS,
  type ReadState,
  type ResolvedService,
} from '@ownership-portal/plugin-ownership-common';
import type { DocumentReader } from '../types';
import { readAdrs } from './readAdrs';

const MANAGED_BY = 'backstage.io/managed-by-location';

/**
 * What an entity's ADR folder holds, as the ADR rules read it.
 *
 * @public
 */
export interface EntityAdrs {
  /** The records; absent when the entity names no folder or it could not be read. */
  adrs?: AdrInfo[];
  /** Why the folder or some of its records could not be used. */
  adrProblems?: string[];
  /** Set when the folder could not be read just now (unknown) or was served from an earlier read (stale). */
  adrRead?: ReadState;
}

/**
 * Reads the ADR folder that `backstage.io/adr-location` names, relative to
 * the entity's catalog file. A folder that could not be read just now is
 * "unknown", never a problem.
 *
 * @public
 */
export async function readEntityAdrs(
  service: Pick<ResolvedService, 'annotations'>,
  reader: DocumentReader,
): Promise<EntityAdrs> {
  const location =
    service.annotations[OWNERSHIP_ANNOTATIONS.adrLocation]?.trim();
  if (!location) {
    return {};
  }
  const resolved = reader.resolve(location, service.annotations[MANAGED_BY]);
  if ('error' in resolved) {
    return { adrProblems: [resolved.error] };
  }
  const folder = await readAdrs(reader, resolved.url);
  if (folder.status === 'unknown') {
    return {
      adrRead: {
        status: 'unknown',
        reason: folder.reason ?? `${resolved.url} could not be read just now`,
      },
    };
  }
  if (folder.status !== 'ok') {
    return { adrProblems: folder.problems };
  }
  return {
    adrs: folder.adrs,
    ...(folder.problems.length && { adrProblems: folder.problems }),
    ...(folder.stale && {
      adrRead: { status: 'stale' as const, ...folder.stale },
    }),
  };
}
