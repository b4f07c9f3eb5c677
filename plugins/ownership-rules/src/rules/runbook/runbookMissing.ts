import type { OwnershipRule } from '../types';

/** `runbook.missing`: an operational service links no runbook. */
export const runbookMissingRule: OwnershipRule = {
  id: 'runbook.missing',
  defaultSeverity: 'error',
  description:
    "Operational services link at least one runbook, their own or their team's.",
  remediation:
    'Add a runbook link to metadata.links (type: runbook), or the annotation ownership-portal/runbooks naming a markdown file or folder.',
  appliesTo: service => service.operational,
  evaluate(service) {
    if (!service.runbooks || service.runbooks.length > 0) {
      return [];
    }
    return [
      {
        message: `${service.entityRef} links no runbook, and neither does ${
          service.ownerResolution.entityRef ?? 'its owner'
        }`,
        remediation: `In the catalog-info.yaml of ${service.entityRef}, add "ownership-portal/runbooks: docs/runbooks" (a file or folder next to it) or a link { url: <runbook>, title: Runbook, type: runbook } under metadata.links.`,
      },
    ];
  },
};
