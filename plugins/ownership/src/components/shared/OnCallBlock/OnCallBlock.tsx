import { Link } from '@backstage/core-components';
import {
  type TranslationFunction,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import MuiLink from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import type {
  EscalationStep,
  OnCallAnswer,
  OnCallUser,
} from '@ownership-portal/plugin-ownership-common';
import {
  formatDateTime,
  formatDuration,
  formatHandOff,
  relativeTime,
} from '../format';
import { ownershipTranslationRef } from '../../../translation';

type Translate = TranslationFunction<typeof ownershipTranslationRef.T>;

/** A time as `in 3 hours`, with the exact date and time on hover and for machines. */
function RelativeTime(props: { iso: string }) {
  return (
    <time dateTime={props.iso} title={formatDateTime(props.iso)}>
      {relativeTime(props.iso)}
    </time>
  );
}

/** `until Mon 16:00 (in 2 days)`: when a shift hands off, exactly and from now. */
export function Until(props: { iso: string }) {
  const { t } = useTranslationRef(ownershipTranslationRef);
  return t('onCall.until', {
    time: (
      <time dateTime={props.iso} title={formatDateTime(props.iso)}>
        {formatHandOff(props.iso)}
      </time>
    ),
    relative: relativeTime(props.iso),
  });
}

function OnCallPerson(props: { user: OnCallUser }) {
  const { user } = props;
  if (user.entityRef) {
    return (
      <EntityRefLink entityRef={user.entityRef} defaultKind="user">
        {user.name}
      </EntityRefLink>
    );
  }
  if (user.email) {
    return <MuiLink href={`mailto:${user.email}`}>{user.name}</MuiLink>;
  }
  return <>{user.name}</>;
}

/** First escalation level first; a copy, the answer stays as it came. */
export function byLevel<T extends { level: number }>(
  entries: readonly T[],
): T[] {
  return [...entries].sort((a, b) => a.level - b.level);
}

/**
 * `L2 after 15 min: Platform leads`; `t` is the plugin's translation
 * function (`useTranslationRef(ownershipTranslationRef).t`).
 */
function escalationStepText(step: EscalationStep, t: Translate): string {
  const after = formatDuration(step.after);
  // formatDuration says 'immediately' for a zero duration.
  const when =
    after === 'immediately'
      ? t('onCall.immediately')
      : t('onCall.after', { duration: after });
  const who = step.targets.map(target => target.name ?? target.ref).join(', ');
  const level = String(step.level);
  return who
    ? t('onCall.stepWithTargets', { level, when, who })
    : t('onCall.step', { level, when });
}

/** What to add to the catalog for an entity without a rotation. */
function NoRotationHint() {
  const { t } = useTranslationRef(ownershipTranslationRef);
  return (
    <Box>
      <Typography variant="body2">{t('onCall.noRotation')}</Typography>
      <Typography variant="caption" color="text.secondary" component="p">
        {t('onCall.noRotationHint', {
          rotation: <code>ownership-portal/oncall-rotation</code>,
          pagerduty: <code>pagerduty.com/service-id</code>,
          ical: <code>ownership-portal/oncall-ical</code>,
        })}
      </Typography>
    </Box>
  );
}

/** Props of {@link OnCallBlock}. */
interface OnCallBlockProps {
  /** The answer of the on-call providers; `undefined` when there is no rotation. */
  oncall?: OnCallAnswer;
  /** Also list every later shift and the full escalation chain. */
  detailed?: boolean;
}

/**
 * Who is on call now (first level first, until when), the next shift and the
 * escalation chain; with explicit unknown, stale and no-rotation states.
 */
export function OnCallBlock(props: OnCallBlockProps) {
  const { oncall, detailed } = props;
  const { t } = useTranslationRef(ownershipTranslationRef);
  if (!oncall) {
    return <NoRotationHint />;
  }

  const source = (
    <Typography variant="caption" color="text.secondary" component="p">
      {t('onCall.source', { source: oncall.source })}
      {oncall.scheduleName && (
        <>
          {' · '}
          {oncall.scheduleUrl ? (
            <Link to={oncall.scheduleUrl}>{oncall.scheduleName}</Link>
          ) : (
            oncall.scheduleName
          )}
        </>
      )}
      {oncall.matchedBy !== 'service-annotation' && t('onCall.teamRotation')}
    </Typography>
  );

  if (oncall.status === 'unknown') {
    return (
      <Box>
        <Alert severity="warning" variant="outlined" sx={{ py: 0 }}>
          <strong>{t('onCall.unknownLabel')}</strong>{' '}
          {oncall.reason
            ? t('onCall.unknownWithReason', {
                source: oncall.source,
                reason: oncall.reason,
                when: <RelativeTime iso={oncall.checkedAt} />,
              })
            : t('onCall.unknown', {
                source: oncall.source,
                when: <RelativeTime iso={oncall.checkedAt} />,
              })}
        </Alert>
        {source}
      </Box>
    );
  }

  const now = byLevel(oncall.onCallNow);
  const next = detailed ? oncall.next : oncall.next.slice(0, 1);
  const escalation = byLevel(oncall.escalation);

  return (
    <Box>
      {oncall.stale && (
        <Alert severity="warning" variant="outlined" sx={{ py: 0, mb: 1 }}>
          <strong>{t('onCall.staleLabel')}</strong>{' '}
          {oncall.reason
            ? t('onCall.staleWithReason', {
                when: <RelativeTime iso={oncall.checkedAt} />,
                reason: oncall.reason,
              })
            : t('onCall.stale', {
                when: <RelativeTime iso={oncall.checkedAt} />,
              })}
        </Alert>
      )}
      {now.length === 0 ? (
        <Typography variant="body2" color="error">
          {t('onCall.nobody')}
        </Typography>
      ) : (
        <Box
          component="ul"
          aria-label={t('onCall.nowLabel')}
          sx={{ listStyle: 'none', m: 0, p: 0 }}
        >
          {now.map(entry => (
            <Typography
              component="li"
              variant="body2"
              key={`${entry.level}:${entry.user.entityRef ?? entry.user.name}`}
            >
              <Box
                component="abbr"
                title={t('onCall.levelTitle', { level: String(entry.level) })}
                sx={{ fontWeight: 'bold', textDecoration: 'none', mr: 0.5 }}
              >
                {t('onCall.level', { level: String(entry.level) })}
              </Box>
              <OnCallPerson user={entry.user} />
              {entry.until && (
                <>
                  {' '}
                  <Until iso={entry.until} />
                </>
              )}
            </Typography>
          ))}
        </Box>
      )}
      {oncall.gaps && oncall.gaps.length > 0 && (
        <Typography variant="body2" color="warning.main">
          {t('onCall.gap', {
            from: <RelativeTime iso={oncall.gaps[0].from} />,
            to: <RelativeTime iso={oncall.gaps[0].to} />,
          })}
          {oncall.gaps.length > 1 &&
            t('onCall.moreGaps', { count: oncall.gaps.length - 1 })}
        </Typography>
      )}
      {next.map(shift => (
        <Typography
          variant="body2"
          color="text.secondary"
          key={`${shift.from}:${shift.user.name}`}
        >
          {t('onCall.next', {
            person: <OnCallPerson user={shift.user} />,
            when: <RelativeTime iso={shift.from} />,
          })}
        </Typography>
      ))}
      {escalation.length > 0 && (
        <Typography variant="body2" color="text.secondary">
          {t('onCall.escalation', {
            steps: escalation
              .map(step => escalationStepText(step, t))
              .join(' → '),
          })}
        </Typography>
      )}
      {source}
    </Box>
  );
}
