import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { auditRun } from '../../testing/fixtures';
import { renderRunStatus } from './__testUtils__/renderRunStatus';

describe('RunStatus without ownership.run.create', () => {
  it('shows when the latest run finished, and no "Run now" without the permission', async () => {
    const { permissionApi } = await renderRunStatus(
      { getLatestRun: async () => auditRun() },
      { allowed: false },
    );

    expect(permissionApi.authorize).toHaveBeenCalledWith({
      permission: expect.objectContaining({ name: 'ownership.run.create' }),
    });
    expect(await screen.findByText('Succeeded')).toBeInTheDocument();
    expect(screen.getByText(/Run #42 finished/)).toBeInTheDocument();
    expect(
      document.querySelector('time[datetime="2026-11-28T10:00:00.000Z"]'),
    ).toBeInTheDocument();
    expect(screen.getByText(/\(scheduled\)/)).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Run now' }),
    ).not.toBeInTheDocument();
  });

  it('names a failure to load the latest run and retries', async () => {
    const getLatestRun = jest
      .fn()
      .mockRejectedValueOnce(new Error('Request failed with 503'))
      .mockResolvedValue(auditRun());
    await renderRunStatus({ getLatestRun }, { allowed: false });

    expect(
      await screen.findByText(/Could not load the latest audit run/),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Succeeded')).toBeInTheDocument();
  });
});
