import { Progress } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type {
  Attestation,
  CampaignItem,
  PendingAttestation,
} from '@ownership-portal/plugin-ownership-common';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ownershipTranslationRef } from '../../translation';
import { RecordedChange } from '../Attest';
import { ErrorPanelWithRetry } from '../shared';
import { CampaignGroup, selectionKey } from './CampaignGroup';
import { type BulkOutcome, useBulkConfirm } from './useBulkConfirm';
import { usePendingAttestations } from './usePendingAttestations';

/** Items grouped by campaign, in the order the backend lists them. */
function byCampaign(items: PendingAttestation[]) {
  const groups = new Map<
    number,
    { campaign: PendingAttestation['campaign']; rows: PendingAttestation[] }
  >();
  for (const pending of items) {
    const group = groups.get(pending.campaign.id);
    if (group) {
      group.rows.push(pending);
    } else {
      groups.set(pending.campaign.id, {
        campaign: pending.campaign,
        rows: [pending],
      });
    }
  }
  return [...groups.values()];
}

function BulkReport(props: { outcome: BulkOutcome; onClose: () => void }) {
  const { confirmed, failed } = props.outcome;
  const { t } = useTranslationRef(ownershipTranslationRef);
  if (failed.length === 0) {
    return (
      <Alert severity="success" role="status" onClose={props.onClose}>
        {t('pendingAttestations.bulkDone', { count: confirmed })}
      </Alert>
    );
  }
  return (
    <Alert severity="error" onClose={props.onClose}>
      {t('pendingAttestations.bulkPartial', {
        confirmed: String(confirmed),
        total: String(confirmed + failed.length),
      })}
      <Box component="ul" sx={{ m: 0, pl: 2 }}>
        {failed.map(f => (
          <li key={f.entityRef}>
            <code>{f.entityRef}</code>: {f.message}
          </li>
        ))}
      </Box>
    </Alert>
  );
}

/**
 * "Your team's attestations": the unanswered items of open campaigns that
 * the signed-in user's teams own, grouped by campaign. Each item can be
 * confirmed at once, transferred, disowned or retired; selected items can be
 * confirmed together. `?campaign=<id>&team=<ref>` narrow the list (the
 * reminders link here with them).
 *
 * @public
 */
