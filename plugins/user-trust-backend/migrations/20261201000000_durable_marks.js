/*
 * State that must survive a crash: which entities' health rows are out of
 * date (marked in the ingest transaction), and the cursors of background
 * tasks such as the rollup reconciliation.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('user_trust_changed_entities', table => {
    table.comment(
      'Entities whose health rows are out of date: new signals, SLOs or field roles since their last refresh',
    );
    table
      .string('entity_ref', 255)
      .primary()
      .notNullable()
      .comment('Full, lower-cased ref of the catalog entity');
    table
      .bigInteger('version')
      .notNullable()
      .comment(
        'Bumped by every change; a refresh removes the mark only if it is still the version it read',
      );
    table
      .bigInteger('changed_at')
      .notNullable()
      .comment(
        'Epoch milliseconds of the latest change (oldest refreshed first)',
      );
    table.index(['changed_at'], 'user_trust_changed_entities_changed_at_idx');
  });

  await knex.schema.createTable('user_trust_task_state', table => {
    table.comment(
      'Durable state of background tasks (cursors), so that work continues on another replica or after a restart',
    );
    table
      .string('task_id', 255)
      .primary()
      .notNullable()
      .comment('Scheduler task id');
    table.text('state').notNullable().comment('JSON state of the task');
    table
      .timestamp('updated_at', { useTz: true })
      .notNullable()
      .defaultTo(knex.fn.now());
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('user_trust_task_state');
  await knex.schema.dropTable('user_trust_changed_entities');
};
