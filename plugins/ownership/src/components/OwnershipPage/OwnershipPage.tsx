import { Content, Header, Page } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Stack from '@mui/material/Stack';
import { Navigate, Route, Routes } from 'react-router-dom';
import { AuditDashboard } from '../AuditDashboard';
import { CampaignList } from '../CampaignList';
import { CampaignPage } from '../CampaignPage';
import { IncidentLookup } from '../IncidentLookup';
import { PendingAttestations } from '../PendingAttestations';
import { OwnershipNav } from './OwnershipNav';
import { ownershipTranslationRef } from '../../translation';

/**
 * The routes of the ownership page, relative to where it is mounted, under
 * its navigation tabs: the audit dashboard at its root, the incident lookup
 * at `lookup`, the audit campaigns at `campaigns` and `campaigns/:id`, and
 * the user's pending attestations at `attestations`. Both frontend systems
 * render these, each inside its own page shell.
 *
 * @public
 */
export function OwnershipRoutes() {
  return (
    <Stack spacing={3}>
      <OwnershipNav />
      <Routes>
        <Route path="/" element={<AuditDashboard />} />
        <Route path="/lookup" element={<IncidentLookup />} />
        <Route path="/campaigns" element={<CampaignList />} />
        <Route path="/campaigns/:id" element={<CampaignPage />} />
        <Route path="/attestations" element={<PendingAttestations />} />
        <Route path="*" element={<Navigate to="." replace />} />
      </Routes>
    </Stack>
  );
}

/**
 * The ownership dashboard as a full page, for apps on the legacy frontend
 * system (the new frontend system adds its own page header).
 *
 * @public
 */
export function OwnershipPage() {
  const { t } = useTranslationRef(ownershipTranslationRef);
  return (
    <Page themeId="tool">
      <Header
        title={t('ownershipPage.title')}
        subtitle={t('ownershipPage.subtitle')}
      />
      <Content>
        <OwnershipRoutes />
      </Content>
    </Page>
  );
}
