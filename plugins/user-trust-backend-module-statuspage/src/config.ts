import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  STATUSPAGE_DEFAULT_BASE_URL,
  StatuspageClient,
  StatuspageClientOptions,
} from './client/StatuspageClient';
import { ConfiguredComponentMapping } from './mapping/ComponentEntityMapping';

/** One configured status page. @public */
export type StatuspagePageConfig = {
  id: string;
  /** Absent: the page is not read over the REST API (webhooks only). */
  apiKey?: string;
  baseUrl: string;
  webhookTokens: string[];
  componentMapping: Record<string, string>;
  entityRef?: string;
};

/** `userTrust.statuspage`, read and checked. @public */
export type StatuspageConfig = {
  pages: StatuspagePageConfig[];
  schedule: SchedulerServiceTaskScheduleDefinition;
  backfillDays: number;
};

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 15 },
  timeout: { minutes: 10 },
  initialDelay: { seconds: 30 },
};

/**
 * Reads `userTrust.statuspage`; undefined when the section is absent.
 * Throws, naming the key, for a page listed twice or a webhook token used
 * by two pages (the token tells which page a delivery is for).
 *
 * @public
 */
export function readStatuspageConfig(
  config: Config,
): StatuspageConfig | undefined {
  const root = config.getOptionalConfig('userTrust.statuspage');
  if (!root) return undefined;

  const pages = root.getConfigArray('pages').map(page => {
    // Component ids are data, so the map is read key by key, not by path.
    const mapping = page.getOptionalConfig('componentMapping');
    const entityRef = page.getOptionalString('entityRef');
    const apiKey = page.getOptionalString('apiKey');
    return {
      id: page.getString('id'),
      ...(apiKey && { apiKey }),
      baseUrl: page.getOptionalString('baseUrl') ?? STATUSPAGE_DEFAULT_BASE_URL,
      webhookTokens: page.getOptionalStringArray('webhookTokens') ?? [],
      componentMapping: Object.fromEntries(
        (mapping?.keys() ?? []).map(key => [key, mapping!.getString(key)]),
      ),
      ...(entityRef && { entityRef }),
    };
  });

  const pageIds = new Set<string>();
  const tokens = new Map<string, string>();
  for (const page of pages) {
    if (pageIds.has(page.id)) {
      throw new Error(
        `userTrust.statuspage.pages: page '${page.id}' is listed twice`,
      );
    }
    pageIds.add(page.id);
    for (const token of page.webhookTokens) {
      const owner = tokens.get(token);
      if (owner !== undefined && owner !== page.id) {
        throw new Error(
          `userTrust.statuspage.pages: pages '${owner}' and '${page.id}' share a webhook token; each page needs its own`,
        );
      }
      tokens.set(token, page.id);
    }
  }

  const schedule = root.getOptionalConfig('schedule');
  return {
    pages,
    schedule: schedule
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(schedule)
      : DEFAULT_SCHEDULE,
    backfillDays: root.getOptionalNumber('backfillDays') ?? 90,
  };
}

/** The config mappings of every page, for `ComponentEntityMapping.create`. @public */
export function configuredComponentMappings(
  config: StatuspageConfig,
): ConfiguredComponentMapping[] {
  return config.pages.map(page => ({
    pageId: page.id,
    components: page.componentMapping,
    ...(page.entityRef && { entityRef: page.entityRef }),
  }));
}

/**
 * One client per configured page that has an API key, each with its page's
 * key and base URL; `shared` holds what all share (fetch, logger, clock,
 * retry policy). Pages without a key receive webhooks only.
 *
 * @public
 */
export function createStatuspageClients(
  config: StatuspageConfig,
  shared: Omit<StatuspageClientOptions, 'pageId' | 'apiKey' | 'baseUrl'> = {},
): StatuspageClient[] {
  return config.pages.flatMap(page =>
    page.apiKey
      ? [
          new StatuspageClient({
            ...shared,
            pageId: page.id,
            apiKey: page.apiKey,
            baseUrl: page.baseUrl,
          }),
        ]
      : [],
  );
}
