/*
 * Incrementally maintained daily rollups of signal queries, the registry of
 * those queries, and SLO documents registered through the API.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('user_trust_rollup_queries', table => {
    table.comment('Signal queries whose daily counts are kept in rollups');
    table
      .string('query_hash', 64)
      .notNullable()
      .comment('sha256 of the canonical query');
    table
      .string('scope', 255)
      .notNullable()
      .comment("'*' for every entity, or the one entity ref it is kept for");
    table.text('query').notNullable().comment('Canonical JSON of the query');
    table
      .timestamp('created_at', { useTz: true })
      .notNullable()
      .defaultTo(knex.fn.now());
    table.primary(['query_hash', 'scope']);
  });

  await knex.schema.createTable('user_trust_rollups', table => {
    table.comment(
      'Per entity, query and UTC day: matching signals and value sum',
    );
    table.string('entity_ref', 255).notNullable();
    table.string('query_hash', 64).notNullable();
    table.string('day', 10).notNullable().comment('UTC day, YYYY-MM-DD');
    table
      .bigInteger('signal_count')
      .notNullable()
      .defaultTo(0)
      .comment('Signals matching the query on that day');
    table
      .double('value_sum')
      .notNullable()
      .defaultTo(0)
      .comment('Sum of the value of those signals');
    table.primary(['entity_ref', 'query_hash', 'day']);
  });

  await knex.schema.createTable('user_trust_entity_slos', table => {
    table.comment('OpenSLO documents registered through the API, per entity');
    table.string('entity_ref', 255).primary().notNullable();
    table.text('document').notNullable().comment('The OpenSLO text as sent');
    table.string('updated_by', 255).nullable().comment('Principal who set it');
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
  await knex.schema.dropTable('user_trust_entity_slos');
  await knex.schema.dropTable('user_trust_rollups');
  await knex.schema.dropTable('user_trust_rollup_queries');
};
