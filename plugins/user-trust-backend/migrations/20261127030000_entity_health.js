/*
 * Catalog-wide reliability health: one precomputed row per catalog entity,
 * refreshed from the rollups in the background, so that the health page can
 * sort and filter every entity without evaluating them per request.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('user_trust_entity_health', table => {
    table.comment(
      'Health of each catalog entity (score, status, burn, coverage), computed from the rollups',
    );
    table
      .string('entity_ref', 255)
      .primary()
      .notNullable()
      .comment('Full, lower-cased ref of the catalog entity');
    table
      .text('health')
      .notNullable()
      .comment('The EntityHealth row as JSON; read whole, filtered in memory');
    table
      .timestamp('evaluated_at', { useTz: true })
      .notNullable()
      .comment('When the row was computed');
  });

  await knex.schema.createTable('user_trust_health_version', table => {
    table.comment(
      'One row, bumped on every change to user_trust_entity_health, so replicas know when to reload it',
    );
    table.integer('id').primary().notNullable();
    table.bigInteger('version').notNullable().defaultTo(0);
  });
  await knex('user_trust_health_version').insert({ id: 1, version: 0 });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('user_trust_health_version');
  await knex.schema.dropTable('user_trust_entity_health');
};
