import { Content, Header, Page } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Navigate, Route, Routes } from 'react-router-dom';
import { AuditDashboard } from '../AuditDashboard';
import { IncidentLookup } from '../IncidentLookup';
import { ownershipTranslationRef } from '../../translation';

/**
 * The routes of the ownership page, relative to where it is mounted: the
 * audit dashboard at its root and the incident lookup at `lookup`. Both
 * frontend systems render these, each inside its own page shell.
 *
 * @public
 */
export function OwnershipRoutes() {
  return (
    <Routes>
      <Route path="/" element={<AuditDashboard />} />
      <Route path="/lookup" element={<IncidentLookup />} />
      <Route path="*" element={<Navigate to="." replace />} />
    </Routes>
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
