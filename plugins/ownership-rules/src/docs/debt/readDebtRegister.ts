import {
  OWNERSHIP_ANNOTATIONS,
  type ResolvedService,
  type TechDebtItem,
  type TechDebtSummary,
} from '@ownership-portal/plugin-ownership-common';
import type { DocumentReader } from '../types';
import { parseRegister } from './parseRegister';

const MANAGED_BY = 'backstage.io/managed-by-location';

/**
 * What an entity's tech debt register file holds.
 *
 * @public
 */
export interface DebtRegisterRead {
  /** The register's URL, when the annotation resolved to one. */
  registerUrl?: string;
  /** The valid items, each with `source: register`. */
  items: TechDebtItem[];
  /** Why the register or some of its items could not be used, with line numbers. */
  problems: TechDebtSummary['problems'];
  /** Set when the register could not be read just now, or was served stale. */
  reads: NonNullable<TechDebtSummary['reads']>;
}

/**
 * Reads and validates the register that `ownership-portal/tech-debt` names;
 * undefined when the entity names none. A register that could not be read
 * just now is "unknown", never a problem.
 *
 * @public
 */
export async function readDebtRegister(
  service: Pick<ResolvedService, 'annotations'>,
  reader: DocumentReader,
): Promise<DebtRegisterRead | undefined> {
  const register = service.annotations[OWNERSHIP_ANNOTATIONS.techDebt]?.trim();
  if (!register) {
    return undefined;
  }
  const read: DebtRegisterRead = { items: [], problems: [], reads: [] };
  const resolved = reader.resolve(register, service.annotations[MANAGED_BY]);
  if ('error' in resolved) {
    read.problems.push({ source: 'register', message: resolved.error });
    return read;
  }
  read.registerUrl = resolved.url;
  const result = await reader.readFile(resolved.url);
  if (result.status === 'unknown') {
    read.reads.push({
      source: 'register',
      status: 'unknown',
      reason: result.reason,
    });
  } else if (result.status === 'ok') {
    if (result.stale) {
      read.reads.push({ source: 'register', status: 'stale', ...result.stale });
    }
    const parsed = parseRegister(result.text, { url: result.url });
    read.items.push(
      ...parsed.items.map(item => ({ ...item, source: 'register' })),
    );
    read.problems.push(
      ...parsed.problems.map(message => ({ source: 'register', message })),
    );
  } else {
    read.problems.push({
      source: 'register',
      message: `${result.url} cannot be read: ${result.reason}`,
    });
  }
  return read;
}
