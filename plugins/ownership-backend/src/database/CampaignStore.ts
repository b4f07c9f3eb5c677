import { ConflictError, NotFoundError } from '@backstage/errors';
import type {
  Attestation,
  CampaignState,
} from '@ownership-portal/plugin-ownership-common';
import type { Knex } from 'knex';
import {
  ATTESTATIONS,
  type AttestationRow,
  CAMPAIGNS,
  type CampaignRow,
  CURRENT_COLUMNS,
  ITEMS,
  type ItemWithCurrentRow,
  NOTICES,
  toAttestation,
  toCampaignRecord,
  toItemRecord,
} from './campaignRows';
import type {
  CampaignChanges,
  CampaignRecord,
  CampaignStore,
  Dispute,
  ItemFilter,
  ItemRecord,
  ItemState,
  NewAttestation,
  NewCampaign,
  SnapshotItem,
} from './campaignTypes';
import { isUniqueViolation } from './errors';
import { chunk, insertInBatches, MAX_IN_LIST, toIso } from './rows';

/** Why a write cannot happen in a campaign's state. */
function stateConflict(campaign: CampaignRecord, action: string) {
  const when: Record<CampaignState, string> = {
    scheduled: `has not opened yet (it opens ${campaign.opensAt})`,
    open: 'is already open',
    closed: `is closed (since ${campaign.closedAt}); a closed campaign never changes`,
  };
  return new ConflictError(
    `Cannot ${action}: campaign ${campaign.id} ${when[campaign.state]}`,
  );
}

/** {@link CampaignStore} on the plugin's SQL database (SQLite or PostgreSQL). */
export class DatabaseCampaignStore implements CampaignStore {
  /**
   * @param options.client - the plugin's database, migrated
   * @param options.now - the clock of `created_at`; the system time by default
   */
  static create(options: {
    client: Knex;
    now?: () => Date;
  }): DatabaseCampaignStore {
    return new DatabaseCampaignStore(
      options.client,
      options.now ?? (() => new Date()),
    );
  }

  private constructor(
    private readonly client: Knex,
    private readonly now: () => Date,
  ) {}

  async create(
    campaign: NewCampaign,
  ): Promise<{ campaign: CampaignRecord; created: boolean }> {
    if (campaign.idempotencyKey) {
      const known = await this.byKey(campaign.idempotencyKey);
      if (known) {
        return { campaign: known, created: false };
      }
    }
    try {
      const [row] = await this.client<CampaignRow>(CAMPAIGNS)
        .insert({
          title: campaign.title,
          instructions: campaign.instructions,
          scope: JSON.stringify(campaign.scope),
          state: 'scheduled',
          opens_at: campaign.opensAt,
          due_at: campaign.dueAt,
          created_by: campaign.createdBy,
          created_at: this.now(),
          idempotency_key: campaign.idempotencyKey ?? null,
        })
        .returning('*');
      return { campaign: toCampaignRecord(row), created: true };
    } catch (error) {
      // The same request twice at once: the second insert meets the first.
      const known =
        campaign.idempotencyKey && isUniqueViolation(error)
          ? await this.byKey(campaign.idempotencyKey)
          : undefined;
      if (known) {
        return { campaign: known, created: false };
      }
      throw error;
    }
  }

  async get(id: number): Promise<CampaignRecord | undefined> {
    const row = await this.client<CampaignRow>(CAMPAIGNS).where({ id }).first();
    return row && toCampaignRecord(row);
  }

