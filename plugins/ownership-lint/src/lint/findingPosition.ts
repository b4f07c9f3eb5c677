import { OWNERSHIP_ANNOTATIONS } from '@ownership-portal/plugin-ownership-common';
import type { LocatedEntity, Position } from './types';

const ANNOTATION_OF: Record<string, string> = {
  runbook: OWNERSHIP_ANNOTATIONS.runbooks,
  adr: OWNERSHIP_ANNOTATIONS.adrLocation,
  techdebt: OWNERSHIP_ANNOTATIONS.techDebt,
  slo: OWNERSHIP_ANNOTATIONS.slo,
};

function hasPath(entity: LocatedEntity, path: Array<string | number>) {
  let node: unknown = entity.entity;
  for (const key of path) {
    if (node === null || typeof node !== 'object') {
      return false;
    }
    node = (node as Record<string | number, unknown>)[key];
  }
  return node !== undefined;
}

/**
 * The line a finding points at: an annotation its message names, the field its rule is about (`spec.owner`
 * for owner rules, the annotation that names the documents for document
 * rules), else the entity's links or annotations, else its start.
 */
export function findingPosition(
  located: LocatedEntity,
  finding: { ruleId: string; message: string },
): Position {
  const { ruleId, message } = finding;
  const category = ruleId.slice(0, ruleId.indexOf('.'));
  const candidates: Array<Array<string | number>> = [];
  // An annotation the message names is the most precise place.
  const annotations = located.entity.metadata?.annotations ?? {};
  for (const key of Object.keys(annotations)) {
    if (message.includes(`${key} annotation`)) {
      candidates.push(['metadata', 'annotations', key]);
    }
  }
  if (category === 'owner') {
    candidates.push(['spec', 'owner'], ['spec']);
  }
  const annotation = ANNOTATION_OF[category];
  if (annotation) {
    candidates.push(['metadata', 'annotations', annotation]);
  }
  if (category === 'runbook' || category === 'slo') {
    candidates.push(['metadata', 'links']);
  }
  candidates.push(['metadata', 'annotations'], ['metadata', 'name']);
  const path = candidates.find(p => hasPath(located, p));
  return path ? located.position(path) : located.start;
}
