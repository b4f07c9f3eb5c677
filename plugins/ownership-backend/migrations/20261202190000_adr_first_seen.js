// @ts-check

/**
 * When the portal first saw each ADR proposed, by URL, across runs. An ADR
 * whose record states no date is counted as proposed from this moment for
 * `adr.stale-proposal`; a file's modification time is never used, since a
 * fresh checkout or redeploy resets it.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('ownership_adr_first_seen', table => {
    table.comment('When each ADR was first seen with status proposed');
    // A hash keeps the key short enough for every database's index limit.
    table.string('url_hash', 64).primary().comment('SHA-256 of the URL, hex');
    table.text('url').notNullable().comment('The ADR URL as read');
    table
      .timestamp('first_seen_at', { useTz: true })
      .notNullable()
      .comment('The first audit run that saw it proposed');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('ownership_adr_first_seen');
};
