import { analyticsApiRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router-dom';
import { type OwnershipApi, ownershipApiRef } from '../../api';
import {
  fakeOwnershipApi,
  lookupMatch,
  onCallAnswer,
  serviceDetails,
} from '../../testing/fixtures';
import { IncidentLookup } from './IncidentLookup';

const matches = [
  lookupMatch('payments-api'),
  lookupMatch('payments-worker', {
    oncall: onCallAnswer({
      status: 'unknown',
      onCallNow: [],
      reason: 'PagerDuty answered 503',
    }),
  }),
  lookupMatch('payments-db', {
    kind: 'Resource',
    type: 'database',
    oncall: undefined,
    topRunbook: undefined,
  }),
];

function Location() {
  const location = useLocation();
  return <div data-testid="location">{location.search}</div>;
}

function search() {
  return new URLSearchParams(screen.getByTestId('location').textContent ?? '');
}

let analyticsApi = mockApis.analytics.mock();

async function renderLookup(api: Partial<OwnershipApi>, route = '/lookup') {
  const impl = fakeOwnershipApi(api);
  analyticsApi = mockApis.analytics.mock();
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [ownershipApiRef, impl],
        [analyticsApiRef, analyticsApi],
      ]}
    >
      <IncidentLookup />
      <Location />
    </TestApiProvider>,
    {
      routeEntries: [route],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

describe('IncidentLookup', () => {
  it('looks up as one types and lists owner, contacts and who is on call', async () => {
    const lookup = jest.fn(async (query: string) => ({
      query,
      items: matches,
      runId: 42,
    }));
    await renderLookup({ lookup });
    const input = screen.getByRole('combobox', {
      name: 'Service, system, tag or team',
    });
    expect(input).toHaveFocus();

    await userEvent.type(input, 'pay');

    const listbox = screen.getByRole('listbox', { name: 'Matching services' });
    await within(listbox).findAllByRole('option');
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(lookup).toHaveBeenCalledWith('pay');
    await waitFor(() => expect(search().get('q')).toBe('pay'));
    const options = within(listbox).getAllByRole('option');
    expect(options).toHaveLength(3);
    expect(options[0]).toHaveTextContent('Payments API');
    expect(options[0]).toHaveTextContent('Component · service');
    expect(options[0]).toHaveTextContent('Owner: Payments');
    expect(options[0]).toHaveTextContent('payments@example.com, #payments');
    expect(options[0]).toHaveTextContent(/On call: Alice Ng until/);
    expect(options[1]).toHaveTextContent('On call: unknown');
    expect(options[2]).toHaveTextContent('On call: no rotation');
    expect(
      within(options[0]).getByRole('link', {
        name: /^Payments incident response/,
      }),
    ).toHaveAttribute('href', 'https://docs.example.com/runbooks/payments.md');
    expect(options[0]).toHaveTextContent('Fresh');
    expect(options[2]).toHaveTextContent('Runbook: none');
    expect(
      within(options[0]).getByRole('link', { name: 'Open in the catalog' }),
    ).toHaveAttribute('href', '/catalog/default/component/payments-api');
    expect(screen.getByRole('status')).toHaveTextContent('3 matches for “pay”');
  });

  it('is usable with the keyboard alone: arrows choose, Enter opens, Escape clears', async () => {
    const getService = jest.fn(async (ref: string) => serviceDetails(ref));
    await renderLookup({
      lookup: async query => ({ query, items: matches, runId: 42 }),
      getService,
    });
    const input = screen.getByRole('combobox');

    await userEvent.keyboard('pay');
    const options = await screen.findAllByRole('option');
    expect(input).toHaveAttribute('aria-expanded', 'true');
    expect(input).toHaveAttribute('aria-activedescendant', options[0].id);
    expect(options[0]).toHaveAttribute('aria-selected', 'true');

    await userEvent.keyboard('{ArrowDown}');
    expect(input).toHaveAttribute('aria-activedescendant', options[1].id);
    expect(options[1]).toHaveAttribute('aria-selected', 'true');
    expect(options[0]).toHaveAttribute('aria-selected', 'false');

    await userEvent.keyboard('{ArrowUp}{ArrowUp}');
    expect(input).toHaveAttribute('aria-activedescendant', options[2].id);

    await userEvent.keyboard('{ArrowDown}{Enter}');

    expect(getService).toHaveBeenCalledWith('component:default/payments-api');
    await waitFor(() =>
      expect(search().get('entity')).toBe('component:default/payments-api'),
    );
    expect(search().get('q')).toBe('pay');
    expect(
      await screen.findByRole('heading', { name: 'Payments API' }),
    ).toBeInTheDocument();
    const owner = screen.getByRole('region', { name: 'Owner' });
    expect(
      within(owner).getByRole('link', { name: 'Payments' }),
    ).toHaveAttribute('href', '/catalog/default/group/payments');
    expect(
      within(owner).getByRole('link', { name: 'payments@example.com' }),
    ).toHaveAttribute('href', 'mailto:payments@example.com');
    const oncall = screen.getByRole('region', { name: 'On call now' });
    expect(within(oncall).getByText('Alice Ng')).toBeInTheDocument();
    const runbooks = screen.getByRole('region', { name: 'Runbooks' });
    expect(
      within(runbooks).getByRole('link', { name: /^On-call runbook/ }),
    ).toHaveAttribute(
      'href',
      'https://docs.example.com/runbooks/payments-api.md',
    );
    const dependencies = screen.getByRole('region', { name: 'Depends on' });
    expect(dependencies).toHaveTextContent('Payments DB');
    expect(dependencies).toHaveTextContent('owner: Payments');
    const dependents = screen.getByRole('region', { name: 'Depended on by' });
    expect(
      within(dependents).getByRole('link', { name: 'Checkout' }),
    ).toHaveAttribute('href', '/catalog/default/group/checkout');
    expect(input).toHaveFocus();

    await userEvent.keyboard('{Escape}');

    expect(input).toHaveValue('');
    expect(screen.queryAllByRole('option')).toHaveLength(0);
    expect(input).toHaveAttribute('aria-expanded', 'false');
    await waitFor(() => expect(search().toString()).toBe(''));
  });

  it('opens the best match when Enter comes before the answer', async () => {
    const getService = jest.fn(async (ref: string) => serviceDetails(ref));
    await renderLookup({
      lookup: async query => ({ query, items: matches, runId: 42 }),
      getService,
    });

    await userEvent.keyboard('payments{Enter}');

    await waitFor(() =>
      expect(getService).toHaveBeenCalledWith('component:default/payments-api'),
    );
  });

  it('reports each opened match to analytics, with the query', async () => {
    await renderLookup({
      lookup: async query => ({ query, items: matches, runId: 42 }),
      getService: async ref => serviceDetails(ref),
    });

    await userEvent.keyboard('pay');
    const options = await screen.findAllByRole('option');
    expect(analyticsApi.captureEvent).not.toHaveBeenCalled();
    await userEvent.click(options[1]);

    await waitFor(() =>
      expect(analyticsApi.captureEvent).toHaveBeenCalledWith(
        expect.objectContaining({
          action: 'open',
          subject: 'component:default/payments-worker',
          attributes: { query: 'pay' },
        }),
      ),
    );
    expect(analyticsApi.captureEvent).toHaveBeenCalledTimes(1);
  });

  it('starts from the query and the entity in the URL', async () => {
    const lookup = jest.fn(async (query: string) => ({
      query,
      items: matches,
      runId: 42,
    }));
    await renderLookup(
      {
        lookup,
        getService: async ref => serviceDetails(ref),
      },
      '/lookup?q=payments&entity=component:default/payments-worker',
    );

    expect(screen.getByRole('combobox')).toHaveValue('payments');
    expect(
      await screen.findByRole('heading', { name: 'Payments Worker' }),
    ).toBeInTheDocument();
    expect(await screen.findAllByRole('option')).toHaveLength(3);
    expect(lookup).toHaveBeenCalledWith('payments');
  });

  it('counts a single match in the singular', async () => {
    await renderLookup({
      lookup: async query => ({ query, items: [matches[0]], runId: 42 }),
    });

    await userEvent.keyboard('pay');

    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        '1 match for “pay”; use the arrow keys to choose and Enter to open.',
      ),
    );
  });

  it('says when nothing matches', async () => {
    await renderLookup(
      { lookup: async query => ({ query, items: [], runId: 42 }) },
      '/lookup?q=zzz',
    );

    expect(
      await screen.findByText(/Nothing matches “zzz”\. Try the service's name/),
    ).toBeInTheDocument();
  });

  it('names a failed lookup and retries', async () => {
    const lookup = jest
      .fn()
      .mockRejectedValueOnce(new Error('Request failed with 500'))
      .mockResolvedValue({ query: 'pay', items: matches, runId: 42 });
    await renderLookup({ lookup }, '/lookup?q=pay');

    expect(
      await screen.findByText(/Could not look up “pay”/),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findAllByRole('option')).toHaveLength(3);
  });

  it('names a failure to load the details and retries', async () => {
    const getService = jest
      .fn()
      .mockRejectedValueOnce(new Error('Request failed with 502'))
      .mockResolvedValue(serviceDetails('payments-api'));
    await renderLookup(
      {
        lookup: async query => ({ query, items: matches, runId: 42 }),
        getService,
      },
      '/lookup?q=pay&entity=component:default/payments-api',
    );

    expect(
      await screen.findByText(/Could not load component:default\/payments-api/),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByRole('heading', { name: 'Payments API' }),
    ).toBeInTheDocument();
  });
});
