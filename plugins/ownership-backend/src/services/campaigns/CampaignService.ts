import { createHash } from 'node:crypto';
import type {
  AuthService,
  BackstageCredentials,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  type Attestation,
  type AttestationAnswer,
  type AttestationInput,
  type Campaign,
  type CampaignDetails,
  type CampaignEvidence,
  type CampaignInput,
  type CampaignItem,
  type CampaignUpdate,
  type EvidenceVerification,
  ownershipAttestationCreatePermission,
  ownershipSummaryReadPermission,
  type PendingAttestation,
} from '@ownership-portal/plugin-ownership-common';
import type {
  CampaignRecord,
  CampaignStore,
  ItemRecord,
  ItemState,
} from '../../database/campaignTypes';
import type { CatalogVisibility } from '../query/CatalogVisibility';
import {
  evidenceCampaign,
  evidenceCsv,
  evidenceDigest,
  evidenceRows,
} from './evidence';
import { fullRef } from './fullRef';
import { ownersAtClosing } from './ownersAtClosing';
import { campaignProgress, teamProgress } from './progress';
import { normaliseScope } from './scope';
import { type SnapshotDeps, takeSnapshot } from './snapshot';
import type { UserTeams } from './UserTeams';

/** The most items read from the store at once, for evidence and closing. */
const EVIDENCE_PAGE = 2_000;

/**
 * A client's `Idempotency-Key` scoped to its caller, so that two callers'
 * keys never meet, hashed to fit the column whatever the ref's length.
 */
function scopedKey(actor: string, key: string): string {
  return createHash('sha256').update(`${actor}\n${key}`).digest('hex');
}

/** Who calls, as the campaign record names them. */
export function actorOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  return principal.userEntityRef ?? `service:${principal.subject ?? 'unknown'}`;
}

function parseDate(value: string, field: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new InputError(`Invalid ${field}: "${value}" is not a date-time`);
  }
  return date;
}

function checkDates(opensAt: Date, dueAt: Date) {
  if (dueAt.getTime() <= opensAt.getTime()) {
    throw new InputError(
      `Invalid dueAt: ${dueAt.toISOString()} must be after opensAt (${opensAt.toISOString()})`,
    );
  }
}

/**
 * Audit campaigns: creating and editing them, answers, progress and
 * evidence. Everything about an entity follows the catalog's read permission
 * for the caller; a hidden item answers exactly like a missing one.
 */
export class CampaignService {
  static create(deps: {
    store: CampaignStore;
    catalog: CatalogService;
    auth: AuthService;
    visibility: CatalogVisibility;
    permissions: PermissionsService;
    userTeams: UserTeams;
    /** What the snapshot of a campaign's population reads when it opens. */
    snapshot: SnapshotDeps;
    logger: LoggerService;
    /** Grace after the due date before a campaign closes by itself. */
    closeAfterDueMs: number;
    now?: () => Date;
  }) {
    return new CampaignService({ now: () => new Date(), ...deps });
  }

  private constructor(
    private readonly deps: Parameters<typeof CampaignService.create>[0] & {
      now: () => Date;
    },
  ) {}

  /** When a campaign closes by itself. */
  closesAt(campaign: CampaignRecord): Date {
    return new Date(Date.parse(campaign.dueAt) + this.deps.closeAfterDueMs);
  }

  async createCampaign(
    input: CampaignInput,
    credentials: BackstageCredentials,
    idempotencyKey?: string,
  ): Promise<{ campaign: Campaign; created: boolean }> {
    const title = input.title.trim();
    if (!title) {
      throw new InputError('Invalid title: it must not be blank');
    }
    const opensAt = parseDate(input.opensAt, 'opensAt');
    const dueAt = parseDate(input.dueAt, 'dueAt');
    checkDates(opensAt, dueAt);
    const actor = actorOf(credentials);
    const { campaign: stored, created } = await this.deps.store.create({
      title,
      instructions: input.instructions ?? '',
      scope: normaliseScope(input.scope),
      opensAt,
      dueAt,
      createdBy: actor,
      ...(idempotencyKey && {
        idempotencyKey: scopedKey(actor, idempotencyKey),
      }),
    });
    // A campaign whose opening date has passed opens at once rather than
    // at the next tick.
    const campaign =
      created && opensAt.getTime() <= this.deps.now().getTime()
        ? (await this.open(stored.id)) ?? stored
        : stored;
    return { campaign: await this.view(campaign, credentials), created };
  }

