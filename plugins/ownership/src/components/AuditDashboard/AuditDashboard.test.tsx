import { ResponseError } from '@backstage/errors';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { overviewOf, summaryResponse } from '../../testing/fixtures';
import { renderDashboard } from './__testUtils__/renderDashboard';

function figure(name: string) {
  return screen.getByRole('region', { name });
}

describe('AuditDashboard', () => {
  it('shows the org-wide figures of the latest run', async () => {
    const summary = summaryResponse();
    await renderDashboard({
      getSummary: async () => ({
        ...summary,
        ruleShares: { ...summary.ruleShares, 'oncall.missing': 0.25 },
      }),
    });

    expect(
      await screen.findByRole('region', { name: 'Services audited' }),
    ).toHaveTextContent('40');
    expect(figure('Valid owning team')).toHaveTextContent('90%');
    expect(figure('Valid owning team')).toHaveTextContent('36 of 40');
    expect(figure('On-call')).toHaveTextContent('75%');
    // runbook.missing on 1 and runbook.stale on 9 of 40 services.
    expect(figure('Fresh runbooks')).toHaveTextContent('75%');
    expect(figure('Average score')).toHaveTextContent('78');
    expect(screen.getByText(/Figures of audit run #42/)).toBeInTheDocument();

    expect(screen.getByRole('link', { name: 'Errors' })).toHaveAttribute(
      'href',
      '/ownership?severity=error',
    );
    expect(
      screen.getByRole('img', {
        name: /^Maturity levels: level 0 Not owned: 4, level 1 Owned: 8/,
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', {
        name: /^Trend over 4 audit runs .* valid owning team from 70% to 90%; average score from 58 to 78\.$/,
      }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('heading', { name: 'Teams' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'Findings' }),
    ).toBeInTheDocument();
  });

  it('explains that no run has completed yet and shows what the audit covers', async () => {
    const notFound = await ResponseError.fromResponse({
      headers: new Headers({ 'content-type': 'application/json' }),
      ok: false,
      redirected: false,
      status: 404,
      statusText: 'Not Found',
      type: 'basic',
      url: 'http://localhost:7007/api/ownership/summary',
      text: async () =>
        JSON.stringify({
          error: {
            name: 'NotFoundError',
            message: 'No ownership audit run has completed yet',
          },
          response: { statusCode: 404 },
        }),
    });
    await renderDashboard({
      getSummary: async () => Promise.reject(notFound),
      getLatestRun: async () => undefined,
      getOverview: async () =>
        overviewOf({ Component: 42 }, { production: 42 }),
    });

    expect(
      await screen.findByText('No audit run has completed yet'),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('42 catalog entities in the ownership audit'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('heading', { name: 'Teams' }),
    ).not.toBeInTheDocument();
  });

  it('explains a refused summary and still shows the teams and findings the user may read', async () => {
    const forbidden = await ResponseError.fromResponse({
      headers: new Headers({ 'content-type': 'application/json' }),
      ok: false,
      redirected: false,
      status: 403,
      statusText: 'Forbidden',
      type: 'basic',
      url: 'http://localhost:7007/api/ownership/summary',
      text: async () =>
        JSON.stringify({
          error: {
            name: 'NotAllowedError',
            message:
              'Organisation-wide audit figures need the permission ownership.summary.read',
          },
          response: { statusCode: 403 },
        }),
    });
    await renderDashboard({
      getSummary: async () => Promise.reject(forbidden),
    });

    expect(
      await screen.findByText('Organisation-wide figures are not shown to you'),
    ).toBeInTheDocument();
    expect(screen.getByText('ownership.summary.read')).toBeInTheDocument();
    expect(
      screen.queryByRole('region', { name: 'Services audited' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByText(/Could not load the audit summary/),
    ).not.toBeInTheDocument();
    expect(
      await screen.findByRole('heading', { name: 'Teams' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'Findings' }),
    ).toBeInTheDocument();
  });

  it('names other failures and retries', async () => {
    const getSummary = jest
      .fn()
      .mockRejectedValueOnce(new Error('Request failed with 500'))
      .mockResolvedValue(summaryResponse());
    await renderDashboard({ getSummary });

    expect(
      await screen.findByText(/Could not load the audit summary/),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByRole('region', { name: 'Services audited' }),
    ).toHaveTextContent('40');
  });

  it('focuses the search box on "/" and opens the lookup on Enter', async () => {
    await renderDashboard({ getSummary: async () => summaryResponse() });
    await screen.findByRole('region', { name: 'Services audited' });
    const box = screen.getByRole('searchbox', { name: 'Find a service' });
    expect(box).toHaveAttribute('aria-keyshortcuts', '/');

    await userEvent.keyboard('/');
    expect(box).toHaveFocus();
    expect(box).toHaveValue('');

    await userEvent.keyboard('payments api{Enter}');

    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent(
        '/ownership/lookup?q=payments%20api',
      ),
    );
  });

  it('does not take "/" typed into another input', async () => {
    await renderDashboard({ getSummary: async () => summaryResponse() });
    const teamFilter = await screen.findByRole('searchbox', {
      name: 'Filter teams',
    });

    await userEvent.type(teamFilter, 'a/b');

    expect(teamFilter).toHaveValue('a/b');
    expect(teamFilter).toHaveFocus();
  });
});
