// @ts-check

const RUNS = 'ownership_runs';
const ONE_RUNNING = 'ownership_runs_one_running_idx';

/**
 * Runs are claimed atomically: at most one row may be `running` (a unique
 * partial index, on PostgreSQL and SQLite alike), and a running run records
 * a heartbeat, so that a run is taken over only once its process has stopped
 * beating for longer than the lease.
 *
 * Databases written before this migration may hold several running rows (two
 * replicas could both start a run); all but the newest are marked failed, as
 * abandoned, before the index is built. Their results were never stored, so
 * nothing is lost.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable(RUNS, table => {
    table
      .timestamp('heartbeat_at', { useTz: true })
      .nullable()
      .comment(
        'When the process running the run last showed progress or a heartbeat',
      );
  });
  await knex(RUNS).update({ heartbeat_at: knex.ref('started_at') });

  const running = await knex(RUNS)
    .select('id')
    .where({ status: 'running' })
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc');
  const older = running.slice(1).map(row => row.id);
  if (older.length > 0) {
    await knex(RUNS).whereIn('id', older).update({
      status: 'failed',
      finished_at: knex.fn.now(),
      error:
        'Abandoned: another run was started while it was running (before runs were claimed atomically)',
    });
  }

  await knex.raw(
    `CREATE UNIQUE INDEX ${ONE_RUNNING} ON ${RUNS} (status) WHERE status = 'running'`,
  );
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.raw(`DROP INDEX ${ONE_RUNNING}`);
  await knex.schema.alterTable(RUNS, table => {
    table.dropColumn('heartbeat_at');
  });
};
