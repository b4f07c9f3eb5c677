import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ResponseError } from '@backstage/errors';
import { type OwnershipApi, ownershipApiRef } from '../../../api';
import { fakeOwnershipApi } from '../../../testing/fixtures';
import { DocumentLink } from './DocumentLink';

const LOCAL = 'file:///srv/docs/runbooks/payments%20down.md';

async function renderLink(url: string, api: Partial<OwnershipApi> = {}) {
  await renderInTestApp(
    <TestApiProvider apis={[[ownershipApiRef, fakeOwnershipApi(api)]]}>
      <DocumentLink url={url} title="Payments down" />
    </TestApiProvider>,
  );
}

describe('DocumentLink', () => {
  it('links to a remote document at its address', async () => {
    await renderLink('https://runbooks.example.com/payments.md');

    expect(
      screen.getByRole('link', { name: /^Payments down/ }),
    ).toHaveAttribute('href', 'https://runbooks.example.com/payments.md');
  });

  it('opens a local document in a dialog, rendered from its markdown', async () => {
    const getDocument = jest.fn(async (url: string) => ({
      url,
      markdown: '# Payments down\n\n## Symptoms\n\n1. Check the ledger.\n',
      lastModified: '2026-11-02T10:00:00.000Z',
    }));
    await renderLink(LOCAL, { getDocument });

    await userEvent.click(
      screen.getByRole('button', { name: 'Payments down' }),
    );

    const dialog = await screen.findByRole('dialog', { name: 'Payments down' });
    expect(
      await within(dialog).findByRole('heading', { name: 'Symptoms' }),
    ).toBeInTheDocument();
    expect(within(dialog).getByText('Check the ledger.')).toBeInTheDocument();
    expect(dialog).toHaveTextContent('/srv/docs/runbooks/payments down.md');
    expect(dialog).toHaveTextContent('last modified');
    expect(getDocument).toHaveBeenCalledWith(LOCAL);

    await userEvent.keyboard('{Escape}');

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('says why a local document cannot be shown, and retries', async () => {
    const response = new Response(
      JSON.stringify({
        error: {
          name: 'NotFoundError',
          message: `Cannot show ${LOCAL}: it does not exist`,
        },
        request: { method: 'GET', url: '/api/ownership/documents' },
        response: { statusCode: 404 },
      }),
      { status: 404, headers: { 'content-type': 'application/json' } },
    );
    const error = await ResponseError.fromResponse(response);
    const getDocument = jest
      .fn()
      .mockRejectedValueOnce(error)
      .mockResolvedValueOnce({ url: LOCAL, markdown: 'Back again.\n' });
    await renderLink(LOCAL, { getDocument });

    await userEvent.click(
      screen.getByRole('button', { name: 'Payments down' }),
    );

    const dialog = await screen.findByRole('dialog');
    expect(
      await within(dialog).findByText(/Could not open Payments down/),
    ).toBeInTheDocument();
    expect(dialog).toHaveTextContent('it does not exist');

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Retry' }),
    );

    expect(await within(dialog).findByText('Back again.')).toBeInTheDocument();
  });
});
