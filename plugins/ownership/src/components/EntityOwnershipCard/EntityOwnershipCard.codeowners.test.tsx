import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import type {
  CodeownersInfo,
  ServiceDetails,
} from '@ownership-portal/plugin-ownership-common';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  ownershipApiWith,
  paymentsApiEntity,
  serviceWith,
  wellKeptService,
} from '../shared/__testUtils__/serviceDetails';
import { EntityOwnershipCard } from './EntityOwnershipCard';

const FILE =
  'https://github.com/acme/payments-api/blob/main/.github/CODEOWNERS';

function codeowners(changes: Partial<CodeownersInfo> = {}): CodeownersInfo {
  return {
    url: FILE,
    path: '.github/CODEOWNERS',
    defaultOwners: ['@acme/payments'],
    mapped: [{ owner: '@acme/payments', entityRef: 'group:default/payments' }],
    unknownOwners: [],
    ...changes,
  };
}

async function renderCard(details: ServiceDetails) {
  await act(async () => {
    renderInTestApp(
      <EntityProvider entity={paymentsApiEntity}>
        <EntityOwnershipCard />
      </EntityProvider>,
      {
        apis: [ownershipApiWith(async () => details)],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
  });
  return screen.findByRole('region', { name: 'Owner' });
}

describe('EntityOwnershipCard: CODEOWNERS', () => {
  it('shows the default owners beside the owner, linked to the team, without a mark when they agree', async () => {
    const owner = await renderCard(serviceWith({ codeowners: codeowners() }));
    expect(owner).toHaveTextContent('CODEOWNERS: @acme/payments');
    expect(
      within(owner).getByRole('link', { name: '@acme/payments' }),
    ).toHaveAttribute('href', '/catalog/default/group/payments');
    expect(
      within(owner).getByRole('link', { name: /^\.github\/CODEOWNERS/ }),
    ).toHaveAttribute('href', FILE);
    expect(
      within(owner).queryByText('Disagrees with the catalog owner'),
    ).not.toBeInTheDocument();
  });

  it('marks a disagreement with a labelled warning that explains itself', async () => {
    const details = wellKeptService();
    const owner = await renderCard({
      ...details,
      codeowners: codeowners({
        defaultOwners: ['@acme/fulfillment', '@ghost'],
        mapped: [
          {
            owner: '@acme/fulfillment',
            entityRef: 'group:default/fulfillment',
          },
        ],
        unknownOwners: ['@ghost'],
      }),
      findings: [
        ...details.findings,
        {
          ruleId: 'owner.codeowners-mismatch',
          severity: 'warning',
          message:
            'component:default/payments-api: CODEOWNERS (.github/CODEOWNERS) names @acme/fulfillment (group:default/fulfillment), but the catalog owner is group:default/payments',
          remediation: 'Change one of them.',
        },
      ],
    });
    expect(owner).toHaveTextContent('CODEOWNERS: @acme/fulfillment @ghost');
    const mark = within(owner).getByText('Disagrees with the catalog owner');
    const chip = mark.closest('[tabindex="0"]') as HTMLElement;
    expect(chip).toHaveAccessibleDescription(
      expect.stringContaining('CODEOWNERS names no team'),
    );
    await userEvent.hover(chip);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'Change spec.owner or the "*" line of CODEOWNERS so they agree.',
    );
  });

  it('says when the file could not be read just now', async () => {
    const unreadable = await renderCard(
      serviceWith({
        codeowners: codeowners({
          defaultOwners: [],
          mapped: [],
          read: { status: 'unknown', reason: 'GitHub answered 503' },
        }),
      }),
    );
    expect(unreadable).toHaveTextContent(
      /CODEOWNERS \(\.github\/CODEOWNERS.*\) could not be read just now\./,
    );
    expect(
      within(unreadable)
        .getByText('Could not be read just now')
        .closest('[title]'),
    ).toHaveAttribute('title', expect.stringContaining('GitHub answered 503'));
    expect(unreadable).not.toHaveTextContent('CODEOWNERS:');
  });

  it('lists default owners that name nothing in the catalog', async () => {
    const owner = await renderCard(
      serviceWith({
        codeowners: codeowners({
          defaultOwners: ['@acme/growth'],
          mapped: [],
          unknownOwners: ['@acme/growth'],
        }),
      }),
    );
    expect(owner).toHaveTextContent('CODEOWNERS: @acme/growth');
    expect(owner).toHaveTextContent('Not in the catalog: @acme/growth');
  });

  it('suggests the team CODEOWNERS names for a placeholder owner', async () => {
    const details = wellKeptService();
    const owner = await renderCard({
      ...details,
      owner: {
        status: 'missing',
        raw: 'tbd',
        members: [],
        contacts: [],
        parents: [],
      },
      codeowners: codeowners(),
      suggestedOwner: {
        entityRef: 'group:default/payments',
        title: 'Payments Team',
        source: 'codeowners',
        via: FILE,
      },
    });
    expect(owner).toHaveTextContent(
      /Suggested owner: Payments Team \(named in the repository's \.github\/CODEOWNERS.*\)\. Set spec\.owner: group:default\/payments in catalog-info\.yaml\./,
    );
  });

  it('shows no CODEOWNERS line when the repository has no file', async () => {
    const owner = await renderCard(wellKeptService());
    expect(owner).not.toHaveTextContent('CODEOWNERS');
  });
});
