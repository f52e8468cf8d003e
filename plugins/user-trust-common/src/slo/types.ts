import type { UserTrustApiSchemas as Schemas } from '../schema';
import type { AlertPolicy } from './alerting';

/**
 * A selection of signals, the building block of user-trust indicators. All
 * given conditions must hold. Written in OpenSLO documents as the `spec` of a
 * `metricSource` of type `UserTrust`.
 *
 * @public
 */
export type SignalQuery = Schemas['SignalQuery'];

/**
 * How the indicator of a user-trust SLO is computed.
 * - `ratio`: good (or bad) events over total events.
 * - `rate`: events per `per` units of exposure (the `value` of exposure
 *   signals, e.g. active customers from `customer_activity`), judged per
 *   time slice against the objective's threshold.
 * - `count`: a count judged per time slice against the threshold; with
 *   `op: lte` and `value: 0` this is a zero-SLO.
 *
 * @public
 */
export type SloIndicator = Schemas['SloIndicator'];

/** Comparison of a threshold objective (OpenSLO `op`). @public */
export type ThresholdOp = Schemas['ThresholdOp'];

/** @public */
export type SloTimeWindow = Schemas['SloTimeWindow'];

/**
 * A validated user-trust SLO, parsed from an OpenSLO `openslo/v1` document.
 *
 * @public
 */
export type UserTrustSlo = Schemas['UserTrustSlo'];

/** Where an effective SLO was defined. @public */
export type SloSource = Schemas['SloSource'];

/** @public */
export type SloStatus = Schemas['SloStatus'];

/** @public */
export type BurnRate = Schemas['BurnRate'];

/** Evaluation of one SLO over its window. @public */
export type SloEvaluation = Schemas['SloEvaluation'];

/** Technical SLI versus user-trust view. @public */
export type PerceptionDissonance = Schemas['PerceptionDissonance'];

/**
 * A technical SLI from monitoring, compared with the user-trust SLOs to
 * find perception dissonance. Attainment and target are fractions; the
 * backend adds where the number comes from (`provenance`).
 *
 * @public
 */
export type TechnicalSli = Schemas['TechnicalSli'];

/**
 * The `sli_report` signals behind a technical SLI: their sources, days and
 * the query of the latest report.
 *
 * @public
 */
export type TechnicalSliProvenance = Schemas['TechnicalSliProvenance'];

/**
 * Answer of `GET /api/user-trust/entities/{kind}/{namespace}/{name}/trust`.
 *
 * @public
 */
export type EntityTrustEvaluation = Schemas['EntityTrustEvaluation'];

/** An SLO that applies to an entity, with where it came from. @public */
export type EffectiveSlo = Schemas['EffectiveSlo'];

/**
 * Answer of `GET /api/user-trust/entities/{kind}/{namespace}/{name}/slos`.
 *
 * @public
 */
export type EntitySlosResponse = Schemas['EntitySlosResponse'];

/** Evaluation settings, from `userTrust.evaluation` in app-config. @public */
export type EvaluationSettings = {
  /** Burn-rate windows, shortest first, with their alerting thresholds. */
  burnWindows: Array<{ window: string; days: number; threshold: number }>;
  /**
   * Below this many events (Occurrences) or slices (Timeslices, capped at the
   * number of slices the whole window holds): insufficient-data.
   */
  minEvents: number;
  /** Whether days with known events are left out of budgets. */
  knownEvents: 'exclude' | 'include';
  /**
   * With a policy, each evaluation carries its alert state, the burn rates
   * over the policy's windows and a forecast (`alert`).
   */
  alerting?: AlertPolicy;
};

/** @public */
export const DEFAULT_EVALUATION_SETTINGS: EvaluationSettings = {
  burnWindows: [
    { window: '1d', days: 1, threshold: 3 },
    { window: '7d', days: 7, threshold: 1 },
  ],
  minEvents: 10,
  knownEvents: 'exclude',
};

/** A signal as stored and listed by the API. @public */
export type StoredSignal = Schemas['Signal'];

/**
 * Answer of `GET /api/user-trust/entities/{kind}/{namespace}/{name}/signals`.
 *
 * @public
 */
export type SignalListResponse = Schemas['SignalListResponse'];
