import type { OwnerResolution } from '@ownership-portal/plugin-ownership-common';
import type { WrittenOwner } from '@ownership-portal/plugin-ownership-rules';
import type { EntityDocument, LintCatalog } from './types';

const NO_PEOPLE = { members: [], contacts: [], parents: [] };
/** Sub-groups looked at, at most, to tell whether a team has members. */
const MAX_GROUPS = 25;

function relationTargets(entity: EntityDocument, type: string): string[] {
  const relations = (entity as { relations?: unknown }).relations;
  return Array.isArray(relations)
    ? relations
        .filter(r => r?.type === type && typeof r.targetRef === 'string')
        .map(r => String(r.targetRef).toLocaleLowerCase('en-US'))
    : [];
}

async function hasMembers(
  group: EntityDocument,
  catalog: LintCatalog,
): Promise<boolean> {
  const queue = [group];
  for (let seen = 0; queue.length && seen < MAX_GROUPS; seen++) {
    const next = queue.shift()!;
    if (relationTargets(next, 'hasMember').length) {
      return true;
    }
    for (const child of relationTargets(next, 'parentOf')) {
      const found = await catalog.getEntity(child);
      if (found) {
        queue.push(found);
      }
    }
  }
  return false;
}

/**
 * Resolves an owner as written. Without a catalog, only what the ref itself
 * says is known: missing, malformed, or naming a User; a well-formed Group
 * ref counts as resolved, and the caller reports `owner.unresolved` and
 * `owner.empty-team` as needing the catalog. With one, the ref is looked up.
 */
export async function resolveOwner(
  written: WrittenOwner,
  catalog: LintCatalog | undefined,
): Promise<OwnerResolution> {
  if (written.status === 'missing') {
    return {
      status: 'missing',
      ...(written.raw && { raw: written.raw }),
      ...NO_PEOPLE,
    };
  }
  if (written.status === 'malformed') {
    return { status: 'unresolved', raw: written.raw, ...NO_PEOPLE };
  }
  const base = { raw: written.raw, entityRef: written.ref, ...NO_PEOPLE };
  const found = catalog ? await catalog.getEntity(written.ref) : undefined;
  if (catalog && !found) {
    return { status: 'unresolved', ...base };
  }
  if (written.kind === 'user') {
    return { status: 'individual', ...base, kind: 'User' };
  }
  if (written.kind !== 'group') {
    return { status: 'unresolved', ...base };
  }
  const empty = found ? !(await hasMembers(found, catalog!)) : false;
  return { status: empty ? 'empty-team' : 'ok', ...base, kind: 'Group' };
}
