import { Content, Header, Page } from '@backstage/core-components';
import { Navigate, Route, Routes } from 'react-router-dom';
import { AuditDashboard } from '../AuditDashboard';
import { IncidentLookup } from '../IncidentLookup';

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
  return (
    <Page themeId="tool">
      <Header
        title="Ownership"
        subtitle="Who owns every service, who is on call, and what is missing"
      />
      <Content>
        <OwnershipRoutes />
      </Content>
    </Page>
  );
}
