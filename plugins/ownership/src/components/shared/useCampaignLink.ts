import { useRouteRef } from '@backstage/core-plugin-api';
import { campaignRouteRef } from '../../routes';

/**
 * The address of a campaign page (with `?team=` when a team is given), or
 * `undefined` where the app does not mount the ownership page: cards on
 * entity pages then show campaign titles without links instead of failing.
 */
export function useCampaignLink():
  | ((id: number, team?: string) => string)
  | undefined {
  let route: ((params: { id: string }) => string) | undefined;
  try {
    // useRouteRef throws for an unbound ref only after all of its own hooks
    // ran, so the hook order is the same either way.
    // eslint-disable-next-line react-hooks/rules-of-hooks
    route = useRouteRef(campaignRouteRef);
  } catch {
    route = undefined;
  }
  if (!route) {
    return undefined;
  }
  const link = route;
  return (id, team) =>
    `${link({ id: String(id) })}${
      team ? `?team=${encodeURIComponent(team)}` : ''
    }`;
}
