/**
 * User Trust for Backstage: user-perceived reliability on entity pages.
 *
 * @packageDocumentation
 */

export {
  userTrustPlugin,
  EntityUserTrustCard,
  EntityUserTrustContent,
} from './plugin';
export * from './api';
