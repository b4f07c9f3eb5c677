// @ts-check

/** The longest URL kept, in bytes: longer ones cannot be asked for (`/documents` takes 2000 characters of ASCII). */
const MAX_URL_BYTES = 2000;

/**
 * Which audited entities name which local (`file:`) documents in a run: their
 * runbooks, ADRs and tech-debt register. `GET /documents` serves a file only
 * to a caller who may read one of them, so it looks them up by URL here.
 * The latest successful run stored before this table existed is filled from
 * its stored runbooks and ADRs, so documents stay readable until the next run.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('ownership_document_refs', table => {
    table.comment(
      'One row per local document an audited entity names, per successful run',
    );
    table
      .bigInteger('run_id')
      .unsigned()
      .notNullable()
      .references('id')
      .inTable('ownership_runs')
      .onDelete('CASCADE');
    table.text('url').notNullable().comment('The file: URL as stored');
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('Full ref of the entity that names it, lower-case');
    table.primary(['run_id', 'url', 'entity_ref']);
  });

  const latest = await knex('ownership_runs')
    .where({ status: 'succeeded' })
    .orderBy('finished_at', 'desc')
    .orderBy('id', 'desc')
    .first('id');
  if (!latest) {
    return;
  }
  let after = '';
  for (;;) {
    const rows = await knex('ownership_entity_results')
      .select('entity_ref', 'owner_ref', 'details')
      .where({ run_id: latest.id })
      .andWhere('entity_ref', '>', after)
      .orderBy('entity_ref', 'asc')
      .limit(200);
    if (rows.length === 0) {
      return;
    }
    const refs = new Map();
    for (const row of rows) {
      /** @type {{ runbooks?: Array<{ url: string; source?: string }>; adrs?: Array<{ url: string }> }} */
      const details = JSON.parse(row.details);
      // A runbook inherited from the owning Group is named by the Group.
      const team = row.owner_ref;
      const named = [
        ...(details.runbooks ?? []).map(doc => [
          doc.url,
          doc.source === 'team-link' && team ? team : row.entity_ref,
        ]),
        ...(details.adrs ?? []).map(doc => [doc.url, row.entity_ref]),
      ];
      for (const [url, entityRef] of named) {
        if (
          typeof url === 'string' &&
          url.startsWith('file:') &&
          Buffer.byteLength(url) <= MAX_URL_BYTES
        ) {
          refs.set(`${url}\n${entityRef}`, {
            run_id: latest.id,
            url,
            entity_ref: entityRef,
          });
        }
      }
    }
    const list = [...refs.values()];
    for (let i = 0; i < list.length; i += 300) {
      await knex('ownership_document_refs').insert(list.slice(i, i + 300));
    }
    after = rows[rows.length - 1].entity_ref;
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('ownership_document_refs');
};
