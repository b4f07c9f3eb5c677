import { createApp } from '@backstage/frontend-defaults';
import {
  createFrontendModule,
  createTranslationMessages,
} from '@backstage/frontend-plugin-api';
import { TranslationBlueprint } from '@backstage/plugin-app-react';
import ownershipPlugin, {
  ownershipTranslationRef,
} from '@ownership-portal/plugin-ownership/alpha';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import App from './App';

// The whole app: its routes, plugins and sidebar load lazily.
const slow = { timeout: 20_000 };

describe('App', () => {
  beforeEach(() => {
    // Each test signs in anew: no session kept from the one before.
    window.localStorage.clear();
    process.env = {
      NODE_ENV: 'test',
      APP_CONFIG: [
        {
          data: {
            app: { title: 'Test' },
            backend: { baseUrl: 'http://localhost:7007' },
            techdocs: {
              storageUrl: 'http://localhost:7007/api/techdocs/static/docs',
            },
          },
          context: 'test',
        },
      ] as any,
    };
  });

  it('lists Ownership and Notifications in the sidebar and serves its dashboard at /ownership', async () => {
    window.history.pushState({}, '', '/ownership');
    // Without a running backend, the guest sign-in asks whether to fall back
    // to the legacy guest token: say yes.
    jest.spyOn(window, 'confirm').mockReturnValue(true);

    render(App.createRoot());
    await userEvent.click(
      await screen.findByRole('button', { name: 'Enter' }, slow),
    );

    const nav = await screen.findByRole('navigation', {}, slow);
    expect(
      await within(nav).findByRole('link', { name: 'Ownership' }, slow),
    ).toHaveAttribute('href', '/ownership');
    // The notifications plugin's own item (unread count), listed once.
    expect(
      await within(nav).findAllByRole('link', { name: /Notifications/ }, slow),
    ).toHaveLength(1);
    expect(
      await screen.findByRole('heading', { name: 'Latest audit run' }, slow),
    ).toBeInTheDocument();
  }, 60_000);

  it('lets a translation extension reword the ownership plugin', async () => {
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
    window.history.pushState({}, '', '/ownership/lookup');
    jest.spyOn(window, 'confirm').mockReturnValue(true);

    render(createApp({ features: [ownershipPlugin, rewording] }).createRoot());
    await userEvent.click(
      await screen.findByRole('button', { name: 'Enter' }, slow),
    );

    expect(
      await screen.findByRole('heading', { name: 'Who owns it?' }, slow),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('combobox', { name: 'Service, system, tag or team' }),
    ).toBeInTheDocument();
  }, 60_000);
});
