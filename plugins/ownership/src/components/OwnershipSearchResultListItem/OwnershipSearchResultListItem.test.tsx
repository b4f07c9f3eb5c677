import { analyticsApiRef } from '@backstage/core-plugin-api';
import type { ResultHighlight } from '@backstage/plugin-search-common';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import type {
  OnCallAnswer,
  OwnershipSearchDocument,
} from '@ownership-portal/plugin-ownership-common';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type OwnershipApi, ownershipApiRef } from '../../api';
import { fakeOwnershipApi } from '../../testing/fixtures';
import { OwnershipSearchResultListItem } from './OwnershipSearchResultListItem';

const checkout: OwnershipSearchDocument = {
  title: 'Checkout API',
  text: 'Checkout API\ncheckout-api\nOwner: Checkout',
  location: '/catalog/default/component/checkout-api',
  entityRef: 'component:default/checkout-api',
  kind: 'component',
  ownerRef: 'group:default/checkout',
  owner: 'Checkout',
  onCallSchedules: ['checkout'],
  runbook: {
    title: 'Checkout API runbook',
    url: 'https://runbooks.example.com/checkout-api',
  },
  runbookTitles: ['Checkout API runbook'],
  adrTitles: [],
  findingRuleIds: ['adr.missing', 'slo.missing'],
};

const carolOnCall: OnCallAnswer = {
  source: 'static',
  matchedBy: 'team',
  scheduleName: 'checkout',
  status: 'ok',
  onCallNow: [{ user: { name: 'Carol' }, level: 1 }],
  escalation: [],
  next: [],
  checkedAt: '2026-12-07T10:00:00.000Z',
  stale: false,
};

async function renderItem(
  result: OwnershipSearchDocument,
  api: Partial<OwnershipApi>,
  options: { noTrack?: boolean; highlight?: ResultHighlight } = {},
) {
  const analyticsApi = mockApis.analytics.mock();
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [ownershipApiRef, fakeOwnershipApi(api)],
        [analyticsApiRef, analyticsApi],
      ]}
    >
      <OwnershipSearchResultListItem
        result={result as never}
        rank={3}
        noTrack={options.noTrack}
        highlight={options.highlight}
      />
    </TestApiProvider>,
  );
  return { analyticsApi };
}

describe('OwnershipSearchResultListItem', () => {
  it('shows the owner, who is on call now and the first runbook', async () => {
    const getOnCall = jest.fn(async () => carolOnCall);
    const { analyticsApi } = await renderItem(checkout, { getOnCall });

    const title = await screen.findByRole('link', { name: 'Checkout API' });
    expect(screen.getByRole('listitem')).toContainElement(title);
    expect(title).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout-api',
    );
    expect(screen.getByText(/Owner:/).parentElement).toHaveTextContent(
      'Owner: Checkout · 2 open findings',
    );
    expect(await screen.findByText('Carol')).toBeInTheDocument();
    expect(getOnCall).toHaveBeenCalledWith('component:default/checkout-api');
    expect(
      screen.getByRole('link', { name: /Checkout API runbook/ }),
    ).toHaveAttribute('href', 'https://runbooks.example.com/checkout-api');

    await userEvent.click(title);
    expect(analyticsApi.captureEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        action: 'discover',
        subject: 'Checkout API',
        value: 3,
        attributes: { to: '/catalog/default/component/checkout-api' },
      }),
    );
  });

  it('says when there is no owner, no rotation and no runbook', async () => {
    await renderItem(
      {
        ...checkout,
        owner: undefined,
        ownerRef: undefined,
        runbook: undefined,
        findingRuleIds: [],
      },
      { getOnCall: async () => undefined },
    );
    expect((await screen.findByText(/Owner:/)).parentElement).toHaveTextContent(
      /^Owner: no owner$/,
    );
    expect(await screen.findByText('no rotation')).toBeInTheDocument();
    expect(screen.getByText(/Runbook:/).parentElement).toHaveTextContent(
      'Runbook: none',
    );
  });

  it('names why on-call could not be asked', async () => {
    await renderItem(checkout, {
      getOnCall: async () => {
        throw new Error('ownership backend unavailable');
      },
    });
    expect(
      await screen.findByText(
        'could not be asked (ownership backend unavailable)',
      ),
    ).toBeInTheDocument();
  });

  it('leaves clicks out of analytics with noTrack', async () => {
    const { analyticsApi } = await renderItem(
      checkout,
      { getOnCall: async () => carolOnCall },
      { noTrack: true },
    );
    await userEvent.click(
      await screen.findByRole('link', { name: 'Checkout API' }),
    );
    expect(analyticsApi.captureEvent).not.toHaveBeenCalledWith(
      expect.objectContaining({ action: 'discover' }),
    );
  });

  it('shows the title as the search engine highlighted it', async () => {
    await renderItem(
      checkout,
      { getOnCall: async () => carolOnCall },
      {
        highlight: {
          preTag: '<em>',
          postTag: '</em>',
          fields: { title: '<em>Checkout</em> API' },
        },
      },
    );
    const title = await screen.findByRole('link', { name: 'Checkout API' });
    expect(title.querySelector('mark')).toHaveTextContent('Checkout');
  });
});
