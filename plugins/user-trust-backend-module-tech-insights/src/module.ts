import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  FactRetriever,
  techInsightsFactRetrieversExtensionPoint,
} from '@backstage-community/plugin-tech-insights-node';
import {
  createUserTrustFactRetriever,
  USER_TRUST_FACT_RETRIEVER_CONFIG_KEY,
  USER_TRUST_FACT_RETRIEVER_DEFAULTS,
} from './factRetriever';

/**
 * Tech Insights module adding the `user-trust-facts` fact retriever as
 * `userTrustFactRetriever`. The tech-insights backend schedules it with the
 * `cadence` and keeps the history its `lifecycle` says, from
 * `techInsights.factRetrievers.userTrustFactRetriever`.
 *
 * @public
 */
export const techInsightsModuleUserTrustFacts = createBackendModule({
  pluginId: 'tech-insights',
  moduleId: 'user-trust-facts',
  register(reg) {
    reg.registerInit({
      deps: {
        factRetrievers: techInsightsFactRetrieversExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ factRetrievers, config, logger }) {
        const key = USER_TRUST_FACT_RETRIEVER_CONFIG_KEY;
        factRetrievers.addFactRetrievers({
          [key]: createUserTrustFactRetriever({
            entityFilter: config.getOptional(
              `techInsights.factRetrievers.${key}.entityFilter`,
            ) as FactRetriever['entityFilter'],
          }),
        });
        if (!config.has(`techInsights.factRetrievers.${key}.cadence`)) {
          const { cadence, lifecycle } = USER_TRUST_FACT_RETRIEVER_DEFAULTS;
          logger.warn(
            `techInsights.factRetrievers.${key} is not configured, so Tech Insights will not run the User Trust fact retriever; configure it, e.g. ${JSON.stringify(
              { cadence, lifecycle },
            )}`,
          );
        }
      },
    });
  },
});
