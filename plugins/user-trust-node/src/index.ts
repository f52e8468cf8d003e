/**
 * Extension points of the User Trust backend: signal providers, and
 * connectors to the tools a company already runs (webhooks, scheduled
 * syncs, unattributed signals).
 *
 * @packageDocumentation
 */

export * from './extensions';
export * from './connectors';
export * from './errors';
export * from './RefreshingValue';
