import { evaluateScenario } from './evaluate';
import { ingestScenario } from './ingest';
import { Scenario } from './types';

/**
 * Every scenario, in the order they run. `ingest` loads the data set the
 * others read, so it stays first; a scenario for a catalog-wide health
 * endpoint would go after `evaluate`.
 */
export const SCENARIOS: Scenario[] = [ingestScenario, evaluateScenario];

export type { Scenario, ScenarioResult, Metric, Aim } from './types';