  async list(options: {
    state?: CampaignState;
    limit: number;
    after?: { opensAt: string; id: number };
  }): Promise<CampaignRecord[]> {
    const query = this.client<CampaignRow>(CAMPAIGNS)
      .orderBy([
        { column: 'opens_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(options.limit);
    if (options.state) {
      query.where({ state: options.state });
    }
    const after = options.after;
    if (after) {
      const opensAt = new Date(after.opensAt);
      query.where(q =>
        q
          .where('opens_at', '<', opensAt)
          .orWhere(q2 =>
            q2.where('opens_at', '=', opensAt).andWhere('id', '<', after.id),
          ),
      );
    }
    return (await query).map(toCampaignRecord);
  }

  async update(id: number, changes: CampaignChanges): Promise<CampaignRecord> {
    return this.client.transaction(async trx => {
      const campaign = await this.lock(trx, id, 'update');
      if (campaign.state !== 'scheduled') {
        throw stateConflict(campaign, 'edit the campaign');
      }
      const row: Partial<CampaignRow> = {
        ...(changes.title !== undefined && { title: changes.title }),
        ...(changes.instructions !== undefined && {
          instructions: changes.instructions,
        }),
        ...(changes.scope !== undefined && {
          scope: JSON.stringify(changes.scope),
        }),
        ...(changes.opensAt !== undefined && { opens_at: changes.opensAt }),
        ...(changes.dueAt !== undefined && { due_at: changes.dueAt }),
      };
      if (Object.keys(row).length > 0) {
        await trx(CAMPAIGNS).where({ id }).update(row);
      }
      return toCampaignRecord(
        (await trx<CampaignRow>(CAMPAIGNS).where({ id }).first())!,
      );
    });
  }

  async open(
    id: number,
    items: SnapshotItem[],
    openedAt: Date,
  ): Promise<CampaignRecord | undefined> {
    return this.client.transaction(async trx => {
      // The state change is the claim: of two openers, one updates the row.
      const claimed = await trx(CAMPAIGNS)
        .where({ id, state: 'scheduled' })
        .update({ state: 'open', opened_at: openedAt });
      if (claimed !== 1) {
        return undefined;
      }
      await insertInBatches(
        trx,
        ITEMS,
        items.map(item => ({
          campaign_id: id,
          entity_ref: item.entityRef,
          kind: item.kind,
          title: item.title,
          team: item.team,
          team_title: item.teamTitle ?? null,
          findings: JSON.stringify(item.findings),
          edit_url: item.editUrl ?? null,
          answers: 0,
        })),
      );
      return toCampaignRecord(
        (await trx<CampaignRow>(CAMPAIGNS).where({ id }).first())!,
      );
    });
  }

  async markGone(id: number, entityRefs: string[], at: Date): Promise<number> {
    if (entityRefs.length === 0) {
      return 0;
    }
    return this.client.transaction(async trx => {
      const campaign = await this.lock(trx, id, 'share');
      if (campaign.state !== 'open') {
        return 0;
      }
      let marked = 0;
      for (const refs of chunk(entityRefs, MAX_IN_LIST)) {
        marked += await trx(ITEMS)
          .where({ campaign_id: id })
          .whereIn('entity_ref', refs)
          .whereNull('gone_at')
          .update({ gone_at: at });
      }
      return marked;
    });
  }

  async close(
    id: number,
    options: Parameters<CampaignStore['close']>[1],
  ): Promise<CampaignRecord> {
    return this.client.transaction(async trx => {
      const campaign = await this.lock(trx, id, 'update');
      if (campaign.state !== 'open') {
        throw stateConflict(campaign, 'close the campaign');
      }
      const byOwner = new Map<string | null, string[]>();
      const gone: string[] = [];
      for (const [ref, owner] of options.ownersAtClosing) {
        if (owner === undefined) {
          gone.push(ref);
        }
        const key = owner ?? null;
        byOwner.set(key, [...(byOwner.get(key) ?? []), ref]);
      }
      for (const [owner, refs] of byOwner) {
        for (const batch of chunk(refs, MAX_IN_LIST)) {
          await trx(ITEMS)
            .where({ campaign_id: id })
            .whereIn('entity_ref', batch)
            .update({ owner_at_closing: owner });
        }
      }
      for (const batch of chunk(gone, MAX_IN_LIST)) {
        await trx(ITEMS)
          .where({ campaign_id: id })
          .whereIn('entity_ref', batch)
          .whereNull('gone_at')
          .update({ gone_at: options.closedAt });
      }
      await trx(CAMPAIGNS)
        .where({ id })
        .update({
          state: 'closed',
          closed_at: options.closedAt,
          closed_by: options.closedBy ?? null,
        });
      const closed = toCampaignRecord(
        (await trx<CampaignRow>(CAMPAIGNS).where({ id }).first())!,
      );
      const digest = options.digest(
        closed,
        await this.allItems(trx, id),
        await this.historyOf(trx, id),
      );
      await trx(CAMPAIGNS).where({ id }).update({ digest });
      return { ...closed, digest };
    });
  }

  async attest(
    attestation: NewAttestation,
  ): Promise<{ attestation: Attestation; created: boolean }> {
    const { campaignId, idempotencyKey } = attestation;
    if (idempotencyKey) {
      const known = await this.attestationByKey(campaignId, idempotencyKey);
      if (known) {
        return { attestation: known, created: false };
      }
    }
    try {
      const stored = await this.client.transaction(async trx => {
        // A shared lock: answers go on side by side, while closing (which
        // locks the row for update) waits for them and they for it.
        const campaign = await this.lock(trx, campaignId, 'share');
        if (campaign.state !== 'open') {
          throw stateConflict(campaign, 'record an answer');
        }
        const item = await trx(ITEMS)
          .where({ campaign_id: campaignId, entity_ref: attestation.entityRef })
          .first(['team', 'gone_at']);
        if (!item) {
          throw new NotFoundError(
            `Campaign ${campaignId} has no item "${attestation.entityRef}"`,
          );
        }
        if (item.gone_at !== null) {
          throw new ConflictError(
            `Cannot record an answer: "${
              attestation.entityRef
            }" left the catalog on ${toIso(item.gone_at)}`,
          );
        }
        const [row] = await trx<AttestationRow>(ATTESTATIONS)
          .insert({
            campaign_id: campaignId,
            entity_ref: attestation.entityRef,
            team: item.team,
            answer: attestation.answer,
            transfer_to: attestation.transferTo ?? null,
            reason: attestation.reason ?? null,
            comment: attestation.comment ?? null,
            actor: attestation.actor,
            created_at: this.now(),
            idempotency_key: idempotencyKey ?? null,
          })
          .returning('*');
        const id = Number(row.id);
        // The highest id is the current answer, whichever transaction
        // commits first: a later update re-checks the condition.
        await trx(ITEMS)
          .where({ campaign_id: campaignId, entity_ref: attestation.entityRef })
          .update({
            answers: trx.raw('answers + 1'),
            current_answer: trx.raw(
              'CASE WHEN current_id IS NULL OR current_id < ? THEN ? ELSE current_answer END',
              [id, attestation.answer],
            ),
            current_id: trx.raw(
              'CASE WHEN current_id IS NULL OR current_id < ? THEN ? ELSE current_id END',
              [id, id],
            ),
          });
        return toAttestation(row);
      });
      return { attestation: stored, created: true };
    } catch (error) {
      const known =
        idempotencyKey && isUniqueViolation(error)
          ? await this.attestationByKey(campaignId, idempotencyKey)
          : undefined;
      if (known) {
        return { attestation: known, created: false };
      }
      throw error;
    }
  }

  async getItem(
    id: number,
    entityRef: string,
  ): Promise<ItemRecord | undefined> {
    const row = await this.itemsQuery(this.client, id)
      .where('i.entity_ref', entityRef)
      .first();
    return row && toItemRecord(row);
  }

  async listItems(
    id: number,
    filter: ItemFilter,
    page: { limit: number; after?: string },
  ): Promise<ItemRecord[]> {
    const query = this.itemsQuery(this.client, id)
      .orderBy('i.entity_ref')
      .limit(page.limit);
    if (filter.teams) {
      query.whereIn('i.team', filter.teams);
    }
    if (filter.entityRef) {
      query.where('i.entity_ref', filter.entityRef);
    }
    if (filter.answer) {
      query.where('i.current_answer', filter.answer);
    }
    if (filter.pending === true) {
      query.whereNull('i.current_id').whereNull('i.gone_at');
    } else if (filter.pending === false) {
      query.whereNotNull('i.current_id');
    }
    if (filter.present) {
      query.whereNull('i.gone_at');
    }
    if (page.after !== undefined) {
      query.where('i.entity_ref', '>', page.after);
    }
    return (await query).map(toItemRecord);
  }

  async itemStates(id: number): Promise<ItemState[]> {
    const rows = await this.client(ITEMS)
      .where({ campaign_id: id })
      .orderBy('entity_ref')
      .select('entity_ref', 'team', 'team_title', 'current_answer', 'gone_at');
    return rows.map(row => ({
      entityRef: row.entity_ref,
      team: row.team,
      ...(row.team_title !== null && { teamTitle: row.team_title }),
      ...(row.current_answer !== null && { answer: row.current_answer }),
      gone: row.gone_at !== null,
    }));
  }

  async history(id: number, entityRef?: string): Promise<Attestation[]> {
    return this.historyOf(this.client, id, entityRef);
  }

  async dueToOpen(now: Date): Promise<CampaignRecord[]> {
    const rows = await this.client<CampaignRow>(CAMPAIGNS)
      .where({ state: 'scheduled' })
      .where('opens_at', '<=', now)
      .orderBy('id');
    return rows.map(toCampaignRecord);
  }

  async openCampaigns(): Promise<CampaignRecord[]> {
    const rows = await this.client<CampaignRow>(CAMPAIGNS)
      .where({ state: 'open' })
      .orderBy('id');
    return rows.map(toCampaignRecord);
  }

  async pendingItems(
    filter: { teams?: string[]; entityRef?: string; campaignId?: number },
    page: {
      limit: number;
      after?: { dueAt: string; campaignId: number; entityRef: string };
    },
  ): Promise<Array<{ campaign: CampaignRecord; item: ItemRecord }>> {
    if (filter.teams?.length === 0) {
      return [];
    }
    const query = this.client<ItemWithCurrentRow>({ i: ITEMS })
      .join({ c: CAMPAIGNS }, 'c.id', 'i.campaign_id')
      .where('c.state', 'open')
      .whereNull('i.current_id')
      .whereNull('i.gone_at')
      .orderBy([
        { column: 'c.due_at' },
        { column: 'c.id' },
        { column: 'i.entity_ref' },
      ])
      .limit(page.limit)
      .select('i.*', 'c.due_at as c_due_at');
    if (filter.teams) {
      query.whereIn('i.team', filter.teams);
    }
    if (filter.entityRef) {
      query.where('i.entity_ref', filter.entityRef);
    }
    if (filter.campaignId !== undefined) {
      query.where('c.id', filter.campaignId);
    }
    const after = page.after;
    if (after) {
      const dueAt = new Date(after.dueAt);
      query.where(q =>
        q
          .where('c.due_at', '>', dueAt)
          .orWhere(q2 =>
            q2
              .where('c.due_at', '=', dueAt)
              .andWhere(q3 =>
                q3
                  .where('c.id', '>', after.campaignId)
                  .orWhere(q4 =>
                    q4
                      .where('c.id', '=', after.campaignId)
                      .andWhere('i.entity_ref', '>', after.entityRef),
                  ),
              ),
          ),
      );
    }
    const rows = await query;
    const campaigns = new Map<number, CampaignRecord>();
    for (const id of new Set(rows.map(r => Number(r.campaign_id)))) {
      campaigns.set(id, (await this.get(id))!);
    }
    return rows.map(row => ({
      campaign: campaigns.get(Number(row.campaign_id))!,
      item: toItemRecord({ ...row, a_id: null } as ItemWithCurrentRow),
    }));
  }

  async disputes(): Promise<Dispute[]> {
    const rows = await this.client({ i: ITEMS })
      .join({ a: ATTESTATIONS }, 'a.id', 'i.current_id')
      .join({ c: CAMPAIGNS }, 'c.id', 'i.campaign_id')
      .whereIn('c.state', ['open', 'closed'])
      .select(
        'i.entity_ref',
        'c.id as campaign_id',
        'c.title as campaign_title',
        'a.id',
        'a.team',
        'a.answer',
        'a.transfer_to',
        'a.reason',
        'a.actor',
        'a.created_at',
      );
    // The latest answer about an entity, in whichever campaign, decides.
    const latest = new Map<string, (typeof rows)[number]>();
    for (const row of rows) {
      const known = latest.get(row.entity_ref);
      if (!known || Number(known.id) < Number(row.id)) {
        latest.set(row.entity_ref, row);
      }
    }
    return [...latest.values()]
      .filter(row => row.answer === 'transfer' || row.answer === 'not-ours')
      .map(row => ({
        campaignId: Number(row.campaign_id),
        campaignTitle: row.campaign_title,
        entityRef: row.entity_ref,
        team: row.team,
        answer: row.answer,
        ...(row.transfer_to !== null && { transferTo: row.transfer_to }),
        ...(row.reason !== null && { reason: row.reason }),
        by: row.actor,
        at: toIso(row.created_at),
      }));
  }

  async claimNotice(
    id: number,
    recipient: string,
    occasion: string,
    at: Date,
  ): Promise<boolean> {
    try {
      await this.client(NOTICES).insert({
        campaign_id: id,
        recipient,
        occasion,
        sent_at: at,
      });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) {
        return false;
      }
      throw error;
    }
  }

  async releaseNotice(
    id: number,
    recipient: string,
    occasion: string,
  ): Promise<void> {
    await this.client(NOTICES)
      .where({ campaign_id: id, recipient, occasion })
      .delete();
  }

  private async byKey(key: string): Promise<CampaignRecord | undefined> {
    const row = await this.client<CampaignRow>(CAMPAIGNS)
      .where({ idempotency_key: key })
      .first();
    return row && toCampaignRecord(row);
  }

  private async attestationByKey(
    campaignId: number,
    key: string,
  ): Promise<Attestation | undefined> {
    const row = await this.client<AttestationRow>(ATTESTATIONS)
      .where({ campaign_id: campaignId, idempotency_key: key })
      .first();
    return row && toAttestation(row);
  }

  /** Reads the campaign row under a lock (PostgreSQL; SQLite serialises writers anyway). */
  private async lock(
    trx: Knex.Transaction,
    id: number,
    mode: 'update' | 'share',
  ): Promise<CampaignRecord> {
    const query = trx<CampaignRow>(CAMPAIGNS).where({ id }).first();
    const row = await (mode === 'update'
      ? query.forUpdate()
      : query.forShare());
    if (!row) {
      throw new NotFoundError(`No campaign with id ${id}`);
    }
    return toCampaignRecord(row);
  }

  private itemsQuery(db: Knex | Knex.Transaction, id: number) {
    return db<ItemWithCurrentRow>({ i: ITEMS })
      .leftJoin({ a: ATTESTATIONS }, 'a.id', 'i.current_id')
      .where('i.campaign_id', id)
      .select('i.*', ...CURRENT_COLUMNS);
  }

  private async allItems(
    db: Knex | Knex.Transaction,
    id: number,
  ): Promise<ItemRecord[]> {
    const rows = await this.itemsQuery(db, id).orderBy('i.entity_ref');
    return rows.map(toItemRecord);
  }

  private async historyOf(
    db: Knex | Knex.Transaction,
    id: number,
    entityRef?: string,
  ): Promise<Attestation[]> {
    const query = db<AttestationRow>(ATTESTATIONS)
      .where({ campaign_id: id })
      .orderBy('id');
    if (entityRef !== undefined) {
      query.where({ entity_ref: entityRef });
    }
    return (await query).map(toAttestation);
  }
}
