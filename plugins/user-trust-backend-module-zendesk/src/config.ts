import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { ZendeskCredentials } from './client/ZendeskClient';
import { ZendeskMappingConfig } from './mapping/TicketEntityMapping';
import { ZENDESK_DEFAULT_WEBHOOK_TOLERANCE_SECONDS } from './webhook/webhookSignature';

/** `userTrust.zendesk`, read and checked. @public */
export type ZendeskConfig = {
  /** `https://{subdomain}.zendesk.com` or the configured `baseUrl`. */
  baseUrl: string;
  /** The subdomain, or the host of `baseUrl`; attribute `zendeskAccount`. */
  account: string;
  /** Absent: no REST sync, and webhooks are read from their payload only. */
  credentials?: ZendeskCredentials;
  webhookSecrets: string[];
  webhookToleranceSeconds: number;
  mapping: ZendeskMappingConfig & {
    /** Entity of tickets that name no service; without it they are left out. */
    defaultEntityRef?: string;
  };
  escalation: { groupIds: string[]; tags: string[] };
  schedule: SchedulerServiceTaskScheduleDefinition;
  backfillDays: number;
  exportRequestsPerMinute: number;
};

/** Tag prefix naming a ticket's entity when none is configured. @public */
export const ZENDESK_DEFAULT_TAG_PREFIX = 'service_';

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 10 },
  timeout: { hours: 3 },
  initialDelay: { seconds: 30 },
};

function idList(config: Config, key: string): string[] {
  const value = config.getOptional<unknown>(key);
  if (value === undefined) return [];
  if (
    !Array.isArray(value) ||
    value.some(v => typeof v !== 'string' && typeof v !== 'number')
  ) {
    throw new Error(
      `userTrust.zendesk.${key} must be a list of ids (strings or numbers)`,
    );
  }
  return value.map(String);
}

/**
 * Reads `userTrust.zendesk`; undefined when the section is absent. Throws,
 * naming the key, without `subdomain` or `baseUrl`, for an `apiToken`
 * without `email`, or for both an API token and an OAuth token.
 *
 * @public
 */
export function readZendeskConfig(config: Config): ZendeskConfig | undefined {
  const root = config.getOptionalConfig('userTrust.zendesk');
  if (!root) return undefined;

  const subdomain = root.getOptionalString('subdomain');
  const configuredBase = root.getOptionalString('baseUrl');
  if (!subdomain && !configuredBase) {
    throw new Error(
      'userTrust.zendesk needs subdomain (e.g. acme for acme.zendesk.com) or baseUrl',
    );
  }
  if (subdomain && !/^[a-z0-9][a-z0-9-]*$/i.test(subdomain)) {
    throw new Error(
      `userTrust.zendesk.subdomain '${subdomain}' is not a subdomain (only the acme of acme.zendesk.com)`,
    );
  }
  const baseUrl = (
    configuredBase ?? `https://${subdomain}.zendesk.com`
  ).replace(/\/+$/, '');
  let host: string;
  try {
    host = new URL(baseUrl).host;
  } catch {
    throw new Error(`userTrust.zendesk.baseUrl '${baseUrl}' is not a URL`);
  }

  const email = root.getOptionalString('email');
  const apiToken = root.getOptionalString('apiToken');
  const oauthToken = root.getOptionalString('oauthToken');
  if (apiToken && oauthToken) {
    throw new Error(
      'userTrust.zendesk: configure either apiToken (with email) or oauthToken, not both',
    );
  }
  if (apiToken && !email) {
    throw new Error(
      'userTrust.zendesk.apiToken needs userTrust.zendesk.email (the agent the token belongs to)',
    );
  }
  let credentials: ZendeskCredentials | undefined;
  if (apiToken && email) credentials = { type: 'apiToken', email, apiToken };
  else if (oauthToken) credentials = { type: 'oauth', accessToken: oauthToken };

  const mapping = root.getOptionalConfig('mapping');
  // Service ids are data (tags may hold dots), so the map is read whole.
  const services = mapping?.getOptional<unknown>('services') ?? {};
  if (
    typeof services !== 'object' ||
    Array.isArray(services) ||
    Object.values(services as object).some(v => typeof v !== 'string')
  ) {
    throw new Error(
      'userTrust.zendesk.mapping.services must map service ids to entity refs',
    );
  }
  const fieldId = mapping?.getOptional<string | number>('fieldId');
  const defaultEntityRef = mapping?.getOptionalString('defaultEntityRef');
  const schedule = root.getOptionalConfig('schedule');
  const backfillDays = root.getOptionalNumber('backfillDays') ?? 90;
  if (!(backfillDays > 0)) {
    throw new Error('userTrust.zendesk.backfillDays must be more than 0');
  }
  return {
    baseUrl,
    account: subdomain ?? host,
    ...(credentials && { credentials }),
    webhookSecrets: root.getOptionalStringArray('webhookSecrets') ?? [],
    webhookToleranceSeconds:
      root.getOptionalNumber('webhookToleranceSeconds') ??
      ZENDESK_DEFAULT_WEBHOOK_TOLERANCE_SECONDS,
    mapping: {
      ...(fieldId !== undefined && { fieldId: String(fieldId) }),
      tagPrefix:
        mapping?.getOptionalString('tagPrefix') ?? ZENDESK_DEFAULT_TAG_PREFIX,
      services: services as Record<string, string>,
      ...(defaultEntityRef && { defaultEntityRef }),
    },
    escalation: {
      groupIds: idList(root, 'escalation.groupIds'),
      tags: (root.getOptionalStringArray('escalation.tags') ?? []).map(t =>
        t.toLowerCase(),
      ),
    },
    schedule: schedule
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(schedule)
      : DEFAULT_SCHEDULE,
    backfillDays,
    exportRequestsPerMinute:
      root.getOptionalNumber('exportRequestsPerMinute') ?? 10,
  };
}
