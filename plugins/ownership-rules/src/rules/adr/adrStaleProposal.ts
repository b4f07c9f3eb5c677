import { DAY_MS } from '../../time';
import type { OwnershipRule } from '../types';

const DEFAULT_MAX_AGE_DAYS = 30;

/**
 * `adr.stale-proposal`: an ADR has been `proposed` for longer than
 * `maxAgeDays` (default 30), counted from `proposedSince`: the record's own
 * date, else when the portal first saw it proposed. An ADR with neither is
 * not counted.
 */
export const adrStaleProposalRule: OwnershipRule = {
  id: 'adr.stale-proposal',
  defaultSeverity: 'warning',
  description: `No architecture decision record stays proposed for longer than ${DEFAULT_MAX_AGE_DAYS} days (ownership.rules.adr.stale-proposal.maxAgeDays).`,
  remediation:
    'Decide on the proposal: accept or reject it, and update its status and date.',
  appliesTo: service => (service.adrs?.length ?? 0) > 0,
  evaluate(service, { now, options }) {
    const maxAgeDays =
      options.getOptionalNumber('maxAgeDays') ?? DEFAULT_MAX_AGE_DAYS;
    return (service.adrs ?? []).flatMap(adr => {
      const from = adr.proposedSince?.date ?? adr.date;
      if (adr.status !== 'proposed' || !from) {
        return [];
      }
      const since = Date.parse(`${from.slice(0, 10)}T00:00:00Z`);
      if (isNaN(since)) {
        return [];
      }
      const days = Math.floor((now.getTime() - since) / DAY_MS);
      if (days <= maxAgeDays) {
        return [];
      }
      return [
        {
          message: `${service.entityRef}: ADR ${adr.file} "${
            adr.title
          }" has been proposed for ${days} days (since ${from.slice(0, 10)}${
            adr.proposedSince?.source === 'first-seen'
              ? ', when the portal first saw it; the record states no date'
              : ''
          }; at most ${maxAgeDays})`,
          remediation: `Decide on ${adr.file} (${adr.url}): accept or reject it, then update its status (front matter "status:", the "Status:" line or the "## Status" section) and its date.`,
        },
      ];
    });
  },
};
