import { batchScenario } from './batch';
import { evaluateScenario } from './evaluate';
import { ingestScenario } from './ingest';
import { Scenario } from './types';

/**
 * Every scenario, in the order they run. `ingest` loads the data set the
 * others read, so it stays first; further endpoints (e.g. a catalog-wide
 * health view) go after `batch`.
 */
export const SCENARIOS: Scenario[] = [
  ingestScenario,
  evaluateScenario,
  batchScenario,
];

export type { Scenario, ScenarioResult, Metric, Aim } from './types';
