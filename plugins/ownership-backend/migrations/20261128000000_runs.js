// @ts-check

/**
 * Audit runs: one row per run, with its progress while it runs and its
 * outcome once it has finished.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('ownership_runs', table => {
    table.comment('One row per ownership audit run');
    table.bigIncrements('id').primary();
    table
      .string('status', 16)
      .notNullable()
      .comment('running, succeeded or failed');
    table.string('trigger', 16).notNullable().comment('schedule or manual');
    table
      .string('triggered_by')
      .nullable()
      .comment('Entity ref of the user who started a manual run');
    table.timestamp('started_at', { useTz: true }).notNullable();
    table.timestamp('finished_at', { useTz: true }).nullable();
    table.integer('processed').notNullable().defaultTo(0);
    table.integer('total').nullable();
    table.text('error').nullable();
    table.index(['status', 'started_at'], 'ownership_runs_status_started_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('ownership_runs');
};
