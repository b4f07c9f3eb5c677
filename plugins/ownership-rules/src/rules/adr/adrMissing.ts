import { OWNERSHIP_ANNOTATIONS } from '@ownership-portal/plugin-ownership-common';
import { inTierScope, tierSubject } from '../tierScope';
import type { OwnershipRule } from '../types';

/**
 * `adr.missing`: a production service of a tier 1 System (by default) has no
 * architecture decision records. `tiers` sets which System tiers need them;
 * `allEntities: true` asks it of every production entity.
 */
export const adrMissingRule: OwnershipRule = {
  id: 'adr.missing',
  defaultSeverity: 'warning',
  description:
    'Production entities of tier 1 Systems record their architecture decisions (ADRs) in the folder backstage.io/adr-location names.',
  remediation:
    'Add "backstage.io/adr-location: docs/adrs" to the annotations in catalog-info.yaml and write the first ADR there, e.g. docs/adrs/0001-record-architecture-decisions.md.',
  appliesTo: (service, { options }) => inTierScope(service, options),
  evaluate(service, { options }) {
    if (
      !inTierScope(service, options) ||
      service.adrs?.length ||
      // The folder could not be read just now: nothing is known.
      service.adrRead?.status === 'unknown'
    ) {
      return [];
    }
    const who = tierSubject(service);
    const location = service.annotations[OWNERSHIP_ANNOTATIONS.adrLocation];
    const where = location ? `"${location}"` : 'its ADR location';

    if (service.adrs === undefined && service.adrProblems?.length) {
      return [
        {
          message: `${who} names ADRs at ${where}, but they could not be read: ${service.adrProblems.join(
            '; ',
          )}`,
          remediation: `Make ${where} readable: check that the folder exists at that path relative to the catalog-info.yaml of ${service.entityRef}, and that Backstage has an integration (or a backend.reading.allow entry) for its host.`,
        },
      ];
    }
    if (service.adrs === undefined) {
      return [
        {
          message: `${who} has no architecture decision records: it names no ${OWNERSHIP_ANNOTATIONS.adrLocation}`,
          remediation: `Add "${OWNERSHIP_ANNOTATIONS.adrLocation}: docs/adrs" to metadata.annotations in the catalog-info.yaml of ${service.entityRef} and write the first ADR, e.g. docs/adrs/0001-record-architecture-decisions.md.`,
        },
      ];
    }
    return [
      {
        message: `${who} has no architecture decision records: ${where} holds none`,
        remediation: `Write the first ADR in ${where}, e.g. 0001-record-architecture-decisions.md with a "# " title and a status.`,
      },
    ];
  },
};
