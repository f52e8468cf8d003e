import { SignalKind, SignalSeverity } from '../signals';

/**
 * A selection of signals, the building block of user-trust indicators. All
 * given conditions must hold. Written in OpenSLO documents as the `spec` of a
 * `metricSource` of type `UserTrust`.
 *
 * @public
 */
export type SignalQuery = {
  /** One kind or several. */
  kind: SignalKind | SignalKind[];
  severity?: SignalSeverity[];
  /** Inclusive lower bound on `value` (CSAT ≥ 4: `valueAtLeast: 4`). */
  valueAtLeast?: number;
  /** Inclusive upper bound on `value`. */
  valueAtMost?: number;
  /** Only signals of these customer accounts. */
  account?: string[];
  /** Attribute equality (`{ escalated: false }`). */
  attributes?: Record<string, string | number | boolean>;
};

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
export type SloIndicator =
  | {
      type: 'ratio';
      good?: SignalQuery;
      bad?: SignalQuery;
      total: SignalQuery;
    }
  | {
      type: 'rate';
      events: SignalQuery;
      exposure: SignalQuery;
      /** Events per this many exposure units, e.g. 1000 customers. */
      per: number;
    }
  | {
      type: 'count';
      events: SignalQuery;
    };

/** Comparison of a threshold objective (OpenSLO `op`). @public */
export type ThresholdOp = 'lt' | 'lte' | 'gt' | 'gte';

/** @public */
export type SloTimeWindow =
  | { type: 'rolling'; duration: string; days: number }
  | {
      type: 'calendar';
      /** `1w`, `1M`, `1Q` or `1Y`. */
      duration: string;
      /** Start of the calendar, ISO 8601. */
      startTime: string;
      timeZone: string;
    };

/**
 * A validated user-trust SLO, parsed from an OpenSLO `openslo/v1` document.
 *
 * @public
 */
export type UserTrustSlo = {
  /** `metadata.name` of the OpenSLO document. */
  name: string;
  displayName?: string;
  description?: string;
  indicator: SloIndicator;
  timeWindow: SloTimeWindow;
  budgetingMethod: 'Occurrences' | 'Timeslices';
  objective: {
    displayName?: string;
    /** Target in [0, 1). */
    target: number;
    /** For `rate` and `count` indicators (and Timeslices of ratios). */
    op?: ThresholdOp;
    value?: number;
    /** Timeslices: ratio a slice must reach to be good (ratio indicators). */
    timeSliceTarget?: number;
    /** Timeslices: slice length in days (default 1). */
    timeSliceDays?: number;
  };
  /** Weight in the trust score (default 1). */
  weight: number;
};

/** Where an effective SLO was defined. @public */
export type SloSource =
  | { type: 'annotation'; location: string }
  | { type: 'config'; rule: string }
  | { type: 'api'; updatedBy?: string; updatedAt: string };

/** @public */
export type SloStatus =
  | 'healthy'
  | 'at-risk'
  | 'breached'
  | 'no-data'
  | 'insufficient-data';

/** @public */
export type BurnRate = {
  /** `1d`, `7d`, ... */
  window: string;
  rate: number | null;
  /** Alerting threshold from config for this window. */
  threshold: number;
};

/** Evaluation of one SLO over its window. @public */
export type SloEvaluation = {
  name: string;
  displayName?: string;
  source: SloSource;
  status: SloStatus;
  target: number;
  budgetingMethod: 'Occurrences' | 'Timeslices';
  window: { from: string; to: string; duration: string };
  /** Good / (good + bad) over the window; null without data. */
  attainment: number | null;
  /** Wilson 95% interval of the attainment (Occurrences). */
  confidence?: { lower: number; upper: number };
  /** Events (Occurrences) or time slices (Timeslices) counted. */
  total: number;
  good: number;
  /** Fraction of the error budget left; negative once overspent. */
  errorBudgetRemaining: number | null;
  burnRates: BurnRate[];
  /** Days excluded from the budget because of known events. */
  excludedDays: string[];
  /** Budget left at the end of each day of the window (burn-down chart). */
  budgetHistory: Array<{ day: string; errorBudgetRemaining: number | null }>;
  /** Weight of the SLO in the trust score (`UserTrustSlo.weight`). */
  weight?: number;
};

/** Technical SLI versus user-trust view. @public */
export type PerceptionDissonance = {
  kind: 'technical-green-users-burning' | 'technical-red-users-fine';
  technical: { sli: string; attainment: number; target: number };
  userTrust: { slo: string; status: SloStatus; burnRate: number | null };
  message: string;
};

/**
 * Answer of `GET /api/user-trust/entities/{kind}/{namespace}/{name}/trust`.
 *
 * @public
 */
export type EntityTrustEvaluation = {
  entityRef: string;
  evaluatedAt: string;
  /** 0–100; null when no SLO has enough data. */
  score: number | null;
  status: SloStatus;
  slos: SloEvaluation[];
  dissonance: PerceptionDissonance[];
};

/** An SLO that applies to an entity, with where it came from. @public */
export type EffectiveSlo = {
  slo: UserTrustSlo;
  source: SloSource;
};

/**
 * Answer of `GET /api/user-trust/entities/{kind}/{namespace}/{name}/slos`.
 *
 * @public
 */
export type EntitySlosResponse = {
  entityRef: string;
  slos: EffectiveSlo[];
};

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
export type StoredSignal = {
  source: string;
  externalId: string;
  kind: SignalKind;
  entityRef: string;
  occurredAt: string;
  resolvedAt?: string;
  severity?: SignalSeverity;
  account?: string;
  value?: number;
  fieldRole?: string;
  handledBy?: string;
  attributes?: Record<string, string | number | boolean>;
};

/**
 * Answer of `GET /api/user-trust/entities/{kind}/{namespace}/{name}/signals`.
 *
 * @public
 */
export type SignalListResponse = {
  items: StoredSignal[];
  totalCount: number;
};
