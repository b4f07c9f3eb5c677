import { createHash } from 'node:crypto';
import type {
  Attestation,
  EvidenceCampaign,
  EvidenceRow,
} from '@ownership-portal/plugin-ownership-common';
import type { CampaignRecord, ItemRecord } from '../../database/campaignTypes';
import { csvLine } from '../export/csv';

/** JSON with object keys sorted at every depth and no whitespace. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => Number(a > b) - Number(a < b));
    return `{${entries
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The campaign's facts that the evidence covers. */
export function evidenceCampaign(campaign: CampaignRecord): EvidenceCampaign {
  return {
    id: campaign.id,
    title: campaign.title,
    instructions: campaign.instructions,
    scope: campaign.scope,
    opensAt: campaign.opensAt,
    dueAt: campaign.dueAt,
    createdBy: campaign.createdBy,
    ...(campaign.openedAt && { openedAt: campaign.openedAt }),
    ...(campaign.closedAt && { closedAt: campaign.closedAt }),
    ...(campaign.closedBy && { closedBy: campaign.closedBy }),
  };
}

/** One row per item, by entity ref, with its whole history. */
export function evidenceRows(
  items: ItemRecord[],
  history: Attestation[],
): EvidenceRow[] {
  const byItem = new Map<string, Attestation[]>();
  for (const answer of history) {
    byItem.set(answer.entityRef, [
      ...(byItem.get(answer.entityRef) ?? []),
      answer,
    ]);
  }
  return [...items]
    .sort((a, b) => (a.entityRef < b.entityRef ? -1 : 1))
    .map(item => {
      const answers = (byItem.get(item.entityRef) ?? []).sort(
        (a, b) => a.id - b.id,
      );
      const current = answers[answers.length - 1];
      return {
        entityRef: item.entityRef,
        ownerAtOpening: item.team,
        ...(item.ownerAtClosing && { ownerAtClosing: item.ownerAtClosing }),
        gone: item.goneAt !== undefined,
        ...(current && {
          answer: current.answer,
          ...(current.transferTo && { transferTo: current.transferTo }),
          ...(current.reason && { reason: current.reason }),
          by: current.by,
          at: current.at,
          ...(current.comment && { comment: current.comment }),
        }),
        earlierAnswers: Math.max(0, answers.length - 1),
        history: answers,
      };
    });
}

/**
 * The SHA-256 (hex) of the canonical JSON of `{ campaign, rows }`: what
 * closing records and what verifying recomputes from the stored record.
 */
export function evidenceDigest(
  campaign: CampaignRecord,
  items: ItemRecord[],
  history: Attestation[],
): string {
  return createHash('sha256')
    .update(
      canonicalJson({
        campaign: evidenceCampaign(campaign),
        rows: evidenceRows(items, history),
      }),
    )
    .digest('hex');
}

const CSV_HEADER = [
  'entity',
  'owner_at_opening',
  'owner_at_closing',
  'gone',
  'answer',
  'transfer_to',
  'reason',
  'by',
  'at',
  'comment',
  'earlier_answers',
];

/** The rows as CSV, one line per item, with a header line. */
export function evidenceCsv(rows: EvidenceRow[]): string {
  return [
    csvLine(CSV_HEADER),
    ...rows.map(row =>
      csvLine([
        row.entityRef,
        row.ownerAtOpening,
        row.ownerAtClosing,
        row.gone ? 'yes' : 'no',
        row.answer,
        row.transferTo,
        row.reason,
        row.by,
        row.at,
        row.comment,
        row.earlierAnswers,
      ]),
    ),
  ].join('');
}
