// @ts-check

/**
 * Results of audit runs: the figures of a successful run, one row per
 * audited entity, one per finding and one per team. Result rows belong to
 * their run and go with it.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('ownership_runs', table => {
    table
      .text('figures')
      .nullable()
      .comment('JSON of the org-wide figures, set when the run succeeds');
  });

  await knex.schema.createTable('ownership_entity_results', table => {
    table.comment('One row per audited entity per successful run');
    table
      .bigInteger('run_id')
      .unsigned()
      .notNullable()
      .references('id')
      .inTable('ownership_runs')
      .onDelete('CASCADE');
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('Full entity ref, lower-case');
    table.text('kind').notNullable();
    table.text('type').nullable();
    table.text('name').notNullable();
    table.text('namespace').notNullable();
    table.text('title').notNullable();
    table.text('lifecycle').nullable();
    table.text('system').nullable().comment('Full ref of the System');
    table
      .text('owner_ref')
      .nullable()
      .comment('Full ref of the owner, lower-case');
    table.string('owner_status', 16).notNullable();
    table.text('owner_title').nullable();
    table.text('owner_raw').nullable().comment('spec.owner as written');
    table.integer('score').notNullable();
    table.integer('level').notNullable();
    table.integer('finding_count').notNullable();
    table.integer('error_count').notNullable();
    table.integer('warning_count').notNullable();
    table.integer('info_count').notNullable();
    table
      .text('search_text')
      .notNullable()
      .comment('Lower-cased name, title, tags, system and owner');
    table
      .text('details')
      .notNullable()
      .comment(
        'JSON: owner details, suggested owner, description, tags, relations',
      );
    table.primary(['run_id', 'entity_ref']);
    table.index(['entity_ref'], 'ownership_entity_results_ref_idx');
    table.index(['run_id', 'owner_ref'], 'ownership_entity_results_owner_idx');
    table.index(['run_id', 'score'], 'ownership_entity_results_score_idx');
  });
  // Kinds and lifecycles are kept as written and compared lower-case.
  await knex.raw(
    'CREATE INDEX ownership_entity_results_kind_idx ON ownership_entity_results (run_id, lower(kind))',
  );
  await knex.raw(
    'CREATE INDEX ownership_entity_results_lifecycle_idx ON ownership_entity_results (run_id, lower(lifecycle))',
  );

  await knex.schema.createTable('ownership_findings', table => {
    table.comment('One row per finding per successful run');
    table
      .bigInteger('run_id')
      .unsigned()
      .notNullable()
      .references('id')
      .inTable('ownership_runs')
      .onDelete('CASCADE');
    table.string('entity_ref', 255).notNullable();
    table
      .integer('position')
      .notNullable()
      .comment('Order of the finding within its entity');
    table.string('rule_id', 255).notNullable();
    table.string('severity', 16).notNullable();
    table.text('message').notNullable();
    table.text('remediation').notNullable();
    // Also serves look-ups by (run_id, entity_ref).
    table.primary(['run_id', 'entity_ref', 'position']);
    table.index(['run_id', 'rule_id'], 'ownership_findings_rule_idx');
    table.index(['run_id', 'severity'], 'ownership_findings_severity_idx');
  });

  await knex.schema.createTable('ownership_team_results', table => {
    table.comment('One row per team (Group) per successful run');
    table
      .bigInteger('run_id')
      .unsigned()
      .notNullable()
      .references('id')
      .inTable('ownership_runs')
      .onDelete('CASCADE');
    table
      .string('team_ref', 255)
      .notNullable()
      .comment('Full ref of the group, lower-case');
    table.text('title').notNullable();
    table.text('parent_ref').nullable();
    table.integer('service_count').notNullable();
    table.integer('direct_service_count').notNullable();
    table.integer('error_count').notNullable();
    table.integer('warning_count').notNullable();
    table.integer('info_count').notNullable();
    table.double('score').notNullable();
    table.integer('member_count').notNullable();
    table
      .text('levels')
      .notNullable()
      .comment('JSON: services per maturity level');
    table
      .text('details')
      .notNullable()
      .comment('JSON: members, contacts and sub-groups');
    table.primary(['run_id', 'team_ref']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('ownership_team_results');
  await knex.schema.dropTable('ownership_findings');
  await knex.schema.dropTable('ownership_entity_results');
  await knex.schema.alterTable('ownership_runs', table => {
    table.dropColumn('figures');
  });
};
