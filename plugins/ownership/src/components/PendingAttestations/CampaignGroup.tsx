import { MarkdownContent } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type {
  Attestation,
  CampaignItem,
  PendingAttestation,
} from '@ownership-portal/plugin-ownership-common';
import { useId } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { ownershipApiRef } from '../../api';
import { campaignRouteRef } from '../../routes';
import { ownershipTranslationRef } from '../../translation';
import { AnswerActions } from '../Attest';
import { CampaignStateChip, errorMessage, formatDay } from '../shared';

/** The selection key of an item of a campaign. */
export function selectionKey(campaignId: number, entityRef: string): string {
  return `${campaignId}|${entityRef}`;
}

function Instructions(props: { campaignId: number }) {
  const api = useApi(ownershipApiRef);
  const { t } = useTranslationRef(ownershipTranslationRef);
  // The pending list names each campaign but carries no instructions.
  const details = useAsync(
    () => api.getCampaign(props.campaignId),
    [api, props.campaignId],
  );
  if (details.error) {
    return (
      <Typography variant="body2" color="text.secondary">
        {t('pendingAttestations.instructionsError', {
          message: errorMessage(details.error),
        })}
      </Typography>
    );
  }
  if (!details.value?.instructions) {
    return null;
  }
  return <MarkdownContent content={details.value.instructions} />;
}

function Findings(props: { item: CampaignItem }) {
  const { t } = useTranslationRef(ownershipTranslationRef);
  if (props.item.findings.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {t('pendingAttestations.noFindings')}
      </Typography>
    );
  }
  return (
    <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
      {props.item.findings.map(ruleId => (
        <Chip key={ruleId} size="small" variant="outlined" label={ruleId} />
      ))}
    </Stack>
  );
}

/**
 * The pending items of one campaign: its title, due date and instructions,
 * and a row per item with a checkbox and the answer buttons.
 */
export function CampaignGroup(props: {
  campaign: PendingAttestation['campaign'];
  rows: PendingAttestation[];
  selected: ReadonlySet<string>;
  onSelect: (keys: string[], selected: boolean) => void;
  onAnswered: (item: CampaignItem, attestation: Attestation) => void;
  busy: boolean;
}) {
  const { campaign, rows, selected, onSelect, onAnswered, busy } = props;
  const { t } = useTranslationRef(ownershipTranslationRef);
  const campaignLink = useRouteRef(campaignRouteRef);
  const headingId = useId();
  const keys = rows.map(r => selectionKey(campaign.id, r.item.entityRef));
  const selectedCount = keys.filter(k => selected.has(k)).length;

  return (
    <Card
      variant="outlined"
      component="section"
      aria-labelledby={headingId}
      data-testid={`campaign-group-${campaign.id}`}
    >
      <CardContent>
        <Stack spacing={1.5}>
          <Stack
            direction="row"
            spacing={1}
            alignItems="center"
            flexWrap="wrap"
          >
            <Typography id={headingId} variant="h6" component="h3">
              <Link
                component={RouterLink}
                to={campaignLink({ id: String(campaign.id) })}
              >
                {campaign.title}
              </Link>
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {t('pendingAttestations.due', {
                date: (
                  <time dateTime={campaign.dueAt}>
                    {formatDay(campaign.dueAt)}
                  </time>
                ),
              })}
            </Typography>
            {campaign.overdue && <CampaignStateChip state="open" overdue />}
          </Stack>
          <Box sx={{ typography: 'body2' }}>
            <Instructions campaignId={campaign.id} />
          </Box>
          <Table
            size="small"
            aria-label={t('pendingAttestations.tableLabel', {
              campaign: campaign.title,
            })}
          >
            <TableHead>
              <TableRow>
                <TableCell padding="checkbox">
                  <Checkbox
                    checked={selectedCount === keys.length && keys.length > 0}
                    indeterminate={
                      selectedCount > 0 && selectedCount < keys.length
                    }
                    onChange={e => onSelect(keys, e.target.checked)}
                    disabled={busy}
                    inputProps={{
                      'aria-label': t('pendingAttestations.selectAll', {
                        campaign: campaign.title,
                      }),
                    }}
                  />
                </TableCell>
                <TableCell>{t('pendingAttestations.columns.entity')}</TableCell>
                <TableCell>{t('pendingAttestations.columns.team')}</TableCell>
                <TableCell>
                  {t('pendingAttestations.columns.findings')}
                </TableCell>
                <TableCell>{t('pendingAttestations.columns.answer')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map(({ item }) => {
                const key = selectionKey(campaign.id, item.entityRef);
                return (
                  <TableRow
                    key={key}
                    selected={selected.has(key)}
                    data-testid={`pending-${item.entityRef}`}
                  >
                    <TableCell padding="checkbox">
                      <Checkbox
                        checked={selected.has(key)}
                        onChange={e => onSelect([key], e.target.checked)}
                        disabled={busy}
                        inputProps={{
                          'aria-label': t('pendingAttestations.select', {
                            entity: item.entityRef,
                          }),
                        }}
                      />
                    </TableCell>
                    <TableCell>
                      <EntityRefLink entityRef={item.entityRef}>
                        {item.title}
                      </EntityRefLink>
                      <Typography
                        variant="caption"
                        color="text.secondary"
                        component="div"
                      >
                        {item.entityRef}
                      </Typography>
                    </TableCell>
                    <TableCell>
                      <EntityRefLink entityRef={item.team} defaultKind="group">
                        {item.teamTitle}
                      </EntityRefLink>
                    </TableCell>
                    <TableCell>
                      <Findings item={item} />
                    </TableCell>
                    <TableCell>
                      <AnswerActions
                        campaignId={campaign.id}
                        item={item}
                        disabled={busy}
                        onAnswered={attestation =>
                          onAnswered(item, attestation)
                        }
                      />
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </Stack>
      </CardContent>
    </Card>
  );
}
