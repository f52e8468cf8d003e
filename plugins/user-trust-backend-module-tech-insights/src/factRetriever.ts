import { LoggerService } from '@backstage/backend-plugin-api';
import {
  FactRetriever,
  FactRetrieverContext,
  FactLifecycle,
  TechInsightFact,
} from '@backstage-community/plugin-tech-insights-node';
import type { EntityHealth } from '@user-trust/plugin-user-trust-common';
import { readHealthRows } from './healthRows';

/**
 * Id of the fact retriever; checks name it in `factIds`.
 *
 * @public
 */
export const USER_TRUST_FACT_RETRIEVER_ID = 'user-trust-facts';

/**
 * Key under `techInsights.factRetrievers` whose `cadence` and `lifecycle`
 * schedule the retriever. The tech-insights backend schedules only the
 * retrievers configured there.
 *
 * @public
 */
export const USER_TRUST_FACT_RETRIEVER_CONFIG_KEY = 'userTrustFactRetriever';

/**
 * The schedule and history the README recommends: every 6 hours, keeping
 * 90 days of facts per entity (about 360 rows each).
 *
 * @public
 */
export const USER_TRUST_FACT_RETRIEVER_DEFAULTS: {
  cadence: string;
  lifecycle: FactLifecycle;
} = {
  cadence: '0 */6 * * *',
  lifecycle: { timeToLive: { days: 90 } },
};

/** Entity fields an `entityFilter` of this retriever may test. */
const FILTER_FIELDS: Record<string, (row: EntityHealth) => string | undefined> =
  {
    kind: row => row.kind,
    'metadata.namespace': row => row.namespace,
    'metadata.name': row => row.name,
    'spec.type': row => row.type,
    'spec.lifecycle': row => row.lifecycle,
    'spec.owner': row => row.owner,
    'spec.system': row => row.system,
    'spec.domain': row => row.domain,
  };

type EntityFilter = NonNullable<FactRetriever['entityFilter']>;

/**
 * Options of {@link createUserTrustFactRetriever}.
 *
 * @public
 */
export type UserTrustFactRetrieverOptions = {
  /**
   * Only these entities get facts. Keys: `kind`, `metadata.namespace`,
   * `metadata.name`, `spec.type`, `spec.lifecycle`, and the refs
   * `spec.owner`, `spec.system`, `spec.domain` (as `group:default/team-a`);
   * values compare case-insensitively, a symbol means "has a value". A
   * clause with another key matches nothing.
   */
  entityFilter?: FactRetriever['entityFilter'];
};

/**
 * A Tech Insights fact retriever with the User Trust numbers of each entity
 * the user-trust backend evaluates, read from its health rows (one paged
 * `GET /api/user-trust/health`): `trustScore`, `trustStatus`,
 * `worstBudgetRemaining`, `fastestBurnRate`, `blindSpot` and
 * `missingRoles`. Numbers the entity has no value for are left out.
 *
 * @public
 */
export function createUserTrustFactRetriever(
  options: UserTrustFactRetrieverOptions = {},
): FactRetriever {
  return {
    id: USER_TRUST_FACT_RETRIEVER_ID,
    version: '0.1.0',
    title: 'User Trust',
    description:
      'Trust score, status, error budget, burn rate and field-role coverage of each entity, from User Trust',
    entityFilter: options.entityFilter,
    schema: {
      trustScore: {
        type: 'float',
        description:
          'User trust score, 0 to 100 (left out while the entity has no data)',
      },
      trustStatus: {
        type: 'string',
        description:
          'Worst SLO status: healthy, at-risk, breached, insufficient-data or no-data',
      },
      worstBudgetRemaining: {
        type: 'float',
        description:
          'Least error budget left over the entity’s SLOs, as a fraction (1 = untouched, 0 or less = spent)',
      },
      fastestBurnRate: {
        type: 'float',
        description:
          'Fastest error-budget burn rate over all SLOs and windows (1 = spending exactly the budget)',
      },
      blindSpot: {
        type: 'boolean',
        description: 'A required field role (e.g. support lead) has no holder',
      },
      missingRoles: {
        type: 'set',
        description: 'Ids of the required field roles nobody holds',
      },
    },
    handler: async (ctx: FactRetrieverContext) => {
      const rows = await readHealthRows(ctx);
      const filter = ctx.entityFilter ?? options.entityFilter;
      const selected = filter
        ? rows.filter(row => matchesFilter(row, filter, ctx.logger))
        : rows;
      return selected.map(toFacts);
    },
  };
}

function toFacts(row: EntityHealth): TechInsightFact {
  const facts: TechInsightFact['facts'] = {
    trustStatus: row.status,
    blindSpot: row.missingRoles.length > 0,
    missingRoles: [...row.missingRoles],
  };
  if (row.score !== null) facts.trustScore = row.score;
  if (row.worstBudget !== null) facts.worstBudgetRemaining = row.worstBudget;
  if (row.fastestBurn) facts.fastestBurnRate = row.fastestBurn.rate;
  return {
    entity: { kind: row.kind, namespace: row.namespace, name: row.name },
    facts,
  };
}

const warned = new WeakSet<object>();

function matchesFilter(
  row: EntityHealth,
  filter: EntityFilter,
  logger: LoggerService,
): boolean {
  const clauses = Array.isArray(filter) ? filter : [filter];
  if (clauses.length === 0) return true;
  return clauses.some(clause =>
    Object.entries(clause).every(([key, expected]) => {
      const field = FILTER_FIELDS[key.toLocaleLowerCase('en-US')];
      if (!field) {
        if (!warned.has(clause)) {
          warned.add(clause);
          logger.warn(
            `The entity filter of ${USER_TRUST_FACT_RETRIEVER_ID} tests "${key}", which User Trust health rows do not carry; that clause matches no entity`,
          );
        }
        return false;
      }
      const value = field(row)?.toLocaleLowerCase('en-US');
      return [expected]
        .flat()
        .some(it =>
          typeof it === 'symbol'
            ? value !== undefined
            : it.toLocaleLowerCase('en-US') === value,
        );
    }),
  );
}
