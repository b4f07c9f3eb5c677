import type { OwnershipRule } from '../types';
import { suggestionSentence } from './suggestion';

/** `owner.unresolved`: `spec.owner` names no Group or User in the catalog. */
export const ownerUnresolvedRule: OwnershipRule = {
  id: 'owner.unresolved',
  defaultSeverity: 'error',
  description:
    'spec.owner refers to a Group or User that exists in the catalog.',
  remediation:
    'Correct spec.owner in catalog-info.yaml to an existing group ref, or register the missing Group in the catalog.',
  evaluate(service) {
    const { status, raw, entityRef } = service.ownerResolution;
    if (status !== 'unresolved') {
      return [];
    }
    let target = 'which is not a valid entity ref';
    if (entityRef) {
      target =
        entityRef === raw?.trim().toLocaleLowerCase('en-US')
          ? 'which is not a Group or User in the catalog'
          : `which resolves to ${entityRef}, not a Group or User in the catalog`;
    }
    const suggestion = suggestionSentence(service, 'state');
    return [
      {
        message: `${service.entityRef} has owner "${raw}", ${target}`,
        remediation: `In the catalog-info.yaml of ${
          service.entityRef
        }, change "owner: ${raw}" to an existing team (check the spelling and namespace), or add the Group ${
          entityRef ?? raw
        } to the catalog.${suggestion}`,
      },
    ];
  },
};
