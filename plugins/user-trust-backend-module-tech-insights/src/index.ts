/**
 * Tech Insights backend module of User Trust for Backstage: the trust score,
 * status, error budget, burn rate and field-role coverage of each entity as
 * facts with history, so that Tech Insights checks and scorecards can test
 * them.
 *
 * @packageDocumentation
 */

export { techInsightsModuleUserTrustFacts as default } from './module';
export {
  createUserTrustFactRetriever,
  USER_TRUST_FACT_RETRIEVER_CONFIG_KEY,
  USER_TRUST_FACT_RETRIEVER_DEFAULTS,
  USER_TRUST_FACT_RETRIEVER_ID,
} from './factRetriever';
export type { UserTrustFactRetrieverOptions } from './factRetriever';
