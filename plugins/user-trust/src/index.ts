/**
 * User Trust for Backstage: user-perceived reliability on entity pages.
 *
 * @packageDocumentation
 */

export { userTrustPlugin, EntityUserTrustCard } from './plugin';
export * from './api';
