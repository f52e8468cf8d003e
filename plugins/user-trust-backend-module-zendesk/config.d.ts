import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  userTrust?: {
    /** The Zendesk signal source: ticket webhooks and the incremental ticket export. */
    zendesk?: {
      /** The `acme` of `acme.zendesk.com`. This or `baseUrl`. */
      subdomain?: string;
      /** API host, e.g. `https://support.example.com`; default from `subdomain`. */
      baseUrl?: string;
      /** Email of the agent or admin an API token belongs to. */
      email?: string;
      /**
       * API token (Admin Center → Apps and integrations → Zendesk API),
       * sent as basic auth `{email}/token:{apiToken}`. With `email`, or
       * `oauthToken`, the tickets are synced; without either, webhooks only.
       * @visibility secret
       */
      apiToken?: string;
      /**
       * OAuth access token (scope `read`), sent as a bearer token; instead of `apiToken`.
       * @visibility secret
       */
      oauthToken?: string;
      /**
       * Signing secrets of the webhook (Admin Center → Webhooks → the
       * webhook → Signing secret). Several while one is rotated.
       * @visibility secret
       */
      webhookSecrets?: string[];
      /** Replay window: deliveries signed longer ago are refused. Default 300 s. */
      webhookToleranceSeconds?: number;
      /** How a ticket names its catalog entity. */
      mapping?: {
        /** Id of a custom ticket field whose value names the entity. */
        fieldId?: string | number;
        /** Prefix of a tag naming the entity. Default `service_`. */
        tagPrefix?: string;
        /** Service id (field value or tag) → entity ref; wins over the catalog. */
        services?: { [serviceId: string]: string };
        /** Entity of tickets that name no service; without it they are left out. */
        defaultEntityRef?: string;
      };
      /** What makes a ticket an escalation. */
      escalation?: {
        /** Ids of the groups a ticket is escalated to. */
        groupIds?: Array<string | number>;
        /** Tags that mark a ticket escalated. */
        tags?: string[];
      };
      /** Schedule of the sync. Default every 10 minutes. */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /** Days of history the first sync reads. Default 90. */
      backfillDays?: number;
      /** Requests a minute to the incremental export (Zendesk: 10, 30 with High Volume API). */
      exportRequestsPerMinute?: number;
    };
  };
}
