import { analyticsApiRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import type {
  FindingRecord,
  RuleDescription,
} from '@ownership-portal/plugin-ownership-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router-dom';
import { type OwnershipApi, ownershipApiRef } from '../../api';
import { fakeOwnershipApi, page, teamDetails } from '../../testing/fixtures';
import { FindingsTable } from './FindingsTable';

const { findingRecords } = teamDetails('payments');
const [stale, missing] = findingRecords as [FindingRecord, FindingRecord];

function rule(id: string, description: string): RuleDescription {
  return {
    id,
    defaultSeverity: 'warning',
    description,
    remediation: '',
    enabled: true,
    severity: 'warning',
    operational: true,
    lifecycles: {},
    options: {},
  };
}

const rules = {
  items: [
    rule('runbook.missing', 'Operational services need a runbook'),
    rule('runbook.stale', 'Runbooks are reviewed within 180 days'),
  ],
};

function Location() {
  const location = useLocation();
  return <div data-testid="location">{location.search}</div>;
}

function search() {
  return new URLSearchParams(screen.getByTestId('location').textContent ?? '');
}

let analyticsApi = mockApis.analytics.mock();

async function renderTable(api: Partial<OwnershipApi>, route = '/ownership') {
  analyticsApi = mockApis.analytics.mock();
  const impl = fakeOwnershipApi({
    listRules: async () => rules,
    listTeams: async () =>
      page([
        {
          ...teamDetails('payments'),
        },
      ]),
    ...api,
  });
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [ownershipApiRef, impl],
        [analyticsApiRef, analyticsApi],
      ]}
    >
      <FindingsTable pageSize={2} />
      <Location />
    </TestApiProvider>,
    {
      routeEntries: [route],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
  return impl;
}

