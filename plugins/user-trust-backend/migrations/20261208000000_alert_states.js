/*
 * Alert states per entity and SLO (ok, at-risk, breached by multi-window
 * burn) and the history of their transitions. The current state is stored
 * so that a restart or another replica never records a transition again;
 * `seq` numbers the transitions of one entity and SLO, and its unique key
 * lets only one of two replicas that judged the same change record it.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('user_trust_alert_states', table => {
    table.comment('Current alert state of each entity and SLO that left ok');
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('Full lower-cased entity ref');
    table.string('slo', 255).notNullable().comment('SLO name');
    table.string('state', 32).notNullable().comment('ok, at-risk or breached');
    table
      .integer('seq')
      .notNullable()
      .comment('Number of the transition that led to this state');
    table
      .bigInteger('since')
      .notNullable()
      .comment('Epoch ms of that transition');
    table.primary(['entity_ref', 'slo']);
  });
  await knex.schema.createTable('user_trust_alert_transitions', table => {
    table.comment('Changes of the alert state of an entity and SLO');
    table.bigIncrements('id').primary();
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('Full lower-cased entity ref');
    table.string('slo', 255).notNullable().comment('SLO name');
    table
      .integer('seq')
      .notNullable()
      .comment('1 for the first transition of the entity and SLO, then 2, ...');
    table.string('from_state', 32).notNullable();
    table.string('to_state', 32).notNullable();
    table.bigInteger('at').notNullable().comment('Epoch ms of the evaluation');
    table
      .text('burn_rates')
      .notNullable()
      .comment('JSON [{window, rate}] over the alert policy windows');
    table
      .double('error_budget_remaining')
      .nullable()
      .comment('Fraction of the error budget left');
    table
      .text('forecast')
      .notNullable()
      .comment('JSON {spent, runsOutAt} at the burn of that evaluation');
    table.unique(['entity_ref', 'slo', 'seq'], {
      indexName: 'user_trust_alert_transitions_seq_idx',
    });
    table.index(['entity_ref', 'at'], 'user_trust_alert_transitions_at_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('user_trust_alert_transitions');
  await knex.schema.dropTable('user_trust_alert_states');
};
