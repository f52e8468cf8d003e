import type { DataSet } from '../lib/dataset';
import type { Engine } from '../lib/engines';
import type { BenchBackend } from '../lib/backend';
import type { BenchOptions } from '../lib/options';
import type { LoadClient } from '../lib/loadClient';

/** One number a scenario measured. */
export type Metric = {
  /** Stable id, e.g. `evaluate.single.p95`; aims refer to it. */
  id: string;
  label: string;
  value: number;
  unit: string;
  /** Decimals shown in the report. */
  digits?: number;
};

/** A goal from the issue for one metric. */
export type Aim = {
  metric: string;
  label: string;
  op: '<=' | '>=';
  target: number;
};

export type ScenarioResult = {
  id: string;
  title: string;
  metrics: Metric[];
  /** Free-form facts shown under the scenario (tables of strings). */
  details?: Array<{ heading: string; rows: Array<[string, string]> }>;
  notes?: string[];
};

export type BenchContext = {
  options: BenchOptions;
  engine: Engine;
  dataset: DataSet;
  backend: BenchBackend;
  /** HTTP load from a worker thread, off the backend's event loop. */
  client: LoadClient;
  log(message: string): void;
};

/**
 * A benchmark scenario. Scenarios run in the order of the registry, against
 * one backend per engine that the `ingest` scenario has filled; add new
 * ones to `scenarios/index.ts`.
 */
export interface Scenario {
  id: string;
  title: string;
  aims?: Aim[];
  run(ctx: BenchContext): Promise<ScenarioResult>;
}
