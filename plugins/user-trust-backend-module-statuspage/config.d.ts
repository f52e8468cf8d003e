import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  userTrust?: {
    /** The Atlassian Statuspage signal source: webhooks and REST API incidents. */
    statuspage?: {
      /** One entry per status page. */
      pages: Array<{
        /** The page id (Statuspage: API info, or the URL of the page's admin). */
        id: string;
        /**
         * API key of a user of the page's organization, sent as
         * `Authorization: OAuth ...`. Without it the page is not read over
         * the REST API (webhooks only).
         * @visibility secret
         */
        apiKey?: string;
        /** API base. Default `https://api.statuspage.io/v1`. */
        baseUrl?: string;
        /**
         * Secret tokens of the page's webhook URL (Statuspage signs
         * nothing; the token in the URL is the proof). Several while one is
         * rotated.
         * @visibility secret
         */
        webhookTokens?: string[];
        /**
         * Component id to entity ref (short refs are Components), for
         * components whose entity has no `statuspage.io/component-id`
         * annotation or should map elsewhere. Wins over annotations.
         */
        componentMapping?: { [componentId: string]: string };
        /** Entity of the page's incidents that name no component. */
        entityRef?: string;
      }>;
      /** Schedule of the REST sync. Default every 15 minutes. */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /** Days of history the first backfill reads. Default 90. */
      backfillDays?: number;
    };
  };
}
