import { Content, Header, Page } from '@backstage/core-components';
import { OverviewContent } from '../OverviewContent';

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
        <OverviewContent />
      </Content>
    </Page>
  );
}
