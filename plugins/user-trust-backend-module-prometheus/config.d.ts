import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  userTrust?: {
    /** The Prometheus signal source: daily technical SLIs (`sli_report`) for perception dissonance. */
    prometheus?: {
      /** e.g. `https://prometheus.example.com`; the API is `{baseUrl}/api/v1`. */
      baseUrl: string;
      /**
       * Bearer token for Prometheus or the proxy in front of it.
       * @visibility secret
       */
      token?: string;
      /** Basic-auth user, with `password`; instead of `token`. */
      username?: string;
      /**
       * Basic-auth password.
       * @visibility secret
       */
      password?: string;
      /** Schedule of the sync. Default every hour. */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /** Complete UTC days each sync reads (re-reads) before today. Default 28. */
      backfillDays?: number;
      /** Timeout of one query, in seconds. Default 30. */
      timeoutSeconds?: number;
      /**
       * Entity ref → its SLI queries, besides (and winning over) the
       * `prometheus.io/sli-*` annotations. Each query is evaluated at the end
       * of a UTC day and should cover that day, e.g.
       * `sum(increase(http_requests_total{job="checkout"}[1d]))`.
       */
      entities?: {
        [entityRef: string]: {
          /** Good events of the day. With `total`. */
          good?: string;
          /** All events of the day. With `good`. */
          total?: string;
          /** The day's ratio (0..1), e.g. a recording rule; instead of good and total. */
          ratio?: string;
        };
      };
    };
  };
}
