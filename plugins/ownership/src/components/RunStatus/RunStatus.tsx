import { InfoCard } from '@backstage/core-components';
import { useAnalytics, useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import {
  type AuditRun,
  ownershipRunCreatePermission,
} from '@ownership-portal/plugin-ownership-common';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ownershipApiRef } from '../../api';
import { ownershipTranslationRef } from '../../translation';
import { ErrorPanelWithRetry, InlineRow } from '../shared';

/** Properties of {@link RunStatus}. */
export interface RunStatusProps {
  /** Called once when a run this component watched finishes (succeeded or failed). */
  onRunFinished?: (run: AuditRun) => void;
  /** How often the latest run is polled while it is running; 2 s by default. */
  pollIntervalMs?: number;
}

interface RunState {
  run?: AuditRun;
  loading: boolean;
  error?: Error;
}

const STATUS_COLORS: Record<AuditRun['status'], 'info' | 'success' | 'error'> =
  {
    running: 'info',
    succeeded: 'success',
    failed: 'error',
  };

/** Hidden on screen, read by screen readers. */
const visuallyHidden = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString(undefined, {
        dateStyle: 'medium',
        timeStyle: 'short',
      });
}

/** True for the 409 the backend answers while another run is going. */
function isConflict(error: unknown): boolean {
  if (ResponseError.is(error)) {
    return error.statusCode === 409;
  }
  return (error as Error | undefined)?.name === 'ConflictError';
}

function RunProgress({ run }: { run: AuditRun }) {
  const { t } = useTranslationRef(ownershipTranslationRef);
  const { processed, total } = run;
  const determinate =
    processed !== undefined && total !== undefined && total > 0;
  const value = determinate
    ? Math.min(100, Math.round((processed / total) * 100))
    : undefined;
  let text: string = t('runStatus.inProgress');
  if (determinate) {
    text = t('runStatus.progress', {
      processed: String(processed),
      total: String(total),
      percent: String(value),
    });
  } else if (processed !== undefined) {
    text = t('runStatus.progressSoFar', { processed: String(processed) });
  }
  return (
    <Box>
      <LinearProgress
        variant={determinate ? 'determinate' : 'indeterminate'}
        value={value}
        aria-label={t('runStatus.progressLabel')}
      />
      <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
        {text}
      </Typography>
    </Box>
  );
}

function RunDescription({ run }: { run: AuditRun }) {
  const { t } = useTranslationRef(ownershipTranslationRef);
  const finished = run.finishedAt;
  const manual = run.trigger === 'manual';
  let trigger: string;
  if (run.triggeredBy) {
    trigger = t(
      manual ? 'runStatus.trigger.manualBy' : 'runStatus.trigger.scheduleBy',
      { user: run.triggeredBy },
    );
  } else {
    trigger = t(
      manual ? 'runStatus.trigger.manual' : 'runStatus.trigger.schedule',
    );
  }
  return (
    <Stack spacing={1}>
      <InlineRow>
        <Chip
          size="small"
          color={STATUS_COLORS[run.status]}
          label={t(`runStatus.status.${run.status}`)}
        />
        <Typography variant="body2">
          {run.status === 'running' || !finished
            ? t('runStatus.runStarted', {
                id: String(run.id),
                time: (
                  <time dateTime={run.startedAt}>
                    {formatTime(run.startedAt)}
                  </time>
                ),
              })
            : t('runStatus.runFinished', {
                id: String(run.id),
                time: <time dateTime={finished}>{formatTime(finished)}</time>,
              })}{' '}
          {trigger}
        </Typography>
      </InlineRow>
      {run.status === 'running' && <RunProgress run={run} />}
      {run.status === 'failed' && (
        <Alert severity="error">
          {run.error
            ? t('runStatus.failedWithError', { error: run.error })
            : t('runStatus.failed')}
        </Alert>
      )}
    </Stack>
  );
}

/**
 * The latest audit run: when it ran and how it ended, its progress while it
 * runs (polled every 2 s), and "Run now" for users allowed
 * `ownership.run.create`.
 *
 * @public
 */
