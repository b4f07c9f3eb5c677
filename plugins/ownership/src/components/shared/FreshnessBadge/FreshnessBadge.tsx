import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import type {
  Freshness,
  RunbookInfo,
} from '@ownership-portal/plugin-ownership-common';
import { ownershipTranslationRef } from '../../../translation';
import { formatDate, relativeTime } from '../format';
import { StaleCopyChip, UnknownReadChip } from '../ReadStateNote';

/** Props of {@link FreshnessBadge}. */
interface FreshnessBadgeProps {
  freshness: Freshness;
  /** When the document was last reviewed, ISO-8601. */
  reviewedAt?: string;
}

/**
 * How fresh a document is: `Fresh`, `Stale · reviewed 8 months ago`, or
 * `Review date unknown`.
 */
function FreshnessBadge(props: FreshnessBadgeProps) {
  const { freshness, reviewedAt } = props;
  const { t } = useTranslationRef(ownershipTranslationRef);
  const title = reviewedAt
    ? t('shared.freshness.reviewed', { date: formatDate(reviewedAt) })
    : undefined;
  switch (freshness) {
    case 'fresh':
      return (
        <Chip
          size="small"
          color="success"
          variant="outlined"
          label={t('shared.freshness.fresh')}
          title={title}
        />
      );
    case 'stale':
      return (
        <Chip
          size="small"
          color="warning"
          label={
            reviewedAt
              ? t('shared.freshness.staleReviewed', {
                  when: relativeTime(reviewedAt),
                })
              : t('shared.freshness.stale')
          }
          title={title}
        />
      );
    default:
      return (
        <Chip
          size="small"
          variant="outlined"
          label={t('shared.freshness.unknown')}
        />
      );
  }
}

/**
 * The state of a runbook in one badge: `Unreachable`, `Not read` and `Could
 * not be read just now` win over the freshness, which is unknown for such
 * runbooks anyway; a runbook served from its last good read adds `Stale
 * copy`, with the reason in its title.
 */
export function RunbookStatusBadge(props: { runbook: RunbookInfo }) {
  const { runbook } = props;
  const { t } = useTranslationRef(ownershipTranslationRef);
  if (runbook.status === 'unknown') {
    return <UnknownReadChip reason={runbook.reason} />;
  }
  if (runbook.staleRead) {
    return (
      <Stack direction="row" spacing={0.5} component="span">
        <FreshnessBadge
          freshness={runbook.freshness}
          reviewedAt={runbook.reviewedAt}
        />
        <StaleCopyChip stale={runbook.staleRead} />
      </Stack>
    );
  }
  if (runbook.status === 'unreachable') {
    return (
      <Chip
        size="small"
        color="error"
        label={t('shared.freshness.unreachable')}
        title={runbook.reason}
      />
    );
  }
  if (runbook.status === 'not-configured') {
    return (
      <Chip
        size="small"
        variant="outlined"
        label={t('shared.freshness.notRead')}
        title={runbook.reason}
      />
    );
  }
  return (
    <FreshnessBadge
      freshness={runbook.freshness}
      reviewedAt={runbook.reviewedAt}
    />
  );
}
