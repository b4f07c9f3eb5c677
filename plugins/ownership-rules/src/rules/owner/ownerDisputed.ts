import type { OwnershipRule } from '../types';
import { ANNOTATION_EDIT_URL, parseEntityRef } from '@backstage/catalog-model';

/** How `spec.owner` names a Group: without the default kind and namespace. */
function ownerLine(groupRef: string): string {
  const { kind, namespace, name } = parseEntityRef(groupRef);
  const prefix = kind.toLocaleLowerCase('en-US') === 'group' ? '' : `${kind}:`;
  return `spec.owner: ${prefix}${
    namespace === 'default' ? '' : `${namespace}/`
  }${name}`;
}

/**
 * `owner.disputed`: in an audit campaign, the owning team answered
 * `transfer` or `not-ours`, and the catalog still names the same owner.
 */
export const ownerDisputedRule: OwnershipRule = {
  id: 'owner.disputed',
  defaultSeverity: 'error',
  description:
    'No owning team has disputed the entity in an audit campaign (answered "transfer" or "not-ours") without the catalog changing since.',
  remediation:
    'Change spec.owner in the entity\'s catalog-info.yaml to the team that owns it, or have the team answer "confirm" if the catalog was right.',
  appliesTo: service => service.dispute !== undefined,
  evaluate(service) {
    const dispute = service.dispute;
    if (!dispute) {
      return [];
    }
    const owner = service.ownerResolution.entityRef;
    const edit = service.annotations[ANNOTATION_EDIT_URL];
    const where = edit ? ` (edit it at ${edit})` : '';
    const said = `${dispute.team} answered "${
      dispute.answer
    }" in the campaign "${dispute.campaignTitle}" (${
      dispute.by
    }, ${dispute.at.slice(0, 10)})`;
    if (dispute.answer === 'transfer' && dispute.transferTo) {
      if (owner === dispute.transferTo) {
        return [];
      }
      return [
        {
          message: `${service.entityRef}: ${said}, naming ${
            dispute.transferTo
          } as its owner, but the catalog still says ${owner ?? 'no owner'}`,
          remediation: `Write "${ownerLine(
            dispute.transferTo,
          )}" in the catalog-info.yaml of ${service.entityRef}${where}.`,
        },
      ];
    }
    if (owner !== dispute.team) {
      return [];
    }
    return [
      {
        message: `${service.entityRef}: ${said}${
          dispute.reason ? `: "${dispute.reason}"` : ''
        }, but the catalog still names ${dispute.team} as its owner`,
        remediation: `Find the team that runs ${service.entityRef} and write it as spec.owner in its catalog-info.yaml${where}; if nobody does, retire it.`,
      },
    ];
  },
};
