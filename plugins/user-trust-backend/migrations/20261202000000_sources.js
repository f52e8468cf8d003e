/*
 * Connectors (PagerDuty, Statuspage, ...): what each did last, its recent
 * errors, the signals of external services that map to no entity yet, and
 * the mappings administrators made for them on the Sources page.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('user_trust_source_status', table => {
    table.comment('What each connector did last (the Sources page)');
    table.string('source', 64).primary().notNullable().comment('Connector id');
    table.bigInteger('last_webhook_at').nullable().comment('Epoch ms');
    table
      .bigInteger('last_webhook_accepted_at')
      .nullable()
      .comment('Epoch ms of the last delivery answered 2xx');
    table.bigInteger('webhooks_accepted').notNullable().defaultTo(0);
    table.bigInteger('webhooks_refused').notNullable().defaultTo(0);
    table.bigInteger('last_sync_started_at').nullable().comment('Epoch ms');
    table.bigInteger('last_sync_finished_at').nullable().comment('Epoch ms');
    table
      .bigInteger('last_sync_succeeded_at')
      .nullable()
      .comment('Epoch ms of the end of the last sync without error');
    table
      .text('progress')
      .nullable()
      .comment('JSON { done, total } of the running backfill');
  });

  await knex.schema.createTable('user_trust_source_hourly', table => {
    table.comment(
      'Signals each connector stored per hour (last 24 hours and 7 days, without scanning signals)',
    );
    table.string('source', 64).notNullable();
    table.bigInteger('hour').notNullable().comment('Epoch ms of the hour');
    table.bigInteger('signals').notNullable().defaultTo(0);
    table.primary(['source', 'hour']);
  });

  await knex.schema.createTable('user_trust_source_errors', table => {
    table.comment('The latest errors of each connector, kept bounded');
    table.bigIncrements('id').primary();
    table.string('source', 64).notNullable();
    table.bigInteger('occurred_at').notNullable().comment('Epoch ms');
    table
      .string('context', 64)
      .notNullable()
      .comment('webhook, sync or attribution');
    table.text('message').notNullable();
    table.index(['source', 'occurred_at'], 'user_trust_source_errors_idx');
  });

  await knex.schema.createTable('user_trust_unattributed_signals', table => {
    table.comment(
      'Signals of external services that map to no entity yet: kept, shown and ingested once mapped',
    );
    table.string('source', 255).notNullable();
    table.string('external_id', 255).notNullable();
    table.string('service_id', 255).notNullable();
    table.text('signal').notNullable().comment('JSON signal without entityRef');
    table.bigInteger('received_at').notNullable().comment('Epoch ms');
    table.primary(['source', 'external_id']);
    table.index(
      ['source', 'service_id'],
      'user_trust_unattributed_service_idx',
    );
  });

  await knex.schema.createTable('user_trust_external_services', table => {
    table.comment('External services a connector has seen without an entity');
    table.string('source', 64).notNullable();
    table.string('service_id', 255).notNullable();
    table.string('name', 255).nullable();
    table.string('url', 1024).nullable();
    table
      .string('entity_ref', 255)
      .nullable()
      .comment('Mapped on the Sources page; null while unmapped');
    table.string('mapped_by', 255).nullable();
    table.bigInteger('mapped_at').nullable().comment('Epoch ms');
    table.bigInteger('last_seen_at').notNullable().comment('Epoch ms');
    table.primary(['source', 'service_id']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('user_trust_external_services');
  await knex.schema.dropTable('user_trust_unattributed_signals');
  await knex.schema.dropTable('user_trust_source_errors');
  await knex.schema.dropTable('user_trust_source_hourly');
  await knex.schema.dropTable('user_trust_source_status');
};
