// @ts-check

/**
 * Audit campaigns: the campaign, the snapshot of its population taken when it
 * opens, the append-only history of answers, and the notifications sent, so
 * that each goes out once across restarts and replicas.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('ownership_campaigns', table => {
    table.comment('One row per ownership review campaign');
    table.bigIncrements('id').primary();
    table.string('title', 200).notNullable();
    table.text('instructions').notNullable().comment('Markdown');
    table.text('scope').notNullable().comment('CampaignScope as JSON');
    table
      .string('state', 16)
      .notNullable()
      .comment('scheduled, open or closed');
    table.timestamp('opens_at', { useTz: true }).notNullable();
    table.timestamp('due_at', { useTz: true }).notNullable();
    table.string('created_by').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('opened_at', { useTz: true }).nullable();
    table.timestamp('closed_at', { useTz: true }).nullable();
    table.string('closed_by').nullable();
    table
      .string('digest', 64)
      .nullable()
      .comment('SHA-256 of the evidence, recorded at closing');
    table
      .string('idempotency_key', 200)
      .nullable()
      .comment('Creator ref and Idempotency-Key of the creating request');
    table.unique(['idempotency_key'], {
      indexName: 'ownership_campaigns_idempotency_uq',
    });
    table.index(['state', 'opens_at'], 'ownership_campaigns_state_idx');
  });

  await knex.schema.createTable('ownership_campaign_items', table => {
    table.comment('The population of a campaign, snapshotted when it opened');
    table
      .bigInteger('campaign_id')
      .notNullable()
      .references('id')
      .inTable('ownership_campaigns')
      .onDelete('CASCADE');
    table.string('entity_ref').notNullable();
    table.string('kind', 64).notNullable();
    table.text('title').notNullable();
    table
      .string('team')
      .notNullable()
      .comment('Owner at opening: the ref it resolved to, else as written');
    table.text('team_title').nullable();
    table.text('findings').notNullable().comment('Rule ids at opening, JSON');
    table.text('edit_url').nullable();
    table.timestamp('gone_at', { useTz: true }).nullable();
    table.string('owner_at_closing').nullable();
    table
      .bigInteger('current_id')
      .nullable()
      .comment('The latest attestation; the current answer');
    table.string('current_answer', 16).nullable();
    table.integer('answers').notNullable().defaultTo(0);
    table.primary(['campaign_id', 'entity_ref']);
    table.index(['campaign_id', 'team'], 'ownership_campaign_items_team_idx');
    table.index(['entity_ref'], 'ownership_campaign_items_entity_idx');
  });

  await knex.schema.createTable('ownership_attestations', table => {
    table.comment('Every answer of every campaign; rows are never changed');
    table.bigIncrements('id').primary();
    table.bigInteger('campaign_id').notNullable();
    table.string('entity_ref').notNullable();
    table.string('team').notNullable();
    table.string('answer', 16).notNullable();
    table.string('transfer_to').nullable();
    table.text('reason').nullable();
    table.text('comment').nullable();
    table.string('actor').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table
      .string('idempotency_key', 200)
      .nullable()
      .comment('Actor ref and Idempotency-Key of the request');
    table
      .foreign(['campaign_id', 'entity_ref'])
      .references(['campaign_id', 'entity_ref'])
      .inTable('ownership_campaign_items')
      .onDelete('CASCADE');
    table.unique(['campaign_id', 'idempotency_key'], {
      indexName: 'ownership_attestations_idempotency_uq',
    });
    table.index(
      ['campaign_id', 'entity_ref', 'id'],
      'ownership_attestations_item_idx',
    );
  });

  await knex.schema.createTable('ownership_campaign_notices', table => {
    table.comment(
      'Reminders sent: one row per campaign, recipient and occasion',
    );
    table
      .bigInteger('campaign_id')
      .notNullable()
      .references('id')
      .inTable('ownership_campaigns')
      .onDelete('CASCADE');
    table.string('recipient').notNullable().comment('Group or user ref');
    table
      .string('occasion', 32)
      .notNullable()
      .comment('opened, due-<n>d, overdue or complete');
    table.timestamp('sent_at', { useTz: true }).notNullable();
    table.primary(['campaign_id', 'recipient', 'occasion']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('ownership_campaign_notices');
  await knex.schema.dropTable('ownership_attestations');
  await knex.schema.dropTable('ownership_campaign_items');
  await knex.schema.dropTable('ownership_campaigns');
};
