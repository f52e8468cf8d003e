/*
 * User-perceived signals, one row per source + external id.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('user_trust_signals', table => {
    table.comment('User-perceived signals keyed to catalog entities');
    table.bigIncrements('id').primary().comment('Surrogate key');
    table
      .string('source', 255)
      .notNullable()
      .comment('System the signal came from (zendesk, pagerduty, ...)');
    table
      .string('external_id', 255)
      .notNullable()
      .comment('Id of the signal in its source; unique together with source');
    table.string('kind', 64).notNullable().comment('Signal kind');
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('Full, lower-cased ref of the catalog entity');
    table
      .timestamp('occurred_at', { useTz: true })
      .notNullable()
      .comment('When the signal happened');
    table
      .timestamp('resolved_at', { useTz: true })
      .nullable()
      .comment('When the signal was resolved, if it was');
    table.string('severity', 32).nullable().comment('critical|high|medium|low');
    table.string('account', 255).nullable().comment('Customer account');
    table.double('value').nullable().comment('Measurement (CSAT score, ...)');
    table
      .string('field_role', 64)
      .nullable()
      .comment('Field role that handled it');
    table
      .string('handled_by', 255)
      .nullable()
      .comment('Entity ref of the user who handled it');
    table.text('attributes').nullable().comment('JSON object of attributes');
    table
      .timestamp('created_at', { useTz: true })
      .notNullable()
      .defaultTo(knex.fn.now())
      .comment('When the signal was first stored');
    table
      .timestamp('updated_at', { useTz: true })
      .notNullable()
      .defaultTo(knex.fn.now())
      .comment('When the signal was last changed');
    table.unique(['source', 'external_id'], {
      indexName: 'user_trust_signals_source_external_id_uniq',
    });
    table.index(
      ['entity_ref', 'occurred_at'],
      'user_trust_signals_entity_ref_occurred_at_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('user_trust_signals');
};
