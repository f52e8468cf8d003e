/**
 * User Trust for Backstage: user-perceived reliability on entity pages.
 *
 * @packageDocumentation
 */

export {
  userTrustPlugin,
  EntityUserTrustCard,
  EntityUserTrustContent,
  EntityFieldRolesCard,
  EntityFieldRolePortfolioCard,
  FieldRolesPage,
  UserTrustHealthPage,
  UserTrustSourcesPage,
  UserTrustImportPage,
  HomePageUserTrustBurningCard,
} from './plugin';
export type {
  EntityUserTrustCardProps,
  UserTrustEntityCardProps,
  UserTrustPageProps,
} from './plugin';
export * from './api';
