import { DAY_MS } from '../../time';
import type { OwnershipRule } from '../types';

/**
 * How many days a runbook review counts as recent when
 * `ownership.rules.runbook.stale.maxAgeDays` is not set.
 *
 * @public
 */
export const RUNBOOK_STALE_MAX_AGE_DAYS = 180;

/**
 * `runbook.stale`: none of the readable runbooks has been reviewed within
 * the threshold (`maxAgeDays`, {@link RUNBOOK_STALE_MAX_AGE_DAYS} by
 * default). A runbook without a known review date is never taken as fresh.
 * While a runbook could not be read just now (`unknown`), it may be the
 * fresh one, so nothing is said.
 */
export const runbookStaleRule: OwnershipRule = {
  id: 'runbook.stale',
  defaultSeverity: 'warning',
  description: `At least one runbook has been reviewed recently (within ${RUNBOOK_STALE_MAX_AGE_DAYS} days by default).`,
  remediation:
    'Review the runbook and record the date in its front matter, e.g. "last_reviewed: 2026-11-28".',
  appliesTo: service => service.operational,
  evaluate(service, { now, options }) {
    const runbooks = service.runbooks ?? [];
    const readable = runbooks.filter(r => r.status === 'ok');
    if (
      readable.length === 0 ||
      readable.some(r => r.freshness === 'fresh') ||
      runbooks.some(r => r.status === 'unknown')
    ) {
      return [];
    }
    const maxAgeDays =
      options.getOptionalNumber('maxAgeDays') ?? RUNBOOK_STALE_MAX_AGE_DAYS;
    const dated = readable
      .filter(r => r.reviewedAt)
      .sort((a, b) => Date.parse(b.reviewedAt!) - Date.parse(a.reviewedAt!));
    const newest = dated[0];
    if (
      newest &&
      now.getTime() - Date.parse(newest.reviewedAt!) <= maxAgeDays * DAY_MS
    ) {
      return [];
    }
    const message = newest
      ? `${service.entityRef}: its newest runbook review is ${Math.floor(
          (now.getTime() - Date.parse(newest.reviewedAt!)) / DAY_MS,
        )} days old ("${newest.title}", ${newest.reviewedAt!.slice(
          0,
          10,
        )}), more than ${maxAgeDays} days`
      : `${service.entityRef}: none of its ${readable.length} runbook(s) has a known review date`;
    return [
      {
        message,
        remediation: `Review ${
          newest ? `"${newest.title}" (${newest.url})` : 'its runbooks'
        } and add "last_reviewed: ${now
          .toISOString()
          .slice(0, 10)}" to the front matter.`,
      },
    ];
  },
};
