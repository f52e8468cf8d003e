import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  userTrust?: {
    /** The PagerDuty signal source: webhooks v3 and REST API v2 incidents. */
    pagerduty?: {
      /** One entry per PagerDuty account. */
      accounts: Array<{
        /** A name for the account, unique among them; used in signals and on the Sources page. */
        id: string;
        /**
         * REST API key (read-only is enough), sent as `Authorization: Token token=...`.
         * Without one the account only receives webhooks: no REST
         * backfill or reconciliation runs for it.
         * @visibility secret
         */
        token?: string;
        /** API host. Default `https://api.pagerduty.com`. */
        baseUrl?: string;
        /**
         * Signing secrets of the account's webhook subscriptions; several
         * while one is rotated.
         * @visibility secret
         */
        webhookSecrets?: string[];
        /**
         * PagerDuty service id to entity ref (short refs are Components),
         * for services whose entity has no `pagerduty.com/service-id`
         * annotation or should map elsewhere. Wins over annotations.
         */
        serviceMapping?: { [serviceId: string]: string };
      }>;
      /** Schedule of the REST reconciliation. Default every 15 minutes. */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /** Days of history the first backfill reads. Default 90. */
      backfillDays?: number;
      /**
       * Which incidents count as customer-impacting (attribute
       * `customerImpacting`). Default: urgency `high`, or priority P1 or P2.
       */
      customerImpact?: {
        urgencies?: string[];
        priorities?: string[];
      };
      /**
       * Priority name to severity, for accounts whose priorities are not
       * named P1 to P5 or SEV1 to SEV5.
       */
      severityByPriority?: {
        [priority: string]: 'critical' | 'high' | 'medium' | 'low';
      };
    };
  };
}
