import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  SIGNAL_SEVERITIES,
  SignalSeverity,
} from '@user-trust/plugin-user-trust-common';
import { PAGERDUTY_DEFAULT_BASE_URL } from './client/PagerDutyClient';
import { IncidentClassificationOptions } from './incidents/classification';
import { ConfiguredServiceMapping } from './mapping/ServiceEntityMapping';

/** One configured PagerDuty account. @public */
export type PagerDutyAccountConfig = {
  id: string;
  /** REST API key; without one the account only receives webhooks. */
  token?: string;
  baseUrl: string;
  webhookSecrets: string[];
  serviceMapping: Record<string, string>;
};

/** `userTrust.pagerduty`, read and checked. @public */
export type PagerDutyConfig = {
  accounts: PagerDutyAccountConfig[];
  schedule: SchedulerServiceTaskScheduleDefinition;
  backfillDays: number;
  classification: IncidentClassificationOptions;
};

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 15 },
  timeout: { minutes: 10 },
  initialDelay: { seconds: 30 },
};

// Keys are read from the sub-config, not as `a.b` paths: service ids and
// priority names are data, not config key syntax.
function readStringMap(config: Config | undefined): Record<string, string> {
  return Object.fromEntries(
    (config?.keys() ?? []).map(key => [key, config!.getString(key)]),
  );
}

/**
 * Reads `userTrust.pagerduty`; undefined when the section is absent. Throws
 * (naming the key) for duplicate account ids, an account with neither a
 * token nor a webhook secret, or an unknown severity. An account without a
 * token only receives webhooks.
 *
 * @public
 */
export function readPagerDutyConfig(
  config: Config,
): PagerDutyConfig | undefined {
  const root = config.getOptionalConfig('userTrust.pagerduty');
  if (!root) return undefined;

  const accounts = root.getConfigArray('accounts').map(account => ({
    id: account.getString('id'),
    token: account.getOptionalString('token') || undefined,
    baseUrl: account.getOptionalString('baseUrl') ?? PAGERDUTY_DEFAULT_BASE_URL,
    webhookSecrets: account.getOptionalStringArray('webhookSecrets') ?? [],
    serviceMapping: readStringMap(account.getOptionalConfig('serviceMapping')),
  }));
  accounts.forEach((account, index) => {
    if (!account.token && account.webhookSecrets.length === 0) {
      throw new Error(
        `userTrust.pagerduty.accounts[${index}] (${account.id}): needs a token (REST sync), webhookSecrets (webhooks) or both`,
      );
    }
  });
  const ids = accounts.map(a => a.id);
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
  if (duplicate !== undefined) {
    throw new Error(
      `userTrust.pagerduty.accounts: account id '${duplicate}' is used twice`,
    );
  }

  const severityByPriority: Record<string, SignalSeverity> = {};
  for (const [key, value] of Object.entries(
    readStringMap(root.getOptionalConfig('severityByPriority')),
  )) {
    if (!(SIGNAL_SEVERITIES as readonly string[]).includes(value)) {
      throw new Error(
        `userTrust.pagerduty.severityByPriority.${key}: '${value}' is not one of ${SIGNAL_SEVERITIES.join(
          ', ',
        )}`,
      );
    }
    severityByPriority[key] = value as SignalSeverity;
  }

  const schedule = root.getOptionalConfig('schedule');
  return {
    accounts,
    schedule: schedule
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(schedule)
      : DEFAULT_SCHEDULE,
    backfillDays: root.getOptionalNumber('backfillDays') ?? 90,
    classification: {
      severityByPriority,
      customerImpactUrgencies: root.getOptionalStringArray(
        'customerImpact.urgencies',
      ),
      customerImpactPriorities: root.getOptionalStringArray(
        'customerImpact.priorities',
      ),
    },
  };
}

/** The config mappings of every account, for {@link ServiceEntityMapping}. @public */
export function configuredServiceMappings(
  config: PagerDutyConfig,
): ConfiguredServiceMapping[] {
  return config.accounts.map(account => ({
    accountId: account.id,
    services: account.serviceMapping,
  }));
}