  /**
   * Opens a scheduled campaign with the catalog as it is now, once across
   * replicas; `undefined` when it was not scheduled or another opened it.
   */
  async open(id: number): Promise<CampaignRecord | undefined> {
    const campaign = await this.deps.store.get(id);
    if (!campaign || campaign.state !== 'scheduled') {
      return undefined;
    }
    const items = await takeSnapshot(this.deps.snapshot, campaign.scope);
    const opened = await this.deps.store.open(id, items, this.deps.now());
    if (opened) {
      this.deps.logger.info(
        `Ownership campaign ${id} "${campaign.title}" opened with ${items.length} item(s)`,
      );
    }
    return opened;
  }

  async updateCampaign(
    id: number,
    changes: CampaignUpdate,
    credentials: BackstageCredentials,
  ): Promise<Campaign> {
    const campaign = await this.require(id);
    if (campaign.state !== 'scheduled') {
      throw new ConflictError(
        `Cannot edit campaign ${id}: it is ${campaign.state}; only a scheduled campaign can be edited`,
      );
    }
    const title = changes.title?.trim();
    if (title === '') {
      throw new InputError('Invalid title: it must not be blank');
    }
    const opensAt =
      changes.opensAt !== undefined
        ? parseDate(changes.opensAt, 'opensAt')
        : undefined;
    const dueAt =
      changes.dueAt !== undefined
        ? parseDate(changes.dueAt, 'dueAt')
        : undefined;
    checkDates(
      opensAt ?? new Date(campaign.opensAt),
      dueAt ?? new Date(campaign.dueAt),
    );
    const updated = await this.deps.store.update(id, {
      ...(title !== undefined && { title }),
      ...(changes.instructions !== undefined && {
        instructions: changes.instructions,
      }),
      ...(changes.scope !== undefined && {
        scope: normaliseScope(changes.scope),
      }),
      ...(opensAt && { opensAt }),
      ...(dueAt && { dueAt }),
    });
    return this.view(updated, credentials);
  }

  async listCampaigns(
    options: {
      state?: Campaign['state'];
      limit: number;
      after?: { opensAt: string; id: number };
    },
    credentials: BackstageCredentials,
  ): Promise<Campaign[]> {
    const records = await this.deps.store.list(options);
    return Promise.all(records.map(record => this.view(record, credentials)));
  }

  async getCampaign(
    id: number,
    credentials: BackstageCredentials,
  ): Promise<CampaignDetails> {
    const campaign = await this.require(id);
    const states = await this.visibleStates(campaign, credentials);
    const readableTeams = await this.deps.visibility.readable(
      [...new Set(states.map(s => s.team))],
      credentials,
    );
    return {
      ...this.toCampaign(campaign, states),
      teams: teamProgress(states, this.isOverdue(campaign)).filter(
        // Owners that are not entities (as written, unresolved) are no
        // entity to hide; a Group the caller may not read is left out.
        team => readableTeams.has(team.team) || !team.team.includes(':'),
      ),
    };
  }

  async listItems(
    id: number,
    filter: {
      team?: string;
      answer?: AttestationAnswer;
      pending?: boolean;
    },
    page: { limit: number; after?: string },
    credentials: BackstageCredentials,
  ): Promise<{ items: CampaignItem[]; last?: string }> {
    await this.require(id);
    const teams = filter.team
      ? [filter.team.toLocaleLowerCase('en-US')]
      : undefined;
    // Pages are read until one holds enough readable items, so a page
    // never says anything about hidden ones.
    const items: CampaignItem[] = [];
    let after = page.after;
    for (;;) {
      const batch = await this.deps.store.listItems(
        id,
        {
          ...(teams && { teams }),
          ...(filter.answer && { answer: filter.answer }),
          ...(filter.pending !== undefined && { pending: filter.pending }),
        },
        { limit: page.limit, ...(after !== undefined && { after }) },
      );
      const visible = await this.visible(
        batch,
        credentials,
        item => item.goneAt !== undefined,
      );
      items.push(
        ...(await this.withReadableTargets(
          visible.map(toCampaignItem),
          credentials,
        )),
      );
      if (batch.length < page.limit || items.length >= page.limit) {
        const kept = items.slice(0, page.limit);
        const more = batch.length === page.limit || items.length > page.limit;
        return {
          items: kept,
          ...(more &&
            kept.length > 0 && {
              last: kept[kept.length - 1].entityRef,
            }),
        };
      }
      after = batch[batch.length - 1].entityRef;
    }
  }

