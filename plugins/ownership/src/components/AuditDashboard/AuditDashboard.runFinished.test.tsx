import { screen, waitFor } from '@testing-library/react';
import { auditRun, summaryResponse } from '../../testing/fixtures';
import { renderDashboard } from './__testUtils__/renderDashboard';

// A file of its own: it renders with ownership.run.create allowed.
describe('AuditDashboard with ownership.run.create', () => {
  it('reads the figures again when a run it watched finishes', async () => {
    const getSummary = jest.fn(async () => summaryResponse());
    const getLatestRun = jest
      .fn()
      .mockResolvedValueOnce(
        auditRun({ id: 43, status: 'running', finishedAt: undefined }),
      )
      .mockResolvedValue(auditRun({ id: 43 }));
    await renderDashboard({ getSummary, getLatestRun }, { allowed: true });

    expect(await screen.findByText('Running')).toBeInTheDocument();
    // The run status polls every 2 s; the dashboard reloads once it is done.
    await waitFor(() => expect(getSummary).toHaveBeenCalledTimes(2), {
      timeout: 4000,
    });
    expect(screen.getByText('Succeeded')).toBeInTheDocument();
  }, 10_000);
});
