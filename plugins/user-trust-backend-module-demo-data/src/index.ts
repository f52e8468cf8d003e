/**
 * Development-only demo signal history for the User Trust example catalog.
 *
 * @packageDocumentation
 */

export { userTrustModuleDemoData as default } from './module';
