import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type { TeamRollup } from '@ownership-portal/plugin-ownership-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type OwnershipApi, ownershipApiRef } from '../../api';
import { fakeOwnershipApi, page, teamDetails } from '../../testing/fixtures';
import { TeamTable } from './TeamTable';

function rollup(name: string, overrides: Partial<TeamRollup> = {}): TeamRollup {
  const {
    members,
    contacts,
    subGroups,
    readingList,
    oncall,
    services,
    findingRecords,
    runId,
    generatedAt,
    ...team
  } = teamDetails(name);
  return { ...team, ...overrides };
}

const payments = rollup('payments');
const checkout = rollup('checkout', {
  findings: { error: 0, warning: 0, info: 0 },
  levels: [0, 0, 0, 2, 1],
  score: 97,
});
const search = rollup('search', { score: 40 });

async function renderTable(listTeams: OwnershipApi['listTeams']) {
  await renderInTestApp(
    <TestApiProvider
      apis={[[ownershipApiRef, fakeOwnershipApi({ listTeams })]]}
    >
      <TeamTable pageSize={2} />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('TeamTable', () => {
  it('shows each team with its services, findings, levels and score', async () => {
    await renderTable(async () => page([payments, checkout]));

    const table = await screen.findByRole('table', { name: 'Teams' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    const first = within(rows[1]);
    expect(first.getByRole('link', { name: 'Payments' })).toHaveAttribute(
      'href',
      '/catalog/default/group/payments',
    );
    expect(first.getByText('2 members')).toBeInTheDocument();
    expect(
      first.getByRole('link', {
        name: '1 error, 1 warning, 0 info: show the findings of Payments',
      }),
    ).toHaveAttribute('href', '/?team=group%3Adefault%2Fpayments');
    expect(
      first.getByRole('img', {
        name: /^Maturity levels: level 0 Not owned: 0, level 1 Owned: 1, level 2 Operable: 1/,
      }),
    ).toBeInTheDocument();
    expect(rows[1]).toHaveTextContent('69');
    expect(within(rows[2]).getByText('None')).toBeInTheDocument();
  });

  it('pages with the cursors of the backend, forwards and back', async () => {
    const listTeams = jest.fn(
      async (request: Parameters<OwnershipApi['listTeams']>[0]) =>
        request?.cursor === 'c2'
          ? page([search], { totalItems: 3 })
          : page([payments, checkout], { totalItems: 3, nextCursor: 'c2' }),
    );
    await renderTable(listTeams);

    expect(
      await screen.findByRole('link', { name: 'Payments' }),
    ).toBeInTheDocument();
    expect(screen.getByText('1–2 of 3')).toBeInTheDocument();
    expect(listTeams).toHaveBeenLastCalledWith({
      limit: 2,
      cursor: undefined,
      orderBy: 'score',
      order: 'asc',
    });

    await userEvent.click(
      screen.getByRole('button', { name: 'Go to next page' }),
    );

    expect(
      await screen.findByRole('link', { name: 'Search' }),
    ).toBeInTheDocument();
    expect(listTeams).toHaveBeenLastCalledWith(
      expect.objectContaining({ limit: 2, cursor: 'c2' }),
    );
    expect(screen.getByText('3–3 of 3')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Go to next page' }),
    ).toBeDisabled();

    await userEvent.click(
      screen.getByRole('button', { name: 'Go to previous page' }),
    );

    expect(
      await screen.findByRole('link', { name: 'Payments' }),
    ).toBeInTheDocument();
    expect(listTeams).toHaveBeenLastCalledWith(
      expect.objectContaining({ cursor: undefined }),
    );
    expect(listTeams).toHaveBeenCalledTimes(3);
  });

  it('sorts on the backend and starts again at the first page', async () => {
    const listTeams = jest.fn(
      async (request: Parameters<OwnershipApi['listTeams']>[0]) =>
        request?.cursor === 'c2'
          ? page([search], { totalItems: 3 })
          : page([payments, checkout], { totalItems: 3, nextCursor: 'c2' }),
    );
    await renderTable(listTeams);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Go to next page' }),
    );
    await screen.findByRole('link', { name: 'Search' });

    await userEvent.click(screen.getByRole('button', { name: 'Services' }));

    await waitFor(() =>
      expect(listTeams).toHaveBeenLastCalledWith({
        limit: 2,
        cursor: undefined,
        orderBy: 'serviceCount',
        order: 'desc',
      }),
    );
    expect(
      screen.getByRole('columnheader', { name: /Services/ }),
    ).toHaveAttribute('aria-sort', 'descending');

    await userEvent.click(screen.getByRole('button', { name: 'Services' }));

    await waitFor(() =>
      expect(listTeams).toHaveBeenLastCalledWith(
        expect.objectContaining({ orderBy: 'serviceCount', order: 'asc' }),
      ),
    );
    expect(await screen.findByText('1–2 of 3')).toBeInTheDocument();
  });

  it('filters teams by name on the backend', async () => {
    const listTeams = jest.fn(
      async (request: Parameters<OwnershipApi['listTeams']>[0]) =>
        request?.q ? page([]) : page([payments, checkout]),
    );
    await renderTable(listTeams);
    await screen.findByRole('link', { name: 'Payments' });

    await userEvent.type(
      screen.getByRole('searchbox', { name: 'Filter teams' }),
      'zzz',
    );

    expect(
      await screen.findByText(
        'No team matches “zzz”. Try part of its name or title.',
      ),
    ).toBeInTheDocument();
    expect(listTeams).toHaveBeenLastCalledWith(
      expect.objectContaining({ q: 'zzz', cursor: undefined }),
    );
  });

  it('names the failure and retries', async () => {
    const listTeams = jest
      .fn()
      .mockRejectedValueOnce(new Error('Request failed with 500'))
      .mockResolvedValue(page([payments]));
    await renderTable(listTeams);

    expect(
      await screen.findByText(/Could not load the teams/),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByRole('link', { name: 'Payments' }),
    ).toBeInTheDocument();
  });

  it('says what to do when there are no teams', async () => {
    await renderTable(async () => page([]));

    expect(
      await screen.findByText(/No teams in the latest audit run/),
    ).toBeInTheDocument();
  });
});