  async attest(
    id: number,
    input: AttestationInput,
    credentials: BackstageCredentials,
    idempotencyKey?: string,
  ): Promise<{ attestation: Attestation; created: boolean }> {
    const campaign = await this.require(id);
    const principal = credentials.principal as { userEntityRef?: string };
    if (!principal.userEntityRef) {
      throw new NotAllowedError(
        'Answering in a campaign needs a signed-in user; service credentials cannot attest',
      );
    }
    const entityRef = fullRef(input.entityRef, 'entityRef', 'component');
    const item = (await this.deps.visibility.canRead(entityRef, credentials))
      ? await this.deps.store.getItem(id, entityRef)
      : undefined;
    if (!item) {
      throw new NotFoundError(`Campaign ${id} has no item "${entityRef}"`);
    }
    if (campaign.state !== 'open') {
      throw new ConflictError(
        `Cannot record an answer: campaign ${id} is ${campaign.state}`,
      );
    }
    const details = await this.checkAnswer(input, item, credentials);
    const [decision] = await this.deps.permissions.authorize(
      [
        {
          permission: ownershipAttestationCreatePermission,
          resourceRef: entityRef,
        },
      ],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Answering for ${entityRef} needs the permission ${ownershipAttestationCreatePermission.name}`,
      );
    }
    return this.deps.store.attest({
      campaignId: id,
      entityRef,
      answer: input.answer,
      ...details,
      actor: principal.userEntityRef,
      ...(idempotencyKey && {
        idempotencyKey: scopedKey(principal.userEntityRef, idempotencyKey),
      }),
    });
  }

  async history(
    id: number,
    entity: string,
    credentials: BackstageCredentials,
  ): Promise<Attestation[]> {
    await this.require(id);
    const entityRef = fullRef(entity, 'entity', 'component');
    const item = (await this.deps.visibility.canRead(entityRef, credentials))
      ? await this.deps.store.getItem(id, entityRef)
      : undefined;
    if (!item) {
      throw new NotFoundError(`Campaign ${id} has no item "${entityRef}"`);
    }
    const history = await this.deps.store.history(id, entityRef);
    const readable = await this.readableTargets(history, credentials);
    return history.map(a => withoutHiddenTarget(a, readable));
  }

  /**
   * Unanswered items of open campaigns: of one entity, of one team, or
   * those the caller's teams own (a member of a sub-group answers for the
   * parent too); of one campaign or of all.
   */
  async pending(
    options: {
      entity?: string;
      team?: string;
      campaign?: number;
      limit: number;
      after?: { dueAt: string; campaignId: number; entityRef: string };
    },
    credentials: BackstageCredentials,
  ): Promise<{ items: PendingAttestation[]; last?: PendingAttestation }> {
    const owners = options.team
      ? { teams: [fullRef(options.team, 'team', 'group')] }
      : { teams: await this.deps.userTeams.teamsOf(credentials) };
    const filter = {
      ...(options.entity
        ? { entityRef: fullRef(options.entity, 'entity', 'component') }
        : owners),
      ...(options.campaign !== undefined && { campaignId: options.campaign }),
    };
    const now = this.deps.now();
    const items: PendingAttestation[] = [];
    let after = options.after;
    for (;;) {
      const batch = await this.deps.store.pendingItems(filter, {
        limit: options.limit,
        ...(after && { after }),
      });
      const readable = await this.deps.visibility.readable(
        batch.map(b => b.item.entityRef),
        credentials,
      );
      for (const { campaign, item } of batch) {
        if (readable.has(item.entityRef)) {
          items.push({
            campaign: {
              id: campaign.id,
              title: campaign.title,
              dueAt: campaign.dueAt,
              overdue: now.getTime() >= Date.parse(campaign.dueAt),
            },
            item: toCampaignItem(item),
          });
        }
      }
      if (batch.length < options.limit || items.length >= options.limit) {
        const kept = items.slice(0, options.limit);
        const more =
          batch.length === options.limit || items.length > options.limit;
        return {
          items: kept,
          ...(more && kept.length > 0 && { last: kept[kept.length - 1] }),
        };
      }
      const last = batch[batch.length - 1];
      after = {
        dueAt: last.campaign.dueAt,
        campaignId: last.campaign.id,
        entityRef: last.item.entityRef,
      };
    }
  }

  /** Closes an open campaign; `closedBy` is absent when it closes by itself. */
  async close(id: number, closedBy?: string): Promise<CampaignRecord> {
    const campaign = await this.require(id);
    if (campaign.state !== 'open') {
      throw new ConflictError(
        campaign.state === 'closed'
          ? `Campaign ${id} is already closed (since ${campaign.closedAt}); a closed campaign never changes`
          : `Campaign ${id} has not opened yet (it opens ${campaign.opensAt})`,
      );
    }
    const refs = (await this.allItems(id)).map(item => item.entityRef);
    return this.deps.store.close(id, {
      closedAt: this.deps.now(),
      ...(closedBy && { closedBy }),
      ownersAtClosing: await ownersAtClosing(
        this.deps.catalog,
        this.deps.auth,
        refs,
      ),
      digest: evidenceDigest,
    });
  }

  /** The closed or open campaign as a view, for the close route's answer. */
  async view(
    campaign: CampaignRecord,
    credentials: BackstageCredentials,
  ): Promise<Campaign> {
    return this.toCampaign(
      campaign,
      await this.visibleStates(campaign, credentials),
    );
  }

  async evidence(
    id: number,
    credentials: BackstageCredentials,
  ): Promise<CampaignEvidence> {
    const campaign = await this.require(id);
    const items = await this.allItems(id);
    const history = await this.deps.store.history(id);
    const visibleItems = await this.visible(
      items,
      credentials,
      item => item.goneAt !== undefined,
    );
    const shown = new Set(visibleItems.map(i => i.entityRef));
    const visibleHistory = history.filter(h => shown.has(h.entityRef));
    const targets = await this.readableTargets(visibleHistory, credentials);
    const rows = evidenceRows(
      visibleItems,
      visibleHistory.map(a => withoutHiddenTarget(a, targets)),
    );
    return {
      campaign: evidenceCampaign(campaign),
      rows,
      algorithm: 'sha256',
      digest: evidenceDigest(campaign, items, history),
      ...(campaign.digest && { recordedDigest: campaign.digest }),
    };
  }

  async evidenceCsv(
    id: number,
    credentials: BackstageCredentials,
  ): Promise<string> {
    return evidenceCsv((await this.evidence(id, credentials)).rows);
  }

  async verify(id: number): Promise<EvidenceVerification> {
    const campaign = await this.require(id);
    if (campaign.state !== 'closed' || !campaign.digest) {
      throw new ConflictError(
        `Campaign ${id} is ${campaign.state}: a digest is recorded when it closes`,
      );
    }
    const computed = evidenceDigest(
      campaign,
      await this.allItems(id),
      await this.deps.store.history(id),
    );
    return {
      campaignId: id,
      algorithm: 'sha256',
      recordedDigest: campaign.digest,
      computedDigest: computed,
      matches: computed === campaign.digest,
    };
  }

  /** The Groups named by transfers that the caller may read. */
  private async readableTargets(
    answers: Array<Pick<Attestation, 'transferTo'>>,
    credentials: BackstageCredentials,
  ): Promise<Set<string>> {
    const targets = answers.flatMap(a => (a.transferTo ? [a.transferTo] : []));
    return targets.length
      ? this.deps.visibility.readable(targets, credentials)
      : new Set();
  }

  private async withReadableTargets(
    items: CampaignItem[],
    credentials: BackstageCredentials,
  ): Promise<CampaignItem[]> {
    const readable = await this.readableTargets(
      items.flatMap(i => (i.current ? [i.current] : [])),
      credentials,
    );
    return items.map(item =>
      item.current
        ? { ...item, current: withoutHiddenTarget(item.current, readable) }
        : item,
    );
  }

  private async require(id: number): Promise<CampaignRecord> {
    const campaign = await this.deps.store.get(id);
    if (!campaign) {
      throw new NotFoundError(`No campaign with id ${id}`);
    }
    return campaign;
  }

  private async allItems(id: number): Promise<ItemRecord[]> {
    const items: ItemRecord[] = [];
    for (;;) {
      const batch = await this.deps.store.listItems(
        id,
        {},
        {
          limit: EVIDENCE_PAGE,
          ...(items.length > 0 && { after: items[items.length - 1].entityRef }),
        },
      );
      items.push(...batch);
      if (batch.length < EVIDENCE_PAGE) {
        return items;
      }
    }
  }

  /**
   * The items the caller may count: all of them for callers with
   * `ownership.summary.read` (organisation-wide figures), else the readable ones.
   */
  private async visibleStates(
    campaign: CampaignRecord,
    credentials: BackstageCredentials,
  ): Promise<ItemState[]> {
    if (campaign.state === 'scheduled') {
      return [];
    }
    return this.visible(
      await this.deps.store.itemStates(campaign.id),
      credentials,
    );
  }

  /**
   * The items the caller may see: those the catalog lets them read, and for
   * callers with `ownership.summary.read` (organisation-wide figures) also
   * the ones whose entity has left the catalog, which nobody can read there
   * any more but which stay in the record.
   */
  private async visible<T extends { entityRef: string }>(
    items: T[],
    credentials: BackstageCredentials,
    isGone: (item: T) => boolean = item =>
      (item as { gone?: boolean }).gone === true,
  ): Promise<T[]> {
    if (items.length === 0) {
      return items;
    }
    const [readable, [decision]] = await Promise.all([
      this.deps.visibility.readable(
        items.map(i => i.entityRef),
        credentials,
      ),
      this.deps.permissions.authorize(
        [{ permission: ownershipSummaryReadPermission }],
        { credentials },
      ),
    ]);
    const auditor = decision.result === AuthorizeResult.ALLOW;
    return items.filter(
      item => readable.has(item.entityRef) || (auditor && isGone(item)),
    );
  }

  private isOverdue(campaign: CampaignRecord): boolean {
    return (
      campaign.state === 'open' &&
      this.deps.now().getTime() >= Date.parse(campaign.dueAt)
    );
  }

  private toCampaign(campaign: CampaignRecord, states: ItemState[]): Campaign {
    return {
      ...campaign,
      closesAt: this.closesAt(campaign).toISOString(),
      overdue: this.isOverdue(campaign),
      progress: campaignProgress(states),
    };
  }

  /** The answer's own fields, checked; an `InputError` names the field. */
  private async checkAnswer(
    input: AttestationInput,
    item: ItemRecord,
    credentials: BackstageCredentials,
  ): Promise<{ transferTo?: string; reason?: string; comment?: string }> {
    const comment = input.comment?.trim() || undefined;
    if (input.answer !== 'transfer' && input.transferTo !== undefined) {
      throw new InputError(
        `Invalid transferTo: only a "transfer" answer names a Group, not "${input.answer}"`,
      );
    }
    if (input.answer === 'not-ours') {
      const reason = input.reason?.trim();
      if (!reason) {
        throw new InputError(
          'Invalid reason: a "not-ours" answer needs a reason',
        );
      }
      return { reason, ...(comment && { comment }) };
    }
    const reason = input.reason?.trim() || undefined;
    if (input.answer !== 'transfer') {
      return { ...(reason && { reason }), ...(comment && { comment }) };
    }
    if (!input.transferTo) {
      throw new InputError(
        'Invalid transferTo: a "transfer" answer names the Group that owns it',
      );
    }
    const transferTo = fullRef(input.transferTo, 'transferTo', 'group');
    const group = transferTo.startsWith('group:')
      ? await this.deps.catalog.getEntityByRef(transferTo, { credentials })
      : undefined;
    if (!group) {
      throw new InputError(
        `Invalid transferTo: "${transferTo}" is not a Group in the catalog`,
      );
    }
    if (transferTo === item.team) {
      throw new InputError(
        `Invalid transferTo: "${transferTo}" owns it already; answer "confirm" instead`,
      );
    }
    return {
      transferTo,
      ...(reason && { reason }),
      ...(comment && { comment }),
    };
  }
}

/** An answer without the Group it names when the caller may not read that Group. */
function withoutHiddenTarget(
  answer: Attestation,
  readable: Set<string>,
): Attestation {
  if (!answer.transferTo || readable.has(answer.transferTo)) {
    return answer;
  }
  const { transferTo: _hidden, ...rest } = answer;
  return rest;
}

/** The API's view of a stored item. */
function toCampaignItem(item: ItemRecord): CampaignItem {
  const { goneAt, ...rest } = item;
  return { ...rest, gone: goneAt !== undefined };
}
