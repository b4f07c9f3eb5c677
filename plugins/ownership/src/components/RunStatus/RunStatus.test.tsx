import { ResponseError } from '@backstage/errors';
import type { AuditRun } from '@ownership-portal/plugin-ownership-common';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { auditRun } from '../../testing/fixtures';
import { renderRunStatus } from './__testUtils__/renderRunStatus';

/** The 409 the client throws while another run is going. */
async function conflict(): Promise<ResponseError> {
  const body = JSON.stringify({
    error: {
      name: 'ConflictError',
      message: 'An ownership audit run is already in progress (run 43)',
    },
    response: { statusCode: 409 },
  });
  return ResponseError.fromResponse({
    headers: new Headers({ 'content-type': 'application/json' }),
    ok: false,
    redirected: false,
    status: 409,
    statusText: 'Conflict',
    type: 'basic',
    url: 'http://localhost:7007/api/ownership/runs',
    text: async () => body,
  });
}

const running = (processed: number, overrides: Partial<AuditRun> = {}) =>
  auditRun({
    id: 43,
    status: 'running',
    trigger: 'manual',
    finishedAt: undefined,
    processed,
    total: 40,
    ...overrides,
  });

describe('RunStatus', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('polls a running run every 2 seconds until it finishes', async () => {
    jest.useFakeTimers();
    const getLatestRun = jest
      .fn()
      .mockResolvedValueOnce(running(10))
      .mockResolvedValueOnce(running(30))
      .mockResolvedValue(
        running(40, {
          status: 'succeeded',
          finishedAt: '2026-11-28T10:05:00.000Z',
        }),
      );
    const onRunFinished = jest.fn();
    await renderRunStatus({ getLatestRun }, { onRunFinished });

    expect(
      await screen.findByText('10 of 40 entities audited (25%)'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('progressbar', { name: 'Audit run progress' }),
    ).toHaveAttribute('aria-valuenow', '25');
    expect(getLatestRun).toHaveBeenCalledTimes(1);

    await act(async () => {
      jest.advanceTimersByTime(1999);
    });
    expect(getLatestRun).toHaveBeenCalledTimes(1);
    await act(async () => {
      jest.advanceTimersByTime(1);
    });
    expect(getLatestRun).toHaveBeenCalledTimes(2);
    expect(
      screen.getByText('30 of 40 entities audited (75%)'),
    ).toBeInTheDocument();

    await act(async () => {
      jest.advanceTimersByTime(2000);
    });
    expect(getLatestRun).toHaveBeenCalledTimes(3);
    expect(screen.getByText('Succeeded')).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(onRunFinished).toHaveBeenCalledTimes(1);
    expect(onRunFinished).toHaveBeenCalledWith(
      expect.objectContaining({ id: 43, status: 'succeeded' }),
    );

    // Finished: no more polling.
    await act(async () => {
      jest.advanceTimersByTime(10_000);
    });
    expect(getLatestRun).toHaveBeenCalledTimes(3);
  });

  it('shows a run in progress without counts to users who may not see organisation-wide figures', async () => {
    const { processed: _p, total: _t, ...withoutCounts } = running(10);
    await renderRunStatus({ getLatestRun: async () => withoutCounts });

    expect(await screen.findByText('Audit in progress')).toBeInTheDocument();
    expect(
      screen.getByRole('progressbar', { name: 'Audit run progress' }),
    ).not.toHaveAttribute('aria-valuenow');
    expect(screen.queryByText(/undefined/)).not.toBeInTheDocument();
  });

  it('starts a run with "Run now" and shows its progress', async () => {
    const getLatestRun = jest
      .fn()
      .mockResolvedValueOnce(auditRun())
      .mockResolvedValue(
        running(40, {
          status: 'succeeded',
          finishedAt: '2026-11-28T10:05:00.000Z',
        }),
      );
    const startRun = jest.fn(async () => running(0, { total: undefined }));
    const onRunFinished = jest.fn();
    await renderRunStatus(
      { getLatestRun, startRun },
      { onRunFinished, pollIntervalMs: 10 },
    );

    await userEvent.click(
      await screen.findByRole('button', { name: 'Run now' }),
    );

    expect(startRun).toHaveBeenCalledTimes(1);
    expect(
      await screen.findByText('0 entities audited so far'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Run now' })).toBeDisabled();
    await waitFor(() => expect(onRunFinished).toHaveBeenCalledTimes(1));
    expect(screen.getByText(/Run #43 finished/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Run now' })).toBeEnabled();
  });

  it('follows the run in progress when starting one answers 409', async () => {
    const getLatestRun = jest
      .fn()
      .mockResolvedValueOnce(
        auditRun({ status: 'failed', error: 'catalog unavailable' }),
      )
      .mockResolvedValue(running(12));
    const startRun = jest.fn(async () => Promise.reject(await conflict()));
    await renderRunStatus(
      { getLatestRun, startRun },
      { pollIntervalMs: 60_000 },
    );

    expect(
      await screen.findByText(/The run failed: catalog unavailable/),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Run now' }));

    expect(
      await screen.findByText(
        'A run is already in progress; its progress is shown here.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('12 of 40 entities audited (30%)'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Could not start a run/)).not.toBeInTheDocument();
  });

  it('reports a started run to analytics, and no event when another run is going', async () => {
    const startRun = jest
      .fn()
      .mockResolvedValueOnce(running(0))
      .mockRejectedValue(await conflict());
    const { analyticsApi } = await renderRunStatus(
      {
        getLatestRun: jest
          .fn()
          .mockResolvedValueOnce(auditRun())
          .mockResolvedValue(auditRun({ id: 43 })),
        startRun,
      },
      { pollIntervalMs: 10 },
    );

    await userEvent.click(
      await screen.findByRole('button', { name: 'Run now' }),
    );
    await waitFor(() =>
      expect(analyticsApi.captureEvent).toHaveBeenCalledWith(
        expect.objectContaining({
          action: 'start',
          subject: 'audit run',
          value: 43,
        }),
      ),
    );

    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Run now' })).toBeEnabled(),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Run now' }));
    await waitFor(() => expect(startRun).toHaveBeenCalledTimes(2));
    expect(analyticsApi.captureEvent).toHaveBeenCalledTimes(1);
  });

  it('names other failures to start a run', async () => {
    await renderRunStatus({
      getLatestRun: async () => auditRun(),
      startRun: async () => {
        throw new Error('Request failed with 403 Forbidden');
      },
    });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Run now' }),
    );

    expect(
      await screen.findByText(
        'Could not start a run: Request failed with 403 Forbidden',
      ),
    ).toBeInTheDocument();
  });

  it('says that no run has been started yet', async () => {
    await renderRunStatus({ getLatestRun: async () => undefined });

    expect(
      await screen.findByText(/No audit run has been started yet/),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Run now' })).toBeEnabled();
  });
});