describe('FindingsTable', () => {
  it('lists each finding with its entity, rule, severity, message and remediation', async () => {
    await renderTable({ listFindings: async () => page([stale, missing]) });

    const table = await screen.findByRole('table', { name: 'Findings' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    const row = within(rows[2]);
    expect(row.getByRole('link', { name: 'Payments Worker' })).toHaveAttribute(
      'href',
      '/catalog/default/component/payments-worker',
    );
    // The rule id may break after its dot, so it is split into two parts.
    expect(
      row.getByText(
        (_, element) =>
          element?.tagName === 'CODE' &&
          element.textContent === 'runbook.missing',
      ),
    ).toBeInTheDocument();
    expect(row.getByText('error')).toBeInTheDocument();
    expect(row.getByText(missing.message)).toBeInTheDocument();
    expect(row.getByText(missing.remediation)).toBeInTheDocument();
  });

  it('reads the filters of a shared link from the query string', async () => {
    const listFindings = jest.fn(async () => page([missing]));
    await renderTable(
      { listFindings },
      '/ownership?severity=error&ruleId=runbook.missing&lifecycle=production&team=group:default/payments',
    );

    await screen.findByRole('link', { name: 'Payments Worker' });
    expect(listFindings).toHaveBeenCalledWith(
      {
        team: 'group:default/payments',
        ruleId: ['runbook.missing'],
        severity: ['error'],
        lifecycle: ['production'],
      },
      { limit: 2, cursor: undefined },
    );
    // The team is named by its title, looked up once for the shared link.
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Team' })).toHaveValue(
        'Payments',
      ),
    );
  });

  it('keeps the chosen filters in the URL and asks the backend for them', async () => {
    const listFindings = jest.fn(async () => page([stale, missing]));
    await renderTable({ listFindings });
    await screen.findByRole('link', { name: 'Payments API' });

    await userEvent.click(screen.getByRole('combobox', { name: 'Severity' }));
    await userEvent.click(await screen.findByRole('option', { name: 'error' }));
    await userEvent.keyboard('{Escape}');

    await waitFor(() => expect(search().getAll('severity')).toEqual(['error']));
    await waitFor(() =>
      expect(listFindings).toHaveBeenLastCalledWith(
        { severity: ['error'] },
        { limit: 2, cursor: undefined },
      ),
    );

    await userEvent.click(screen.getByRole('combobox', { name: 'Rule' }));
    await userEvent.click(
      await screen.findByRole('option', { name: /runbook\.stale/ }),
    );
    await userEvent.keyboard('{Escape}');

    await waitFor(() =>
      expect(search().getAll('ruleId')).toEqual(['runbook.stale']),
    );
    await waitFor(() =>
      expect(listFindings).toHaveBeenLastCalledWith(
        { severity: ['error'], ruleId: ['runbook.stale'] },
        { limit: 2, cursor: undefined },
      ),
    );

    await userEvent.click(screen.getByRole('combobox', { name: 'Team' }));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Payments' }),
    );

    await waitFor(() =>
      expect(search().get('team')).toBe('group:default/payments'),
    );
    await waitFor(() =>
      expect(listFindings).toHaveBeenLastCalledWith(
        {
          team: 'group:default/payments',
          severity: ['error'],
          ruleId: ['runbook.stale'],
        },
        { limit: 2, cursor: undefined },
      ),
    );

    await userEvent.click(
      screen.getAllByRole('button', { name: 'Clear filters' })[0],
    );
    await waitFor(() => expect(search().toString()).toBe(''));
    await waitFor(() =>
      expect(listFindings).toHaveBeenLastCalledWith(
        {},
        { limit: 2, cursor: undefined },
      ),
    );
  });

  it('pages with cursors and starts again when a filter changes', async () => {
    const listFindings = jest.fn(
      async (_filters: unknown, request?: { cursor?: string }) =>
        request?.cursor === 'next'
          ? page([missing], { totalItems: 3 })
          : page([stale, stale], { totalItems: 3, nextCursor: 'next' }),
    );
    await renderTable({ listFindings });
    await screen.findAllByRole('link', { name: 'Payments API' });

    await userEvent.click(
      screen.getByRole('button', { name: 'Go to next page' }),
    );

    expect(
      await screen.findByRole('link', { name: 'Payments Worker' }),
    ).toBeInTheDocument();
    expect(listFindings).toHaveBeenLastCalledWith(
      {},
      { limit: 2, cursor: 'next' },
    );

    await userEvent.click(screen.getByRole('combobox', { name: 'Lifecycle' }));
    await userEvent.click(
      await screen.findByRole('option', { name: 'production' }),
    );
    await userEvent.keyboard('{Escape}');

    await waitFor(() =>
      expect(listFindings).toHaveBeenLastCalledWith(
        { lifecycle: ['production'] },
        { limit: 2, cursor: undefined },
      ),
    );
    expect(await screen.findByText('1–2 of 3')).toBeInTheDocument();
  });

  it('exports the selection as CSV through the API', async () => {
    const createObjectURL = jest.fn(() => 'blob:ownership-audit');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});
    const exportCsv = jest.fn(async () => new Blob(['a,b\n']));
    await renderTable(
      { listFindings: async () => page([missing]), exportCsv },
      '/ownership?severity=error',
    );
    await screen.findByRole('link', { name: 'Payments Worker' });

    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));

    expect(exportCsv).toHaveBeenCalledWith({ severity: ['error'] });
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    expect(createObjectURL).toHaveBeenCalled();
    click.mockRestore();
  });

  it('reports an applied filter and an export to analytics', async () => {
    Object.assign(URL, {
      createObjectURL: jest.fn(() => 'blob:ownership-audit'),
      revokeObjectURL: jest.fn(),
    });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});
    await renderTable({
      listFindings: async () => page([stale, missing]),
      exportCsv: async () => new Blob(['a,b\n']),
    });
    await screen.findByRole('link', { name: 'Payments API' });
    expect(analyticsApi.captureEvent).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('combobox', { name: 'Severity' }));
    await userEvent.click(await screen.findByRole('option', { name: 'error' }));
    await userEvent.keyboard('{Escape}');

    expect(analyticsApi.captureEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        action: 'filter',
        subject: 'severity',
        attributes: { values: 'error' },
      }),
    );

    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));

    await waitFor(() =>
      expect(analyticsApi.captureEvent).toHaveBeenLastCalledWith(
        expect.objectContaining({
          action: 'export',
          subject: 'findings CSV',
          attributes: { filters: 'severity=error' },
        }),
      ),
    );
    click.mockRestore();
  });

  it('says when no finding matches the filters', async () => {
    await renderTable(
      { listFindings: async () => page([]) },
      '/ownership?severity=info',
    );

    expect(
      await screen.findByText(/No findings match these filters/),
    ).toBeInTheDocument();
  });

  it('names the failure and retries', async () => {
    const listFindings = jest
      .fn()
      .mockRejectedValueOnce(new Error('Request failed with 500'))
      .mockResolvedValue(page([missing]));
    await renderTable({ listFindings });

    expect(
      await screen.findByText(/Could not load the findings/),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByRole('link', { name: 'Payments Worker' }),
    ).toBeInTheDocument();
  });
});
