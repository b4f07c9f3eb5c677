import type { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { SloLink, sloHref } from './SloLink';

const entity = (metadata: Partial<Entity['metadata']>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-ledger', ...metadata },
  spec: { type: 'service', lifecycle: 'production', owner: 'payments' },
});

describe('SloLink', () => {
  it('links the link of type slo by its title', async () => {
    await renderInTestApp(
      <SloLink
        entity={entity({
          links: [
            { url: 'https://grafana.example/d/ledger', type: 'dashboard' },
            {
              url: 'https://slo.example/payments-ledger',
              title: 'Ledger SLOs',
              type: 'slo',
            },
          ],
        })}
      />,
    );
    expect(screen.getByRole('link', { name: /^Ledger SLOs/ })).toHaveAttribute(
      'href',
      'https://slo.example/payments-ledger',
    );
  });

  it('names a file next to a local catalog file without a link a browser cannot open', async () => {
    await renderInTestApp(
      <SloLink
        entity={entity({
          annotations: {
            'ownership-portal/slo': '../docs/slo/payments-ledger.md',
            'backstage.io/managed-by-location':
              'file:/srv/catalog/components/payments.yaml',
          },
        })}
      />,
    );
    expect(
      screen.getByText('../docs/slo/payments-ledger.md'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('says how to state one when there is none', async () => {
    await renderInTestApp(<SloLink entity={entity({})} />);
    expect(screen.getByText(/No SLO stated/)).toBeInTheDocument();
  });
});

describe('sloHref', () => {
  it('resolves a relative file against a url: location and keeps absolute URLs', () => {
    const fromGitHub = entity({
      annotations: {
        'backstage.io/managed-by-location':
          'url:https://github.com/acme/ledger/blob/main/catalog-info.yaml',
      },
    });
    expect(sloHref('docs/slo.md', fromGitHub)).toBe(
      'https://github.com/acme/ledger/blob/main/docs/slo.md',
    );
    expect(sloHref('https://slo.example/x', fromGitHub)).toBe(
      'https://slo.example/x',
    );
    expect(sloHref('mailto:slo@example.com', fromGitHub)).toBeUndefined();
    expect(sloHref('docs/slo.md', entity({}))).toBeUndefined();
  });
});
