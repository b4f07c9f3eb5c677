import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import type { ServiceDetails } from '@ownership-portal/plugin-ownership-common';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  HOUR,
  entityOf,
  ownershipApiWith,
  fromNow,
  healthyOnCall,
  notFoundError,
  paymentsApiEntity,
  serviceWith,
  wellKeptService,
} from '../shared/__testUtils__/serviceDetails';
import { EntityOwnershipCard } from './EntityOwnershipCard';

/** Renders the card and lets the fake API answer inside `act`. */
async function renderCard(
  getService: Parameters<typeof ownershipApiWith>[0],
  entity = paymentsApiEntity,
) {
  await act(async () => {
    renderInTestApp(
      <EntityProvider entity={entity}>
        <EntityOwnershipCard />
      </EntityProvider>,
      {
        apis: [ownershipApiWith(getService)],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
  });
}

function section(name: string) {
  return screen.getByRole('region', { name });
}

describe('EntityOwnershipCard', () => {
  it('shows owner, on-call, runbooks, ADRs, findings and maturity of a well-kept service', async () => {
    const getService = jest.fn(async () => wellKeptService());
    await renderCard(getService);

    expect(
      await screen.findByRole('link', { name: 'Payments Team' }),
    ).toHaveAttribute('href', '/catalog/default/group/payments');
    expect(getService).toHaveBeenCalledWith('component:default/payments-api');

    expect(screen.getByText('Level 4 · Healthy')).toBeInTheDocument();
    expect(screen.getByText('Score 96/100')).toBeInTheDocument();

    const owner = section('Owner');
    expect(owner).toHaveTextContent('3 members');
    const contacts = within(owner).getByRole('list', {
      name: 'Contacts of Payments Team',
    });
    expect(
      within(contacts).getByRole('link', { name: 'payments@acme.example' }),
    ).toHaveAttribute('href', 'mailto:payments@acme.example');
    expect(
      within(contacts).getByRole('link', { name: /#payments-oncall/ }),
    ).toHaveAttribute(
      'href',
      'https://acme.slack.example/channels/payments-oncall',
    );

    const oncall = section('On call');
    const onCallNow = within(oncall).getAllByRole('listitem');
    expect(onCallNow[0]).toHaveTextContent(
      /^L1Ada Lovelace until \w{3} \d{2}:\d{2}( [AP]M)? \(in 3 hours\)$/,
    );
    expect(onCallNow[1]).toHaveTextContent(
      /^L2Priya Natarajan until \w{3} \d{2}:\d{2}( [AP]M)? \(in 5 days\)$/,
    );
    expect(
      within(onCallNow[0]).getByRole('link', { name: 'Ada Lovelace' }),
    ).toHaveAttribute('href', '/catalog/default/user/ada.lovelace');
    expect(oncall).toHaveTextContent('Next: Grace Hopper from in 3 hours');
    expect(oncall).toHaveTextContent(
      'Escalation: L1 immediately: Payments primary → L2 after 15 min: Priya Natarajan',
    );
    expect(
      within(oncall).getByRole('link', { name: /Payments primary/ }),
    ).toHaveAttribute('href', 'https://acme.pagerduty.example/schedules/P1');

    const runbooks = within(section('Runbooks')).getAllByRole('listitem');
    expect(runbooks[0]).toHaveTextContent(
      /^Payments API incident runbook, Opens in a new windowFresh$/,
    );
    expect(runbooks[1]).toHaveTextContent(
      /Refund backlog.*Stale · reviewed 8 months ago$/,
    );
    expect(runbooks[2]).toHaveTextContent(
      /Card network outage.*Unreachable404 Not Found$/,
    );

    const adrs = within(section('Decisions (ADRs)')).getByRole('list', {
      name: 'Decision records by status',
    });
    expect(
      within(adrs)
        .getAllByRole('listitem')
        .map(li => li.textContent),
    ).toEqual(['2 accepted', '1 proposed', '1 superseded']);

    const findings = section('Findings');
    expect(findings).toHaveTextContent('2 open findings: 1 error, 1 warning');
    expect(within(findings).queryByRole('list')).not.toBeInTheDocument();
    const toggle = within(findings).getByRole('button', {
      name: 'Show findings',
    });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const items = within(
      within(findings).getByRole('list', { name: 'Findings' }),
    ).getAllByRole('listitem');
    expect(within(items[0]).getByTitle('Error')).toBeInTheDocument();
    expect(items[0]).toHaveTextContent(
      'Fix: Fix or remove the link in the team’s metadata.links.',
    );
    expect(within(items[1]).getByTitle('Warning')).toBeInTheDocument();
  });

  it('flags a missing owner and names the suggested one', async () => {
    await renderCard(
      serviceWith({
        level: 0,
        score: 20,
        owner: {
          status: 'missing',
          raw: 'tbd',
          members: [],
          contacts: [],
          parents: [],
        },
        suggestedOwner: {
          entityRef: 'group:default/checkout',
          title: 'Checkout Team',
          source: 'system',
          via: 'system:default/checkout',
        },
      }),
    );

    const owner = await screen.findByRole('region', { name: 'Owner' });
    expect(within(owner).getByText('No owner')).toBeInTheDocument();
    expect(owner).toHaveTextContent('spec.owner: tbd is a placeholder');
    expect(
      within(owner).getByRole('link', { name: 'Checkout Team' }),
    ).toHaveAttribute('href', '/catalog/default/group/checkout');
    expect(
      within(owner).getByRole('link', { name: 'checkout' }),
    ).toHaveAttribute('href', '/catalog/default/system/checkout');
    expect(owner).toHaveTextContent(
      'Set spec.owner: group:default/checkout in catalog-info.yaml',
    );
    expect(screen.getByText('Level 0 · Not owned')).toBeInTheDocument();
  });

  it('does not link an owner that is not in the catalog', async () => {
    await renderCard(
      serviceWith({
        owner: {
          status: 'unresolved',
          raw: 'team-paymnts',
          entityRef: 'group:default/team-paymnts',
          members: [],
          contacts: [],
          parents: [],
        },
      }),
    );

    const owner = await screen.findByRole('region', { name: 'Owner' });
    expect(within(owner).getByText('Owner not in catalog')).toBeInTheDocument();
    expect(owner).toHaveTextContent(
      'spec.owner: team-paymnts names no Group or User in the catalog',
    );
    expect(within(owner).queryByRole('link')).not.toBeInTheDocument();
  });

  it('says when the on-call provider could not be asked', async () => {
    await renderCard(
      serviceWith({
        oncall: {
          ...healthyOnCall(),
          status: 'unknown',
          onCallNow: [],
          next: [],
          reason: 'PagerDuty API answered 503 Service Unavailable',
          checkedAt: fromNow(-2 * 60_000),
        },
      }),
    );

    const oncall = await screen.findByRole('region', { name: 'On call' });
    expect(oncall).toHaveTextContent(
      'On-call unknown: pagerduty could not be asked (PagerDuty API answered 503 Service Unavailable). Last tried 2 minutes ago.',
    );
    expect(within(oncall).queryByRole('list')).not.toBeInTheDocument();
  });

  it('shows a stale on-call answer with its age', async () => {
    await renderCard(
      serviceWith({
        oncall: {
          ...healthyOnCall(),
          stale: true,
          reason: 'PagerDuty timed out',
          checkedAt: fromNow(-2 * HOUR),
        },
      }),
    );

    const oncall = await screen.findByRole('region', { name: 'On call' });
    expect(oncall).toHaveTextContent(
      'Stale: last known answer, from 2 hours ago (PagerDuty timed out).',
    );
    expect(
      within(oncall).getByRole('list', { name: 'On call now' }),
    ).toHaveTextContent('Ada Lovelace');
  });

  it('says when nobody is on call and when coverage has a gap', async () => {
    await renderCard(
      serviceWith({
        oncall: {
          ...healthyOnCall(),
          status: 'gap',
          onCallNow: [],
          gaps: [{ from: fromNow(-HOUR), to: fromNow(2 * HOUR) }],
        },
      }),
    );

    const oncall = await screen.findByRole('region', { name: 'On call' });
    expect(oncall).toHaveTextContent('Nobody is on call now.');
    expect(oncall).toHaveTextContent(
      'Coverage gap from 1 hour ago to in 2 hours',
    );
  });

  it('says what to add when there is no rotation', async () => {
    await renderCard(serviceWith({ oncall: undefined }));

    const oncall = await screen.findByRole('region', { name: 'On call' });
    expect(oncall).toHaveTextContent('No rotation');
    expect(oncall).toHaveTextContent('ownership-portal/oncall-rotation');
    expect(oncall).toHaveTextContent('pagerduty.com/service-id');
  });

  it('explains an entity that is not in the latest audit', async () => {
    const entity = entityOf('Resource', 'payments-db');
    const getService = jest.fn(async (ref: string): Promise<ServiceDetails> => {
      throw await notFoundError(ref);
    });
    await renderCard(getService, entity);

    expect(await screen.findByText('Not audited yet')).toBeInTheDocument();
    expect(
      screen.getByText(/is not in the latest ownership audit/),
    ).toHaveTextContent(
      'payments-db is not in the latest ownership audit. It will appear here after the next audit run. If it still does not, check that its kind (Resource) is listed in ownership.scope.kinds',
    );
    expect(getService).toHaveBeenCalledWith('resource:default/payments-db');
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('names the failure and retries on request', async () => {
    const getService = jest
      .fn()
      .mockRejectedValueOnce(
        new Error('Request failed with 503 Service Unavailable'),
      )
      .mockResolvedValueOnce(wellKeptService());
    await renderCard(getService);

    expect(
      await screen.findByText(
        'Could not load the ownership data of payments-api',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/503 Service Unavailable/)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));

    expect(
      await screen.findByRole('link', { name: 'Payments Team' }),
    ).toBeInTheDocument();
    expect(getService).toHaveBeenCalledTimes(2);
  });

  it('leaves out document hints for an API without documents', async () => {
    await renderCard(
      serviceWith({ runbooks: undefined, adrs: undefined }),
      entityOf('API', 'payments-api-spec'),
    );

    await screen.findByRole('region', { name: 'Owner' });
    expect(screen.queryByRole('region', { name: 'Runbooks' })).toBeNull();
    expect(
      screen.queryByRole('region', { name: 'Decisions (ADRs)' }),
    ).toBeNull();
  });

  it('says what to add for a component without runbooks or ADRs', async () => {
    await renderCard(serviceWith({ runbooks: [], adrs: undefined }));

    expect(
      await screen.findByRole('region', { name: 'Runbooks' }),
    ).toHaveTextContent('ownership-portal/runbooks');
    expect(section('Decisions (ADRs)')).toHaveTextContent(
      'backstage.io/adr-location',
    );
  });

  it('shows the SLO where one is stated, and where slo.missing asks for one', async () => {
    const withSlo = {
      ...paymentsApiEntity,
      metadata: {
        ...paymentsApiEntity.metadata,
        links: [
          {
            url: 'https://slo.example/payments-api',
            title: 'Payments API SLOs',
            type: 'slo',
          },
        ],
      },
    };
    await renderCard(serviceWith({}), withSlo);
    const slo = await screen.findByRole('region', {
      name: 'Service level objectives',
    });
    expect(
      within(slo).getByRole('link', { name: /^Payments API SLOs/ }),
    ).toHaveAttribute('href', 'https://slo.example/payments-api');
  });

  it('says how to state an SLO when slo.missing fired, and stays quiet otherwise', async () => {
    await renderCard(
      serviceWith({
        findings: [
          {
            ruleId: 'slo.missing',
            severity: 'warning',
            message:
              'component:default/payments-api (production, tier 1) states no service level objective',
            remediation: 'Add a link of type slo.',
          },
        ],
      }),
    );
    expect(
      await screen.findByRole('region', { name: 'Service level objectives' }),
    ).toHaveTextContent('ownership-portal/slo');
  });

  it('has no SLO section for a service that states none and is not asked', async () => {
    await renderCard(serviceWith({}));
    await screen.findByRole('region', { name: 'Owner' });
    expect(
      screen.queryByRole('region', { name: 'Service level objectives' }),
    ).toBeNull();
  });
});
