import type {
  Attestation,
  AttestationAnswer,
  CampaignScope,
  CampaignState,
  OwnershipDispute,
} from '@ownership-portal/plugin-ownership-common';

/** A campaign as stored, without its progress. */
export interface CampaignRecord {
  id: number;
  title: string;
  instructions: string;
  scope: CampaignScope;
  state: CampaignState;
  opensAt: string;
  dueAt: string;
  createdBy: string;
  createdAt: string;
  openedAt?: string;
  closedAt?: string;
  closedBy?: string;
  digest?: string;
}

/** A new campaign, checked. */
export interface NewCampaign {
  title: string;
  instructions: string;
  scope: CampaignScope;
  opensAt: Date;
  dueAt: Date;
  createdBy: string;
  /** The creator's ref and the request's `Idempotency-Key`. */
  idempotencyKey?: string;
}

/** Changes to a scheduled campaign, checked. */
export interface CampaignChanges {
  title?: string;
  instructions?: string;
  scope?: CampaignScope;
  opensAt?: Date;
  dueAt?: Date;
}

/** One entity of the population, as snapshotted when the campaign opens. */
export interface SnapshotItem {
  entityRef: string;
  kind: string;
  title: string;
  /** The owner at opening: the ref it resolved to, else as written. */
  team: string;
  teamTitle?: string;
  /** Rule ids of the latest run's findings for it. */
  findings: string[];
  editUrl?: string;
}

/** One item of a campaign as stored. */
export interface ItemRecord extends SnapshotItem {
  campaignId: number;
  goneAt?: string;
  ownerAtClosing?: string;
  current?: Attestation;
  /** Answers recorded, the current one included. */
  answers: number;
}

/** A new answer, checked. */
export interface NewAttestation {
  campaignId: number;
  entityRef: string;
  answer: AttestationAnswer;
  transferTo?: string;
  reason?: string;
  comment?: string;
  actor: string;
  /** The actor's ref and the request's `Idempotency-Key`. */
  idempotencyKey?: string;
}

/** Filters of an item listing. */
export interface ItemFilter {
  teams?: string[];
  answer?: AttestationAnswer;
  /** `true`: unanswered only; `false`: answered only. */
  pending?: boolean;
  entityRef?: string;
  /** Leaves out items whose entity left the catalog. */
  present?: boolean;
}

/** The counting view of one item: what progress is computed from. */
export interface ItemState {
  entityRef: string;
  team: string;
  teamTitle?: string;
  answer?: AttestationAnswer;
  gone: boolean;
}

/** An open `transfer` or `not-ours` answer, for `owner.disputed`. */
export interface Dispute extends OwnershipDispute {
  entityRef: string;
}

/**
 * Storage of campaigns, their snapshots and their append-only answers.
 * Every write is one transaction; a write to a campaign that is not in the
 * state it needs throws a `ConflictError` and changes nothing.
 */
export interface CampaignStore {
  /** Stores a scheduled campaign; with a known idempotency key, answers the stored one and `created: false`. */
  create(
    campaign: NewCampaign,
  ): Promise<{ campaign: CampaignRecord; created: boolean }>;
  get(id: number): Promise<CampaignRecord | undefined>;
  /** Newest opening date first; `afterId` continues after that campaign. */
  list(options: {
    state?: CampaignState;
    limit: number;
    after?: { opensAt: string; id: number };
  }): Promise<CampaignRecord[]>;
  /** Changes a scheduled campaign. */
  update(id: number, changes: CampaignChanges): Promise<CampaignRecord>;
  /**
   * Opens a scheduled campaign with its population, once: of two callers,
   * one opens it and the other gets `undefined`.
   */
  open(
    id: number,
    items: SnapshotItem[],
    openedAt: Date,
  ): Promise<CampaignRecord | undefined>;
  /** Marks items whose entity left the catalog; only while open. */
  markGone(id: number, entityRefs: string[], at: Date): Promise<number>;
  /**
   * Closes an open campaign: records each item's owner at closing, the
   * digest of the evidence, who closed it and when.
   */
  close(
    id: number,
    options: {
      closedAt: Date;
      closedBy?: string;
      ownersAtClosing: Map<string, string | undefined>;
      digest: (
        campaign: CampaignRecord,
        items: ItemRecord[],
        history: Attestation[],
      ) => string;
    },
  ): Promise<CampaignRecord>;
  /** Appends an answer; with a known idempotency key, answers the stored one and `created: false`. */
  attest(
    attestation: NewAttestation,
  ): Promise<{ attestation: Attestation; created: boolean }>;
  getItem(id: number, entityRef: string): Promise<ItemRecord | undefined>;
  /** Items by entity ref; `after` continues after that ref. */
  listItems(
    id: number,
    filter: ItemFilter,
    page: { limit: number; after?: string },
  ): Promise<ItemRecord[]>;
  /** Every item's counting view, for progress. */
  itemStates(id: number): Promise<ItemState[]>;
  /** An item's answers, oldest first; all of the campaign's without `entityRef`. */
  history(id: number, entityRef?: string): Promise<Attestation[]>;
  /** Campaigns whose opening date has come and which are still scheduled. */
  dueToOpen(now: Date): Promise<CampaignRecord[]>;
  /** Open campaigns. */
  openCampaigns(): Promise<CampaignRecord[]>;
  /** Pending items of open campaigns, owned by one of `teams` (or of `entityRef`), of one campaign or all. */
  pendingItems(
    filter: { teams?: string[]; entityRef?: string; campaignId?: number },
    page: {
      limit: number;
      after?: { dueAt: string; campaignId: number; entityRef: string };
    },
  ): Promise<Array<{ campaign: CampaignRecord; item: ItemRecord }>>;
  /** Current `transfer` and `not-ours` answers of open and closed campaigns. */
  disputes(): Promise<Dispute[]>;
  /**
   * Claims sending a notice: true for the first caller for this campaign,
   * recipient and occasion, ever; false afterwards.
   */
  claimNotice(
    id: number,
    recipient: string,
    occasion: string,
    at: Date,
  ): Promise<boolean>;
  /** Gives a claim back after the notice could not be sent. */
  releaseNotice(id: number, recipient: string, occasion: string): Promise<void>;
}
