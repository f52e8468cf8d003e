import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  userTrust?: {
    slos?: {
      /**
       * User-trust SLOs every matching entity gets without any work. When
       * absent, the plugin's built-in defaults apply to components of type
       * service and website.
       */
      defaults?: Array<{
        /** Name of the rule, shown as the source of its SLOs. */
        rule: string;
        /** Which entities get these SLOs; all conditions must hold. */
        filter?: {
          kind?: string | string[];
          type?: string | string[];
          lifecycle?: string | string[];
          /** Values of the tier label (see `tierLabel`). */
          tier?: string | string[];
        };
        /**
         * OpenSLO `openslo/v1` SLO (and SLI) documents, as YAML objects.
         */
        documents: any[];
      }>;
      /** Entity label holding the tier. Default `user-trust.io/tier`. */
      tierLabel?: string;
    };
    evaluation?: {
      /**
       * Burn-rate windows with their alerting thresholds, shortest first.
       * Default: 1d at 3× and 7d at 1× (of a 28-day budget).
       */
      burnWindows?: Array<{ window: string; threshold: number }>;
      /** Fewer events (or time slices) than this: insufficient-data. Default 10. */
      minEvents?: number;
      /** Leave days with known events out of budgets. Default exclude. */
      knownEvents?: 'exclude' | 'include';
      /** Seconds an evaluation may be served from cache. Default 30, at most 60. */
      cacheSeconds?: number;
    };
    /**
     * The default alert policy: an SLO is `breached` when its budget is spent
     * or both windows of `breached` burn at or above its threshold, `at-risk`
     * when both windows of `atRisk` do, `ok` otherwise. Burn rate = error
     * ratio over the window / (1 − target). Windows are days or weeks
     * (`2d`, `1w`; signals are counted per UTC day). Transitions are stored
     * (the entity tab's alert timeline).
     */
    alerting?: {
      /** Default: 7d and 2d both at 2× (half a 28-day budget in a week). */
      breached?: {
        longWindow?: string;
        shortWindow?: string;
        threshold?: number;
      };
      /** Default: 7d and 2d both at 1× (a quarter of a 28-day budget in a week). */
      atRisk?: {
        longWindow?: string;
        shortWindow?: string;
        threshold?: number;
      };
    };
    /**
     * Field role types (TAM, CSM, DevRel, support lead, ...) whose holders
     * can be registered per catalog entity. When absent: tam, csm, devrel
     * and support, with tam and csm required for tier-1 services and
     * websites, and support for every service and website.
     */
    fieldRoles?: Array<{
      /**
       * Lower-case id, e.g. `tam`: letters, digits and dashes, starting
       * with a letter. Names the annotation `user-trust.io/field-role-<id>`.
       */
      id: string;
      /** Shown to users, e.g. `Technical Account Manager`. */
      title: string;
      description?: string;
      /**
       * Entities that must have a holder of this role: an entity matching
       * any item (all conditions of the item) without a holder is a blind
       * spot. Values are compared case-insensitively. Default: none.
       */
      requiredFor?: Array<{
        /** Entity kinds, e.g. `component`. */
        kind?: string | string[];
        /** Values of `spec.type`. */
        type?: string | string[];
        /** Values of `spec.lifecycle`. */
        lifecycle?: string | string[];
        /** Values of the tier label (`userTrust.slos.tierLabel`). */
        tier?: string | string[];
      }>;
    }>;
    dissonance?: {
      /** Target of the technical SLI from `sli_report` signals. Default 0.999. */
      technicalTarget?: number;
    };
    health?: {
      /**
       * Entity kinds listed on the catalog-wide health page. Default
       * `[Component, API]`.
       */
      kinds?: string[];
      /**
       * How often every health row is recomputed (one replica at a time);
       * rows of entities with new signals, SLOs or field roles follow within
       * about 10 seconds regardless. Default every 5 minutes, first 10
       * seconds after start-up.
       */
      refresh?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
    ingestion?: {
      /**
       * Minutes a signal's time may lie ahead of the server's clock (the
       * sender's clock skew); later ones are refused. Default 15.
       */
      maxFutureSkewMinutes?: number;
      /** Days a signal's time may lie in the past (backfills). Default 3650. */
      maxAgeDays?: number;
    };
    rollups?: {
      /**
       * The safety net of the rollups: a background walk that compares
       * each entity's rollups with a recount of its stored signals and
       * repairs (and logs) what differs, one replica at a time.
       */
      reconcile?: {
        /** Default every minute, first a minute after start-up. */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /** Entities compared per run. Default 100. */
        entitiesPerRun?: number;
      };
    };
  };
}
