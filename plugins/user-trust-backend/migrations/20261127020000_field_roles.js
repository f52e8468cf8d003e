/*
 * The field-role registry (who is the TAM, CSM, DevRel, support lead of a
 * catalog entity) and the audit log of its changes.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('user_trust_field_roles', table => {
    table.comment(
      'Field-role holders of catalog entities registered through the API',
    );
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('Full, lower-cased ref of the catalog entity');
    table
      .string('role', 64)
      .notNullable()
      .comment('Field role type id from userTrust.fieldRoles (tam, csm, ...)');
    table
      .string('holder_ref', 255)
      .notNullable()
      .comment('Full, lower-cased ref of the User or Group holding the role');
    table
      .text('accounts')
      .notNullable()
      .comment('JSON array of the customer accounts covered; empty: all');
    table.text('note').nullable().comment('Free note');
    table
      .string('since', 64)
      .notNullable()
      .comment('Since when the holder has the role: ISO date or date-time');
    table
      .string('registered_by', 255)
      .notNullable()
      .comment('Principal who registered or last changed the assignment');
    table
      .timestamp('registered_at', { useTz: true })
      .notNullable()
      .defaultTo(knex.fn.now())
      .comment('When the assignment was registered or last changed');
    table.primary(['entity_ref', 'role', 'holder_ref']);
    table.index(['holder_ref'], 'user_trust_field_roles_holder_ref_idx');
    table.index(['role'], 'user_trust_field_roles_role_idx');
  });

  await knex.schema.createTable('user_trust_field_role_audit', table => {
    table.comment('Every change to the field-role registry, with before/after');
    table.bigIncrements('id').primary().comment('Surrogate key, in order');
    table
      .timestamp('at', { useTz: true })
      .notNullable()
      .defaultTo(knex.fn.now())
      .comment('When the change was made');
    table
      .string('actor', 255)
      .notNullable()
      .comment('Principal who made the change (user ref or service subject)');
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('Full, lower-cased ref of the catalog entity');
    table.string('role', 64).notNullable().comment('Field role type id');
    table.string('action', 16).notNullable().comment('set | remove | import');
    table
      .text('before')
      .notNullable()
      .comment('JSON array of the role holders before the change');
    table
      .text('after')
      .notNullable()
      .comment('JSON array of the role holders after the change');
    table.index(
      ['entity_ref', 'at'],
      'user_trust_field_role_audit_entity_ref_at_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('user_trust_field_role_audit');
  await knex.schema.dropTable('user_trust_field_roles');
};
