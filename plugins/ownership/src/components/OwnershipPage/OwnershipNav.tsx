import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import {
  Link as RouterLink,
  useLocation,
  useResolvedPath,
} from 'react-router-dom';
import { ownershipTranslationRef } from '../../translation';

/**
 * The sections of the ownership page as navigation tabs: the dashboard
 * (with the incident lookup), the campaigns and the user's attestations.
 * Rendered beside the page's routes, it resolves them against the page's
 * own mount path, so it needs no route binding.
 */
export function OwnershipNav() {
  const { t } = useTranslationRef(ownershipTranslationRef);
  const { pathname } = useLocation();
  const dashboard = useResolvedPath('.').pathname.replace(/\/$/, '') || '/';
  const base = dashboard === '/' ? '' : dashboard;
  const campaigns = `${base}/campaigns`;
  const attestations = `${base}/attestations`;
  const within = (path: string) =>
    pathname === path || pathname.startsWith(`${path}/`);
  let current = dashboard;
  if (within(campaigns)) {
    current = campaigns;
  } else if (within(attestations)) {
    current = attestations;
  }
  return (
    <Box
      component="nav"
      aria-label={t('ownershipNav.label')}
      sx={{ borderBottom: 1, borderColor: 'divider' }}
    >
      <Tabs value={current} aria-label={t('ownershipNav.label')}>
        <Tab
          component={RouterLink}
          to={dashboard}
          value={dashboard}
          label={t('ownershipNav.dashboard')}
        />
        <Tab
          component={RouterLink}
          to={campaigns}
          value={campaigns}
          label={t('ownershipNav.campaigns')}
        />
        <Tab
          component={RouterLink}
          to={attestations}
          value={attestations}
          label={t('ownershipNav.attestations')}
        />
      </Tabs>
    </Box>
  );
}
