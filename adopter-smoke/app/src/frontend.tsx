/*
 * Type-checked by adopter-smoke/run.mjs against the packed frontend package:
 * every export the README names, used as the README says.
 */

import { Route } from 'react-router-dom';
import type { BackstagePlugin } from '@backstage/core-plugin-api';
import type { FrontendFeature } from '@backstage/frontend-plugin-api';
import {
  EntityFieldRolePortfolioCard,
  EntityFieldRolesCard,
  EntityUserTrustCard,
  EntityUserTrustContent,
  FieldRolesPage,
  HomePageUserTrustBurningCard,
  UserTrustClient,
  UserTrustHealthPage,
  userTrustApiRef,
  userTrustPlugin as legacyUserTrustPlugin,
} from '@user-trust/plugin-user-trust';
import userTrustPlugin, {
  entityFieldRolePortfolioCard,
  entityFieldRolesCard,
  entityUserTrustCard,
  entityUserTrustContent,
  fieldRolesPage,
  healthPage,
  homePageBurningFastestWidget,
} from '@user-trust/plugin-user-trust/alpha';

// New frontend system: the plugin is a feature of the app.
export const features: FrontendFeature[] = [userTrustPlugin];
export const extensions = [
  entityUserTrustCard,
  entityUserTrustContent,
  entityFieldRolesCard,
  entityFieldRolePortfolioCard,
  fieldRolesPage,
  healthPage,
  homePageBurningFastestWidget,
];

// Legacy frontend system.
export const legacyPlugin: BackstagePlugin = legacyUserTrustPlugin;
export const overviewContent = (
  <>
    <EntityUserTrustCard />
    <EntityFieldRolesCard />
  </>
);
export const userTrustTab = <EntityUserTrustContent />;
export const portfolioCard = <EntityFieldRolePortfolioCard />;
export const routes = (
  <>
    <Route path="/user-trust" element={<UserTrustHealthPage />} />
    <Route path="/user-trust/field-roles" element={<FieldRolesPage />} />
  </>
);
export const homePageCard = <HomePageUserTrustBurningCard />;
export const api = { ref: userTrustApiRef, client: UserTrustClient };