export function PendingAttestations() {
  const { t } = useTranslationRef(ownershipTranslationRef);
  const [searchParams, setSearchParams] = useSearchParams();
  const campaignFilter = searchParams.get('campaign') ?? undefined;
  const teamFilter = searchParams.get('team')?.toLocaleLowerCase('en-US');
  const campaignId = Number(campaignFilter);
  // The backend filters, so a deep link shows its items without paging
  // through the user's other ones; the list keeps the same filter in case an
  // older answer arrives.
  const pending = usePendingAttestations({
    ...(teamFilter && { team: teamFilter }),
    ...(Number.isSafeInteger(campaignId) &&
      campaignId > 0 && { campaign: campaignId }),
  });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [recorded, setRecorded] = useState<
    Array<{ item: CampaignItem; attestation: Attestation }>
  >([]);
  const [announcement, setAnnouncement] = useState('');

  const visible = useMemo(
    () =>
      pending.items.filter(
        p =>
          (!campaignFilter || String(p.campaign.id) === campaignFilter) &&
          (!teamFilter ||
            p.item.team.toLocaleLowerCase('en-US') === teamFilter),
      ),
    [pending.items, campaignFilter, teamFilter],
  );
  const groups = useMemo(() => byCampaign(visible), [visible]);
  const selectedItems = visible.filter(p =>
    selected.has(selectionKey(p.campaign.id, p.item.entityRef)),
  );

  const unselect = (keys: string[]) =>
    setSelected(s => new Set([...s].filter(k => !keys.includes(k))));

  const answered = (item: CampaignItem, attestation: Attestation) => {
    pending.remove(item.campaignId, item.entityRef);
    unselect([selectionKey(item.campaignId, item.entityRef)]);
    if (
      attestation.answer === 'transfer' ||
      attestation.answer === 'not-ours'
    ) {
      setRecorded(r => [{ item, attestation }, ...r]);
    }
    setAnnouncement(
      t(`pendingAttestations.answered.${attestation.answer}`, {
        entity: item.title,
      }),
    );
  };

  const bulk = useBulkConfirm(answered);

  const onSelect = (keys: string[], on: boolean) =>
    on ? setSelected(s => new Set([...s, ...keys])) : unselect(keys);

  const clearFilters = () => {
    const next = new URLSearchParams(searchParams);
    next.delete('campaign');
    next.delete('team');
    setSearchParams(next, { replace: true });
  };

  let body;
  if (pending.loading && pending.items.length === 0) {
    body = <Progress />;
  } else if (pending.error && pending.items.length === 0) {
    body = (
      <ErrorPanelWithRetry
        title={t('pendingAttestations.errorTitle')}
        error={pending.error}
        onRetry={pending.retry}
      />
    );
  } else if (groups.length === 0) {
    body = (
      <Alert severity="success">
        {campaignFilter || teamFilter
          ? t('pendingAttestations.noneMatching')
          : t('pendingAttestations.none')}
      </Alert>
    );
  } else {
    body = groups.map(group => (
      <CampaignGroup
        key={group.campaign.id}
        campaign={group.campaign}
        rows={group.rows}
        selected={selected}
        onSelect={onSelect}
        onAnswered={answered}
        busy={bulk.running}
      />
    ));
  }

  return (
    <Stack spacing={2}>
      <Box>
        <Typography variant="h5" component="h2">
          {t('pendingAttestations.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t('pendingAttestations.subtitle')}
        </Typography>
      </Box>
      {(campaignFilter || teamFilter) && (
        <Stack direction="row" spacing={1} alignItems="center">
          {campaignFilter && (
            <Chip
              label={t('pendingAttestations.campaignFilter', {
                campaign: groups[0]?.campaign.title ?? `#${campaignFilter}`,
              })}
            />
          )}
          {teamFilter && (
            <Chip
              label={t('pendingAttestations.teamFilter', { team: teamFilter })}
            />
          )}
          <Button size="small" onClick={clearFilters}>
            {t('pendingAttestations.clearFilters')}
          </Button>
        </Stack>
      )}
      <Stack direction="row" spacing={2} alignItems="center">
        <Button
          variant="contained"
          disabled={selectedItems.length === 0 || bulk.running}
          onClick={() => bulk.confirm(selectedItems)}
        >
          {t('pendingAttestations.confirmSelected')}
        </Button>
        <Typography variant="body2" color="text.secondary">
          {bulk.running
            ? t('pendingAttestations.confirming', {
                done: String(bulk.done),
                total: String(bulk.total),
              })
            : t('pendingAttestations.selectedCount', {
                count: selectedItems.length,
              })}
        </Typography>
      </Stack>
      {bulk.outcome && (
        <BulkReport outcome={bulk.outcome} onClose={bulk.dismiss} />
      )}
      {recorded.map(({ item, attestation }) => (
        <RecordedChange
          key={`${item.campaignId}|${item.entityRef}|${attestation.id}`}
          item={item}
          attestation={attestation}
          onClose={() =>
            setRecorded(r => r.filter(x => x.attestation !== attestation))
          }
        />
      ))}
      <Box
        role="status"
        aria-live="polite"
        sx={{
          // Read by screen readers, hidden on screen.
          position: 'absolute',
          width: '1px',
          height: '1px',
          overflow: 'hidden',
          clip: 'rect(0 0 0 0)',
          whiteSpace: 'nowrap',
        }}
      >
        {announcement}
      </Box>
      {body}
      {pending.error && pending.items.length > 0 && (
        <Alert severity="error">
          {t('pendingAttestations.moreError', {
            message: pending.error.message,
          })}
        </Alert>
      )}
      {pending.nextCursor && (
        <Box>
          <Button onClick={pending.loadMore} disabled={pending.loading}>
            {t('pendingAttestations.loadMore')}
          </Button>
        </Box>
      )}
    </Stack>
  );
}
