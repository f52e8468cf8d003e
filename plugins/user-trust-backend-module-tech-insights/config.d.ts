import { HumanDuration } from '@backstage/types';

export interface Config {
  techInsights?: {
    factRetrievers?: {
      /**
       * The User Trust fact retriever (`user-trust-facts`). Tech Insights
       * runs it only when this is configured.
       */
      userTrustFactRetriever?: {
        /** Cron expression, e.g. `0 *\/6 * * *` (every 6 hours). */
        cadence: string;
        /**
         * How much history to keep per entity: `{ timeToLive: { days: 90 } }`
         * or `{ maxItems: 360 }`.
         */
        lifecycle?: { timeToLive: HumanDuration } | { maxItems: number };
        /** How long one run may take; default 5 minutes. */
        timeout?: HumanDuration;
        /** Delay of the first run after start; default 5 seconds. */
        initialDelay?: HumanDuration;
        /**
         * Only these entities get facts, e.g. `{ kind: component,
         * spec.lifecycle: production }` or a list of such clauses (any
         * matches). Keys: kind, metadata.namespace, metadata.name,
         * spec.type, spec.lifecycle, spec.owner, spec.system, spec.domain
         * (the last three as refs).
         */
        entityFilter?:
          | { [key: string]: string | string[] }
          | Array<{ [key: string]: string | string[] }>;
      };
    };
  };
}
