import {
  OWNERSHIP_ANNOTATIONS,
  sloOf,
} from '@ownership-portal/plugin-ownership-common';
import { inTierScope, tierSubject } from '../tierScope';
import type { OwnershipRule } from '../types';

/**
 * `slo.missing`: a production service of a tier 1 System (by default) states
 * no service level objective. It reads the same `tiers` and `allEntities`
 * options as `adr.missing`.
 */
export const sloMissingRule: OwnershipRule = {
  id: 'slo.missing',
  defaultSeverity: 'warning',
  description:
    'Production services of tier 1 Systems link their service level objectives: a link of type "slo" or the ownership-portal/slo annotation.',
  remediation:
    'Add a link with "type: slo" to metadata.links in catalog-info.yaml, pointing at the SLO dashboard or document, or set the annotation "ownership-portal/slo" to its URL or a file next to catalog-info.yaml.',
  appliesTo: (service, { options }) => inTierScope(service, options),
  evaluate(service) {
    if (sloOf(service)) {
      return [];
    }
    return [
      {
        message: `${tierSubject(
          service,
        )} states no service level objective: no link of type "slo" and no ${
          OWNERSHIP_ANNOTATIONS.slo
        } annotation`,
        remediation: `Add to metadata.links in the catalog-info.yaml of ${service.entityRef} a link "{ url: https://slo.example.com/${service.name}, title: SLOs, type: slo }", or the annotation "${OWNERSHIP_ANNOTATIONS.slo}: docs/slo.md".`,
      },
    ];
  },
};
