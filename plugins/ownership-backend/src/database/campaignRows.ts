import type {
  Attestation,
  AttestationAnswer,
  CampaignScope,
  CampaignState,
} from '@ownership-portal/plugin-ownership-common';
import type { CampaignRecord, ItemRecord } from './campaignTypes';
import { toIso } from './rows';

export const CAMPAIGNS = 'ownership_campaigns';
export const ITEMS = 'ownership_campaign_items';
export const ATTESTATIONS = 'ownership_attestations';
export const NOTICES = 'ownership_campaign_notices';

type Timestamp = Date | string | number;

export interface CampaignRow {
  id: number | string;
  title: string;
  instructions: string;
  scope: string;
  state: CampaignState;
  opens_at: Timestamp;
  due_at: Timestamp;
  created_by: string;
  created_at: Timestamp;
  opened_at: Timestamp | null;
  closed_at: Timestamp | null;
  closed_by: string | null;
  digest: string | null;
  idempotency_key: string | null;
}

export interface ItemRow {
  campaign_id: number | string;
  entity_ref: string;
  kind: string;
  title: string;
  team: string;
  team_title: string | null;
  findings: string;
  edit_url: string | null;
  gone_at: Timestamp | null;
  owner_at_closing: string | null;
  current_id: number | string | null;
  current_answer: AttestationAnswer | null;
  answers: number | string;
}

export interface AttestationRow {
  id: number | string;
  campaign_id: number | string;
  entity_ref: string;
  team: string;
  answer: AttestationAnswer;
  transfer_to: string | null;
  reason: string | null;
  comment: string | null;
  actor: string;
  created_at: Timestamp;
  idempotency_key: string | null;
}

/** Columns of a current attestation joined onto an item row, prefixed `a_`. */
export const CURRENT_COLUMNS = [
  'a.id as a_id',
  'a.team as a_team',
  'a.answer as a_answer',
  'a.transfer_to as a_transfer_to',
  'a.reason as a_reason',
  'a.comment as a_comment',
  'a.actor as a_actor',
  'a.created_at as a_created_at',
];

export type ItemWithCurrentRow = ItemRow & {
  a_id: number | string | null;
  a_team: string | null;
  a_answer: AttestationAnswer | null;
  a_transfer_to: string | null;
  a_reason: string | null;
  a_comment: string | null;
  a_actor: string | null;
  a_created_at: Timestamp | null;
};

export function toCampaignRecord(row: CampaignRow): CampaignRecord {
  return {
    id: Number(row.id),
    title: row.title,
    instructions: row.instructions,
    scope: JSON.parse(row.scope) as CampaignScope,
    state: row.state,
    opensAt: toIso(row.opens_at),
    dueAt: toIso(row.due_at),
    createdBy: row.created_by,
    createdAt: toIso(row.created_at),
    ...(row.opened_at !== null && { openedAt: toIso(row.opened_at) }),
    ...(row.closed_at !== null && { closedAt: toIso(row.closed_at) }),
    ...(row.closed_by !== null && { closedBy: row.closed_by }),
    ...(row.digest !== null && { digest: row.digest }),
  };
}

export function toAttestation(row: AttestationRow): Attestation {
  return {
    id: Number(row.id),
    campaignId: Number(row.campaign_id),
    entityRef: row.entity_ref,
    team: row.team,
    answer: row.answer,
    ...(row.transfer_to !== null && { transferTo: row.transfer_to }),
    ...(row.reason !== null && { reason: row.reason }),
    ...(row.comment !== null && { comment: row.comment }),
    by: row.actor,
    at: toIso(row.created_at),
  };
}

export function toItemRecord(row: ItemWithCurrentRow): ItemRecord {
  const current: Attestation | undefined =
    row.a_id === null || row.a_id === undefined
      ? undefined
      : toAttestation({
          id: row.a_id,
          campaign_id: row.campaign_id,
          entity_ref: row.entity_ref,
          team: row.a_team!,
          answer: row.a_answer!,
          transfer_to: row.a_transfer_to,
          reason: row.a_reason,
          comment: row.a_comment,
          actor: row.a_actor!,
          created_at: row.a_created_at!,
          idempotency_key: null,
        });
  return {
    campaignId: Number(row.campaign_id),
    entityRef: row.entity_ref,
    kind: row.kind,
    title: row.title,
    team: row.team,
    ...(row.team_title !== null && { teamTitle: row.team_title }),
    findings: JSON.parse(row.findings) as string[],
    ...(row.edit_url !== null && { editUrl: row.edit_url }),
    ...(row.gone_at !== null && { goneAt: toIso(row.gone_at) }),
    ...(row.owner_at_closing !== null && {
      ownerAtClosing: row.owner_at_closing,
    }),
    ...(current && { current }),
    answers: Number(row.answers),
  };
}
