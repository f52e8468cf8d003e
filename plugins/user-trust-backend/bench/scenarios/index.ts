import { batchScenario } from './batch';
import { evaluateScenario } from './evaluate';
import { healthScenario } from './health';
import { ingestScenario } from './ingest';
import { Scenario } from './types';

/**
 * Every scenario, in the order they run. `ingest` loads the data set the
 * others read, so it stays first.
 */
export const SCENARIOS: Scenario[] = [
  ingestScenario,
  evaluateScenario,
  batchScenario,
  healthScenario,
];

export type { Scenario, ScenarioResult, Metric, Aim } from './types';
