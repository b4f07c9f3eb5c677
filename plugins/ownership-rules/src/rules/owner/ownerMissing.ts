import type { OwnershipRule } from '../types';
import { suggestionSentence } from './suggestion';

/** `owner.missing`: no `spec.owner`, or a placeholder such as `tbd`. */
export const ownerMissingRule: OwnershipRule = {
  id: 'owner.missing',
  defaultSeverity: 'error',
  description:
    'Every entity names its owning team in spec.owner; placeholders such as "unknown" or "tbd" count as missing.',
  remediation:
    'Set spec.owner in catalog-info.yaml to the team that owns the entity, e.g. "owner: group:default/payments".',
  evaluate(service) {
    const { status, raw } = service.ownerResolution;
    if (status !== 'missing') {
      return [];
    }
    const suggestion = suggestionSentence(service);
    return [
      {
        message: raw
          ? `${service.entityRef} has the placeholder owner "${raw}"`
          : `${service.entityRef} has no spec.owner`,
        remediation: `Replace ${
          raw ? `"owner: ${raw}"` : 'the missing owner'
        } in the catalog-info.yaml of ${
          service.entityRef
        } with the owning team, e.g. "owner: group:default/<team>".${suggestion}`,
      },
    ];
  },
};
