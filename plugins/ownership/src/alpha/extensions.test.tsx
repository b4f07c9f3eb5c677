import {
  createExtensionTester,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { ownershipApiRef } from '../api';
import ownershipPlugin from '../alpha';
import { ownershipPage } from './extensions';

const overview = {
  scopeKinds: ['Component'],
  kinds: [{ kind: 'Component', count: 5 }],
  total: 5,
  lifecycles: { production: 5 },
  generatedAt: '2026-11-28T10:00:00.000Z',
};

describe('new frontend system extensions', () => {
  it('declares the public extension ids', () => {
    const ids = ownershipPlugin.getExtension
      ? ['page:ownership', 'api:ownership'].map(
          id => ownershipPlugin.getExtension(id as any).id,
        )
      : [];
    expect(ids).toEqual(['page:ownership', 'api:ownership']);
  });

  it('renders the dashboard on the ownership page', async () => {
    createExtensionTester(ownershipPage, {
      apis: [
        [
          ownershipApiRef,
          { getOverview: async () => overview, listRules: jest.fn() },
        ],
      ],
    }).reactElement();
    // The tester proves the extension builds; rendering happens in the app below.
    renderTestApp({
      features: [ownershipPlugin],
      initialRouteEntries: ['/ownership'],
      apis: [
        [
          ownershipApiRef,
          { getOverview: async () => overview, listRules: jest.fn() },
        ],
      ],
    });

    expect(
      await screen.findByText('5 catalog entities in the ownership audit'),
    ).toBeInTheDocument();
  });
});
