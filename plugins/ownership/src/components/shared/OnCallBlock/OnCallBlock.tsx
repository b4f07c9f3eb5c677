import { Link } from '@backstage/core-components';
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

/** A time as `in 3 hours`, with the exact date and time on hover and for machines. */
export function RelativeTime(props: { iso: string }) {
  return (
    <time dateTime={props.iso} title={formatDateTime(props.iso)}>
      {relativeTime(props.iso)}
    </time>
  );
}

/** `until Mon 16:00 (in 2 days)`: when a shift hands off, exactly and from now. */
export function Until(props: { iso: string }) {
  return (
    <>
      until{' '}
      <time dateTime={props.iso} title={formatDateTime(props.iso)}>
        {formatHandOff(props.iso)}
      </time>{' '}
      ({relativeTime(props.iso)})
    </>
  );
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

/** `L2 after 15 min: Platform leads`. */
export function escalationStepText(step: EscalationStep): string {
  const after = formatDuration(step.after);
  const when = after === 'immediately' ? 'immediately' : `after ${after}`;
  const who = step.targets.map(t => t.name ?? t.ref).join(', ');
  return `L${step.level} ${when}${who ? `: ${who}` : ''}`;
}

/** What to add to the catalog for an entity without a rotation. */
export function NoRotationHint() {
  return (
    <Box>
      <Typography variant="body2">No rotation</Typography>
      <Typography variant="caption" color="text.secondary" component="p">
        No on-call provider knows a rotation for this entity or its owning team.
        Add <code>ownership-portal/oncall-rotation</code>,{' '}
        <code>pagerduty.com/service-id</code> or{' '}
        <code>ownership-portal/oncall-ical</code> to the annotations in its
        catalog-info.yaml or its team&apos;s.
      </Typography>
    </Box>
  );
}

/** Props of {@link OnCallBlock}. */
export interface OnCallBlockProps {
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
  if (!oncall) {
    return <NoRotationHint />;
  }

  const source = (
    <Typography variant="caption" color="text.secondary" component="p">
      From {oncall.source}
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
      {oncall.matchedBy !== 'service-annotation' && ' (the team’s rotation)'}
    </Typography>
  );

  if (oncall.status === 'unknown') {
    return (
      <Box>
        <Alert severity="warning" variant="outlined" sx={{ py: 0 }}>
          <strong>On-call unknown:</strong> {oncall.source} could not be asked
          {oncall.reason ? ` (${oncall.reason})` : ''}. Last tried{' '}
          <RelativeTime iso={oncall.checkedAt} />.
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
          <strong>Stale:</strong> last known answer, from{' '}
          <RelativeTime iso={oncall.checkedAt} />
          {oncall.reason ? ` (${oncall.reason})` : ''}.
        </Alert>
      )}
      {now.length === 0 ? (
        <Typography variant="body2" color="error">
          Nobody is on call now.
        </Typography>
      ) : (
        <Box
          component="ul"
          aria-label="On call now"
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
                title={`Escalation level ${entry.level}`}
                sx={{ fontWeight: 'bold', textDecoration: 'none', mr: 0.5 }}
              >
                L{entry.level}
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
          Coverage gap from <RelativeTime iso={oncall.gaps[0].from} /> to{' '}
          <RelativeTime iso={oncall.gaps[0].to} />
          {oncall.gaps.length > 1 &&
            ` (and ${oncall.gaps.length - 1} more in the next 7 days)`}
        </Typography>
      )}
      {next.map(shift => (
        <Typography
          variant="body2"
          color="text.secondary"
          key={`${shift.from}:${shift.user.name}`}
        >
          Next: <OnCallPerson user={shift.user} /> from{' '}
          <RelativeTime iso={shift.from} />
        </Typography>
      ))}
      {escalation.length > 0 && (
        <Typography variant="body2" color="text.secondary">
          Escalation: {escalation.map(escalationStepText).join(' → ')}
        </Typography>
      )}
      {source}
    </Box>
  );
}
