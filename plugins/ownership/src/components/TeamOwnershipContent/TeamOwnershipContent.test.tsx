import type { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import type { TeamDetails } from '@ownership-portal/plugin-ownership-common';
import { screen, within } from '@testing-library/react';
import { type OwnershipApi, ownershipApiRef } from '../../api';
import { fakeOwnershipApi, teamDetails } from '../../testing/fixtures';
import { notFoundError } from '../shared/__testUtils__/serviceDetails';
import { TeamOwnershipContent } from './TeamOwnershipContent';

const paymentsGroup: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'payments', namespace: 'default', title: 'Payments' },
  spec: { type: 'team', children: ['payments-platform'] },
};

async function renderContent(getTeam: OwnershipApi['getTeam']) {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [
          ownershipApiRef,
          fakeOwnershipApi({
            getTeam,
            listCampaigns: async () => ({ items: [] }),
          }),
        ],
      ]}
    >
      <EntityProvider entity={paymentsGroup}>
        <TeamOwnershipContent />
      </EntityProvider>
    </TestApiProvider>,
    {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

/** The team with a third, newer decision listed last (out of order). */
function teamWithThreeAdrs(): TeamDetails {
  const team = teamDetails('payments');
  return {
    ...team,
    readingList: {
      ...team.readingList,
      adrs: [
        ...team.readingList.adrs,
        {
          title: 'Queue refunds through Kafka',
          status: 'proposed',
          date: '2026-11-02',
          url: 'https://github.com/example/payments-worker/blob/main/docs/adr/0001-kafka.md',
          file: '0001-kafka.md',
          entityRef: 'component:default/payments-worker',
          entityRefs: ['component:default/payments-worker'],
        },
      ],
    },
  };
}

describe('TeamOwnershipContent', () => {
  it('lists the runbooks with their service and freshness', async () => {
    const getTeam = jest.fn(async () => teamDetails('payments'));
    await renderContent(getTeam);

    const runbooks = within(
      await screen.findByRole('list', { name: 'Runbooks' }),
    ).getAllByRole('listitem');
    expect(getTeam).toHaveBeenCalledWith('group:default/payments');
    expect(runbooks).toHaveLength(2);
    expect(
      within(runbooks[0]).getByRole('link', { name: /On-call runbook/ }),
    ).toHaveAttribute(
      'href',
      'https://docs.example.com/runbooks/payments-api.md',
    );
    expect(
      within(runbooks[0]).getByRole('link', { name: 'Payments API' }),
    ).toHaveAttribute('href', '/catalog/default/component/payments-api');
    expect(runbooks[0]).toHaveTextContent(/Stale/);
    expect(runbooks[1]).toHaveTextContent(
      /Payments incident handbook.*for Payments API.*Fresh/,
    );
  });

  it('lists the decisions newest first with status, date and service', async () => {
    await renderContent(async () => teamWithThreeAdrs());

    const adrs = within(
      await screen.findByRole('list', { name: 'Decision records' }),
    ).getAllByRole('listitem');
    expect(adrs.map(li => li.textContent)).toEqual([
      expect.stringMatching(
        /^Queue refunds through Kafka.*proposed2026-11-02for Payments Worker$/,
      ),
      expect.stringMatching(
        /^Use PostgreSQL for the ledger.*accepted2026-02-10for Payments API$/,
      ),
      expect.stringMatching(
        /^Use MongoDB for the ledger.*superseded2025-06-03for Payments API$/,
      ),
    ]);
    expect(
      within(adrs[0]).getByRole('link', { name: 'Payments Worker' }),
    ).toHaveAttribute('href', '/catalog/default/component/payments-worker');
    expect(
      within(adrs[1]).getByRole('link', { name: /Use PostgreSQL/ }),
    ).toHaveAttribute(
      'href',
      'https://github.com/example/payments-api/blob/main/docs/adr/0002-use-postgresql.md',
    );
  });

  it('says "undated" for a decision whose record states no date', async () => {
    const team = teamWithThreeAdrs();
    await renderContent(async () => ({
      ...team,
      readingList: {
        ...team.readingList,
        adrs: team.readingList.adrs.map(adr =>
          adr.file === '0001-kafka.md' ? { ...adr, date: undefined } : adr,
        ),
      },
    }));
    const adrs = within(
      await screen.findByRole('list', { name: 'Decision records' }),
    ).getAllByRole('listitem');
    expect(
      adrs.find(li => li.textContent?.includes('Queue refunds'))!.textContent,
    ).toMatch(/proposedundatedfor Payments Worker$/);
  });

  it('says how many other services share a document, and names them on hover', async () => {
    const team = teamDetails('payments');
    const [first, ...rest] = team.readingList.adrs;
    await renderContent(async () => ({
      ...team,
      readingList: {
        ...team.readingList,
        adrs: [
          {
            ...first,
            entityRefs: [
              first.entityRef,
              'component:default/payments-worker',
              'component:default/refund-service',
            ],
          },
          ...rest,
        ],
      },
    }));

    const adrs = within(
      await screen.findByRole('list', { name: 'Decision records' }),
    ).getAllByRole('listitem');
    const shared = adrs.find(li => li.textContent?.includes(first.title))!;
    expect(shared).toHaveTextContent(/for Payments API and 2 more$/);
    expect(
      within(shared).getByTitle(
        'Payments Worker, component:default/refund-service',
      ),
    ).toHaveTextContent('and 2 more');
  });

  it('names who to ask: members with their emails, and contacts', async () => {
    await renderContent(async () => teamDetails('payments'));

    const members = within(
      await screen.findByRole('list', { name: 'Members of Payments' }),
    ).getAllByRole('listitem');
    expect(members).toHaveLength(2);
    expect(
      within(members[0]).getByRole('link', { name: 'Alice Ng' }),
    ).toHaveAttribute('href', '/catalog/default/user/alice.ng');
    expect(
      within(members[0]).getByRole('link', { name: 'alice.ng@example.com' }),
    ).toHaveAttribute('href', 'mailto:alice.ng@example.com');
    expect(members[1]).toHaveTextContent(
      'Bob Stone · bob.stone@example.com · via payments-platform',
    );

    const contacts = screen.getByRole('list', { name: 'Contacts of Payments' });
    expect(
      within(contacts).getByRole('link', { name: 'payments@example.com' }),
    ).toHaveAttribute('href', 'mailto:payments@example.com');
    expect(
      within(contacts).getByRole('link', { name: /#payments/ }),
    ).toHaveAttribute('href', 'https://chat.example.com/channels/payments');
  });

  it('says what to add to catalog-info.yaml when nothing is there yet', async () => {
    await renderContent(async () =>
      teamDetails('payments', {
        readingList: { runbooks: [], adrs: [] },
        members: [],
        contacts: [],
      }),
    );

    expect(await screen.findByText(/No runbooks yet/)).toHaveTextContent(
      'ownership-portal/runbooks',
    );
    expect(screen.getByText(/No decision records yet/)).toHaveTextContent(
      'backstage.io/adr-location',
    );
    expect(screen.getByText(/No members/)).toHaveTextContent('spec.members');
    expect(screen.getByText(/No contacts/)).toHaveTextContent(
      'spec.profile.email',
    );
    expect(screen.queryByRole('list', { name: 'Runbooks' })).toBeNull();
  });

  it('explains a team that is not in the latest audit', async () => {
    await renderContent(async () => {
      throw await notFoundError('group:default/payments');
    });

    expect(await screen.findByText('Not audited yet')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });
});
