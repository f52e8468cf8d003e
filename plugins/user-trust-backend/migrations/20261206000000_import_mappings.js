/*
 * Signal imports (CSV and JSON uploads): the column mapping saved per
 * import source, so the next upload of the same export starts from it.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('user_trust_import_mappings', table => {
    table.comment('Column mapping of each signal import source');
    table
      .string('source', 255)
      .primary()
      .notNullable()
      .comment('The source of the imported signals, e.g. crm-export');
    table
      .text('mapping')
      .notNullable()
      .comment('JSON SignalImportMapping: columns, defaults, attributes');
    table
      .string('updated_by', 255)
      .notNullable()
      .comment('Entity ref of the user or service that saved it');
    table.bigInteger('updated_at').notNullable().comment('Epoch ms');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('user_trust_import_mappings');
};
