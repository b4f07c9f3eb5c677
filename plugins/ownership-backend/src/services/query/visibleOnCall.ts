import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { OnCallAnswer } from '@ownership-portal/plugin-ownership-common';
import type { OnCallSubject } from '@ownership-portal/plugin-ownership-node';
import type { CatalogVisibility } from './CatalogVisibility';

/**
 * An on-call answer as the caller may see it. Schedule and feed URLs are
 * often secret addresses (a private calendar link carries its token), so a
 * URL that the owning Group names (`matchedBy` `team` or `team-annotation`)
 * is left out for a caller who may not read that Group. A URL the service
 * names itself goes to whoever may read the service.
 */
export async function visibleOnCall(
  answer: OnCallAnswer,
  subject: OnCallSubject | undefined,
  visibility: CatalogVisibility,
  credentials: BackstageCredentials,
): Promise<OnCallAnswer> {
  if (!answer.scheduleUrl || answer.matchedBy === 'service-annotation') {
    return answer;
  }
  const team = subject?.team?.entityRef;
  if (team && (await visibility.canRead(team, credentials))) {
    return answer;
  }
  const { scheduleUrl, ...rest } = answer;
  return rest;
}
