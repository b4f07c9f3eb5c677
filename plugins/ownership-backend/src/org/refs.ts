import type { Entity } from '@backstage/catalog-model';

// The catalog's ref conventions, shared with the lint CLI.
export {
  kindOfRef,
  nameOfRef,
  refOf,
  stringList,
  toFullRef,
} from '@ownership-portal/plugin-ownership-rules';

/** Target refs of an entity's relations of one type, lower-cased. */
export function relationTargets(entity: Entity, type: string): string[] {
  return (entity.relations ?? [])
    .filter(r => r.type === type && typeof r.targetRef === 'string')
    .map(r => r.targetRef.toLocaleLowerCase('en-US'));
}
