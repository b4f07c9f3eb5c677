import type { OwnershipRule } from '../types';

/**
 * `runbook.unreachable`: a linked runbook is definitely unreadable: gone
 * (404, 410, a missing local file), refused, not text, too large, or a
 * `file:` location outside the allowed roots. A link Backstage is not
 * configured to read, and one that could not be read just now (`unknown`:
 * timeout, 5xx, 429, open breaker), are no finding.
 */
export const runbookUnreachableRule: OwnershipRule = {
  id: 'runbook.unreachable',
  defaultSeverity: 'error',
  description: 'Every linked runbook can be read.',
  remediation:
    'Fix or remove the runbook link, or move the file into a location Backstage may read.',
  evaluate(service) {
    return (service.runbooks ?? [])
      .filter(r => r.status === 'unreachable')
      .map(r => ({
        message: `${service.entityRef}: runbook "${r.title}" (${r.url}) cannot be read: ${r.reason}`,
        remediation: `Fix the link to ${r.url} in the catalog-info.yaml of ${service.entityRef} (metadata.links or ownership-portal/runbooks), or restore the document.`,
      }));
  },
};