export function RunStatus(props: RunStatusProps) {
  const { onRunFinished, pollIntervalMs = 2000 } = props;
  const api = useApi(ownershipApiRef);
  const analytics = useAnalytics();
  const { t } = useTranslationRef(ownershipTranslationRef);
  const { allowed: canRun } = usePermission({
    permission: ownershipRunCreatePermission,
  });
  const [state, setState] = useState<RunState>({ loading: true });
  const [reloads, setReloads] = useState(0);
  const [starting, setStarting] = useState(false);
  const [notice, setNotice] = useState<string>();
  const [startError, setStartError] = useState<Error>();
  const [pollError, setPollError] = useState<Error>();

  useEffect(() => {
    let cancelled = false;
    setState(previous => ({ ...previous, loading: true, error: undefined }));
    api.getLatestRun().then(
      run => !cancelled && setState({ run, loading: false }),
      error => !cancelled && setState({ loading: false, error }),
    );
    return () => {
      cancelled = true;
    };
  }, [api, reloads]);

  const running = state.run?.status === 'running';
  const runId = state.run?.id;
  useEffect(() => {
    if (!running) {
      return undefined;
    }
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const run = await api.getLatestRun();
        if (cancelled) {
          return;
        }
        setPollError(undefined);
        setState({ run, loading: false });
        if (run?.status === 'running') {
          timer = setTimeout(poll, pollIntervalMs);
        }
      } catch (error) {
        if (!cancelled) {
          setPollError(error as Error);
          timer = setTimeout(poll, pollIntervalMs);
        }
      }
    };
    timer = setTimeout(poll, pollIntervalMs);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [api, running, runId, pollIntervalMs]);

  // Tell the dashboard once a run it saw running has finished.
  const watched = useRef<number>();
  useEffect(() => {
    const run = state.run;
    if (!run) {
      return;
    }
    if (run.status === 'running') {
      watched.current = run.id;
    } else if (watched.current !== undefined) {
      watched.current = undefined;
      setNotice(undefined);
      onRunFinished?.(run);
    }
  }, [state.run, onRunFinished]);

  const startRun = useCallback(async () => {
    setStarting(true);
    setNotice(undefined);
    setStartError(undefined);
    try {
      const run = await api.startRun();
      setState({ run, loading: false });
      analytics.captureEvent('start', 'audit run', { value: run.id });
    } catch (error) {
      if (isConflict(error)) {
        setNotice(t('runStatus.alreadyRunning'));
        const run = await api.getLatestRun().catch(() => undefined);
        if (run) {
          setState({ run, loading: false });
        }
      } else {
        setStartError(error as Error);
      }
    } finally {
      setStarting(false);
    }
  }, [api, analytics, t]);

  const runButton = canRun ? (
    <Button
      variant="contained"
      size="small"
      startIcon={<PlayArrowIcon />}
      onClick={startRun}
      disabled={starting || running || state.loading}
    >
      {starting ? t('runStatus.starting') : t('runStatus.runNow')}
    </Button>
  ) : null;

  let body;
  if (state.loading && !state.run) {
    body = <LinearProgress aria-label={t('runStatus.loadingLabel')} />;
  } else if (state.error) {
    body = (
      <ErrorPanelWithRetry
        title={t('runStatus.errorTitle')}
        error={state.error}
        onRetry={() => setReloads(n => n + 1)}
      />
    );
  } else if (!state.run) {
    body = (
      <Typography variant="body2">
        {canRun ? t('runStatus.noRunCanStart') : t('runStatus.noRun')}
      </Typography>
    );
  } else {
    body = <RunDescription run={state.run} />;
  }

  let announcement = '';
  if (state.run) {
    announcement = t(`runStatus.announcement.${state.run.status}`, {
      id: String(state.run.id),
    });
  }

  return (
    <InfoCard
      titleTypographyProps={{ component: 'h2' }}
      title={t('runStatus.title')}
      action={runButton}
    >
      <Stack spacing={1.5}>
        <Box role="status" sx={visuallyHidden}>
          {announcement}
        </Box>
        {body}
        {notice && <Alert severity="info">{notice}</Alert>}
        {pollError && (
          <Alert severity="warning">
            {t('runStatus.pollError', { message: pollError.message })}
          </Alert>
        )}
        {startError && (
          <Alert severity="error">
            {t('runStatus.startError', { message: startError.message })}
          </Alert>
        )}
      </Stack>
    </InfoCard>
  );
}
