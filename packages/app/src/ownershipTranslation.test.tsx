import {
  createFrontendModule,
  createTranslationMessages,
} from '@backstage/frontend-plugin-api';
import { renderTestApp } from '@backstage/frontend-test-utils';
import { TranslationBlueprint } from '@backstage/plugin-app-react';
import ownershipPlugin, {
  ownershipTranslationRef,
} from '@ownership-portal/plugin-ownership/alpha';
import { screen } from '@testing-library/react';

// An adopter rewords the plugin's texts with a translation extension.
const rewording = createFrontendModule({
  pluginId: 'app',
  extensions: [
    TranslationBlueprint.make({
      name: 'ownership-wording',
      params: {
        resource: createTranslationMessages({
          ref: ownershipTranslationRef,
          messages: { 'incidentLookup.title': 'Who owns it?' },
        }),
      },
    }),
  ],
});

describe('ownershipTranslationRef', () => {
  it('lets the app reword the plugin', async () => {
    renderTestApp({
      features: [ownershipPlugin, rewording],
      initialRouteEntries: ['/ownership/lookup'],
    });

    expect(
      await screen.findByRole('heading', { name: 'Who owns it?' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('combobox', { name: 'Service, system, tag or team' }),
    ).toBeInTheDocument();
  });
});
