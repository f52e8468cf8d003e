import {
  AuthService,
  BackstageCredentials,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  ActionsRegistryActionOptions,
  ActionsRegistryService,
} from '@backstage/backend-plugin-api/alpha';
import {
  Entity,
  parseEntityRef,
  RELATION_MEMBER_OF,
  RELATION_OWNED_BY,
} from '@backstage/catalog-model';
import { AuthenticationError, InputError } from '@backstage/errors';
import {
  HEALTH_SORT_FIELDS,
  SIGNAL_KINDS,
  SIGNAL_SEVERITIES,
  SignalInput,
  SloStatus,
  toStoredEntityRef,
  userTrustSignalCreatePermission,
} from '@user-trust/plugin-user-trust-common';
import { createHash } from 'node:crypto';
import { FieldRoleService } from '../fieldRoles/FieldRoleService';
import { HealthService } from '../health/HealthService';
import { queryHealth } from '../health/queryHealth';
import { EntityAccess } from '../service/entityAccess';
import { principalRef } from '../service/principals';
import { SignalIngestor } from '../signals/SignalIngestor';
import { SignalStore } from '../signals/SignalStore';
import { EvaluationService } from '../slo/EvaluationService';
import {
  entityUrl,
  explainDissonance,
  healthSummary,
  signalCounts,
  sloSummary,
  STATUS_MEANINGS,
  technicalSummary,
  trustSentence,
} from './summaries';

/** The `z` the registry passes to schema functions. */
type Zod = Parameters<
  ActionsRegistryActionOptions<any, any>['schema']['input']
>[0];

export type UserTrustActionsOptions = {
  actionsRegistry: ActionsRegistryService;
  access: EntityAccess;
  auth: AuthService;
  userInfo: UserInfoService;
  evaluations: EvaluationService;
  health: HealthService;
  fieldRoles: FieldRoleService;
  ingestor: SignalIngestor;
  signals: SignalStore;
  /** `app.baseUrl`, for links to an entity's User trust tab. */
  appBaseUrl?: string;
};

const SLO_STATUSES: [SloStatus, ...SloStatus[]] = [
  'healthy',
  'at-risk',
  'breached',
  'no-data',
  'insufficient-data',
];
const LIST_LIMIT = 10;
const MAX_LIST_LIMIT = 100;
const MAX_COVERAGE = 200;
/** Source of signals recorded through the actions unless one is given. */
export const ACTION_SIGNAL_SOURCE = 'ai-assistant';

const entityRefInput = (z: Zod) =>
  z
    .string()
    .min(1)
    .max(255)
    .describe(
      'Catalog entity ref, e.g. "component:default/checkout-api"; a bare name such as "checkout-api" means a Component in the default namespace.',
    );

/** An entity ref as given, full and lower-cased; a 400 for what is not one. */
function parseRef(ref: string, field: string, defaultKind: string) {
  try {
    return toStoredEntityRef(ref.trim(), { defaultKind });
  } catch {
    throw new InputError(`${field}: '${ref}' is not an entity ref`);
  }
}

/** Refs of a filter, full and lower-cased; `me` is kept for expansion. */
function refList(
  values: string[] | undefined,
  field: string,
  defaultKind: string,
): string[] | undefined {
  if (!values || values.length === 0) return undefined;
  return values.map(v =>
    v.trim().toLocaleLowerCase('en-US') === 'me'
      ? 'me'
      : parseRef(v, field, defaultKind),
  );
}

const lowerList = (values: string[] | undefined) =>
  values && values.length > 0
    ? values.map(v => v.trim().toLocaleLowerCase('en-US'))
    : undefined;

/** A 401 for anonymous callers, as every REST route answers them. */
function requireCaller(auth: AuthService, credentials: BackstageCredentials) {
  if (
    !auth.isPrincipal(credentials, 'user') &&
    !auth.isPrincipal(credentials, 'service')
  ) {
    throw new AuthenticationError(
      'User Trust actions need a signed-in user or a service',
    );
  }
}

/** Targets of an entity's relations of a type (and kind), full and lower-cased. */
function relationTargets(entity: Entity, type: string, kind?: string) {
  return (entity.relations ?? [])
    .filter(r => r.type === type)
    .map(r => toStoredEntityRef(r.targetRef))
    .filter(ref => !kind || parseEntityRef(ref).kind === kind);
}

function ownerOf(entity: Entity): string | undefined {
  const [owner] = relationTargets(entity, RELATION_OWNED_BY);
  if (owner) return owner;
  const spec = entity.spec?.owner;
  if (typeof spec !== 'string' || !spec) return undefined;
  return toStoredEntityRef(spec, {
    defaultKind: 'group',
    defaultNamespace: entity.metadata.namespace,
  });
}

/**
 * Registers the User Trust actions for AI assistants (served over MCP by
 * the MCP actions backend). Every action runs as the calling principal
 * through the same services as the REST API: an entity the caller may not
 * see in the catalog is not found, lists hold only what they may see, and
 * recording a signal needs `user-trust.signal.create` like `POST /signals`.
 */
export function registerUserTrustActions(options: UserTrustActionsOptions) {
  const {
    actionsRegistry,
    access,
    auth,
    userInfo,
    evaluations,
    health,
    fieldRoles,
    ingestor,
    signals,
    appBaseUrl,
  } = options;

  /** The entity as the caller sees it; not found when they may not. */
  async function visible(ref: string, credentials: BackstageCredentials) {
    requireCaller(auth, credentials);
    const entityRef = parseRef(ref, 'entityRef', 'component');
    const [kind, rest] = entityRef.split(':');
    const [namespace, name] = rest.split('/');
    const entity = await access.visibleEntity(
      { kind, namespace, name },
      credentials,
    );
    return { entity, entityRef: toStoredEntityRef(entity) };
  }

  const titleOf = (entity: Entity) =>
    entity.metadata.title ? { title: entity.metadata.title } : {};

  actionsRegistry.register({
    name: 'get-entity-user-trust',
    title: 'Get user trust of an entity',
    description: `Answers how much users trust a catalog entity (usually a service): its trust score (0-100), overall status, each user-trust SLO (target, attainment, error budget left, burn rates), perception dissonance (monitoring and users disagreeing) and its user signal counts.
Burn rates are multiples of the sustainable rate: 1 spends the error budget exactly over the SLO window, above the alert threshold pages. Percentages are 0-100. An entity the caller may not see is not found.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z => z.object({ entityRef: entityRefInput(z) }),
      output: z =>
        z.object({
          entityRef: z.string(),
          title: z.string().optional(),
          owner: z.string().optional(),
          url: z.string().optional(),
          summary: z.string().describe('One sentence an assistant can quote'),
          score: z.number().nullable().describe('0-100; null without data'),
          status: z.enum(SLO_STATUSES),
          statusMeaning: z.string(),
          evaluatedAt: z.string(),
          slos: z.array(
            z.object({
              name: z.string(),
              title: z.string(),
              status: z.enum(SLO_STATUSES),
              targetPercent: z.number(),
              attainmentPercent: z.number().nullable(),
              window: z.string(),
              budgetingMethod: z.string(),
              errorBudgetLeftPercent: z
                .number()
                .nullable()
                .describe('Negative once overspent'),
              burnRates: z.array(
                z.object({
                  window: z.string(),
                  rate: z.number().nullable(),
                  alertThreshold: z.number(),
                }),
              ),
              goodEvents: z.number(),
              totalEvents: z.number(),
              definedBy: z.string(),
            }),
          ),
          dissonance: z.array(
            z.object({ kind: z.string(), message: z.string() }),
          ),
          technicalSli: z
            .object({
              sli: z.string(),
              attainmentPercent: z.number(),
              targetPercent: z.number(),
              meetsTarget: z.boolean(),
              source: z.string().optional(),
            })
            .optional(),
          signals: z.object({
            last7d: z.object({
              total: z.number(),
              byKind: z.record(z.number()),
            }),
            last28d: z.object({
              total: z.number(),
              byKind: z.record(z.number()),
            }),
          }),
        }),
    },
    action: async ({ input, credentials }) => {
      const { entity, entityRef } = await visible(input.entityRef, credentials);
      const [evaluation, summary] = await Promise.all([
        evaluations.evaluate(entity),
        signals.summarize(entityRef),
      ]);
      const owner = ownerOf(entity);
      const url = entityUrl(appBaseUrl, entityRef);
      return {
        output: {
          entityRef,
          ...titleOf(entity),
          ...(owner ? { owner } : {}),
          ...(url ? { url } : {}),
          summary: trustSentence(evaluation),
          score:
            evaluation.score === null ? null : Math.round(evaluation.score),
          status: evaluation.status,
          statusMeaning: STATUS_MEANINGS[evaluation.status],
          evaluatedAt: evaluation.evaluatedAt,
          slos: evaluation.slos.map(sloSummary),
          dissonance: evaluation.dissonance.map(d => ({
            kind: d.kind,
            message: d.message,
          })),
          ...(evaluation.technical
            ? { technicalSli: technicalSummary(evaluation.technical) }
            : {}),
          signals: {
            last7d: signalCounts(summary, '7d'),
            last28d: signalCounts(summary, '28d'),
          },
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'list-services-losing-trust',
    title: 'List services losing user trust',
    description: `Lists the catalog's services (components and APIs) by user trust, the fastest-burning first unless sorted otherwise: the health list of the User Trust page, with its filters, for entities the caller may see.
Each row has the trust score (0-100), status, the error budget left (percent) of its worst SLO, its fastest burn (multiple of the sustainable rate, with window and SLO), support cases and incidents this week against the week before, and its field roles (e.g. role "tam" with holderRef "user:default/rachel.kim") — so one call answers "which services are losing trust and who is their TAM".
"me" in owner or holder means the caller and the groups they belong to (e.g. owner ["me"] for "my services").`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          owner: z
            .array(z.string())
            .optional()
            .describe(
              'Owner group refs ("group:default/payments" or "payments"), or "me"',
            ),
          holder: z
            .array(z.string())
            .optional()
            .describe(
              'Field-role holder refs ("user:default/rachel.kim" or "rachel.kim"), or "me"',
            ),
          status: z
            .array(z.enum(SLO_STATUSES))
            .optional()
            .describe('Only these statuses, e.g. ["breached", "at-risk"]'),
          kind: z.array(z.string()).optional().describe('e.g. ["component"]'),
          type: z.array(z.string()).optional().describe('e.g. ["service"]'),
          lifecycle: z.array(z.string()).optional(),
          system: z.array(z.string()).optional().describe('System refs'),
          domain: z.array(z.string()).optional().describe('Domain refs'),
          dissonance: z
            .boolean()
            .optional()
            .describe('Only where monitoring and users disagree'),
          blindSpot: z
            .boolean()
            .optional()
            .describe('Only entities missing a required field role'),
          q: z
            .string()
            .optional()
            .describe('Free text in name, title, owner, system'),
          sort: z
            .enum(HEALTH_SORT_FIELDS)
            .optional()
            .describe(
              'burn (default: fastest burn first), score (lowest first), budget (least left first), cases (most support cases this week first), name',
            ),
          order: z.enum(['asc', 'desc']).optional(),
          limit: z.number().int().min(1).max(MAX_LIST_LIMIT).optional(),
          offset: z.number().int().min(0).optional(),
        }),
      output: z =>
        z.object({
          totalCount: z.number(),
          offset: z.number(),
          limit: z.number(),
          statusCounts: z.record(z.number()),
          oldestEvaluatedAt: z.string().nullable(),
          items: z.array(
            z.object({
              entityRef: z.string(),
              title: z.string().optional(),
              owner: z.string().optional(),
              system: z.string().optional(),
              lifecycle: z.string().optional(),
              score: z.number().nullable(),
              status: z.enum(SLO_STATUSES),
              worstErrorBudgetLeftPercent: z.number().nullable(),
              fastestBurn: z
                .object({
                  rate: z.number(),
                  window: z.string(),
                  slo: z.string(),
                })
                .nullable(),
              dissonance: z.boolean(),
              supportCases: z.object({
                last7d: z.number(),
                previous7d: z.number(),
              }),
              incidents: z.object({
                last7d: z.number(),
                previous7d: z.number(),
              }),
              fieldRoles: z.array(
                z.object({ role: z.string(), holderRef: z.string() }),
              ),
              missingRoles: z.array(z.string()),
              evaluatedAt: z.string(),
              url: z.string().optional(),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      requireCaller(auth, credentials);
      const expand = async (refs: string[] | undefined) =>
        refs && (await health.holderRefs(refs, credentials));
      const query = {
        kind: lowerList(input.kind),
        type: lowerList(input.type),
        lifecycle: lowerList(input.lifecycle),
        status: input.status,
        owner: await expand(refList(input.owner, 'owner', 'group')),
        holder: await expand(refList(input.holder, 'holder', 'user')),
        system: refList(input.system, 'system', 'system'),
        domain: refList(input.domain, 'domain', 'domain'),
        dissonance: input.dissonance,
        blindSpot: input.blindSpot,
        ...(input.q?.trim() ? { q: input.q.trim() } : {}),
        sort: input.sort ?? 'burn',
        order: input.order,
        limit: input.limit ?? LIST_LIMIT,
        offset: input.offset ?? 0,
      };
      const page = queryHealth(await health.visibleRows(credentials), query);
      return {
        output: {
          totalCount: page.totalCount,
          offset: page.offset,
          limit: page.limit,
          statusCounts: page.statusCounts,
          oldestEvaluatedAt: page.oldestEvaluatedAt,
          items: page.items.map(row => healthSummary(row, appBaseUrl)),
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'get-entity-field-roles',
    title: 'Who covers an entity',
    description: `Answers who covers a catalog entity in the field: the holders of each field role (e.g. TAM, CSM, DevRel, support lead) with the customer accounts they cover (empty means all accounts), and the roles required for it that nobody holds (blind spots). Holders are User or Group refs. An entity the caller may not see is not found.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z => z.object({ entityRef: entityRefInput(z) }),
      output: z =>
        z.object({
          entityRef: z.string(),
          title: z.string().optional(),
          summary: z.string(),
          roles: z.array(
            z.object({
              role: z.string(),
              roleTitle: z.string(),
              required: z.boolean(),
              holders: z.array(
                z.object({
                  holderRef: z.string(),
                  accounts: z.array(z.string()),
                  since: z.string().optional(),
                  note: z.string().optional(),
                  source: z.string(),
                }),
              ),
            }),
          ),
          missingRequired: z.array(z.string()),
        }),
    },
    action: async ({ input, credentials }) => {
      const { entity, entityRef } = await visible(input.entityRef, credentials);
      const { roles, assignments, missingRequired } =
        await fieldRoles.forEntity(entity);
      const required = new Set(fieldRoles.types.requiredRoles(entity));
      const described = roles.map(type => ({
        role: type.id,
        roleTitle: type.title,
        required: required.has(type.id),
        holders: assignments
          .filter(a => a.role === type.id)
          .map(a => ({
            holderRef: a.holderRef,
            accounts: a.accounts,
            ...(a.since ? { since: a.since } : {}),
            ...(a.note ? { note: a.note } : {}),
            source:
              a.source === 'catalog'
                ? 'catalog annotation'
                : 'field-role registry',
          })),
      }));
      const summary = described
        .filter(r => r.holders.length > 0 || r.required)
        .map(
          r =>
            `${r.roleTitle}: ${
              r.holders.length > 0
                ? r.holders.map(h => h.holderRef).join(', ')
                : 'nobody (required)'
            }`,
        )
        .join('; ');
      return {
        output: {
          entityRef,
          ...titleOf(entity),
          summary: summary || 'No field roles are held or required.',
          roles: described,
          missingRequired,
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'get-person-coverage',
    title: 'What a person covers',
    description: `Answers what a person (or group) covers as a field-role holder: every entity they hold a role for, directly or through a group they belong to, with the role, the accounts covered and the entity's current user trust (score, status, fastest burn). Without holderRef it answers for the caller. Lists only entities the caller may see.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          holderRef: z
            .string()
            .min(1)
            .max(255)
            .optional()
            .describe(
              'User or Group ref ("user:default/rachel.kim" or "rachel.kim"); omit or "me" for the caller',
            ),
          limit: z.number().int().min(1).max(MAX_COVERAGE).optional(),
        }),
      output: z =>
        z.object({
          holderRef: z.string(),
          through: z
            .array(z.string())
            .describe('The holder and the groups counted with them'),
          totalCount: z.number(),
          assignments: z.array(
            z.object({
              entityRef: z.string(),
              title: z.string().optional(),
              role: z.string(),
              roleTitle: z.string(),
              via: z
                .string()
                .optional()
                .describe('The group the role is held through'),
              accounts: z.array(z.string()),
              score: z.number().nullable().optional(),
              status: z.enum(SLO_STATUSES).optional(),
              fastestBurn: z
                .object({
                  rate: z.number(),
                  window: z.string(),
                  slo: z.string(),
                })
                .nullable()
                .optional(),
              url: z.string().optional(),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      requireCaller(auth, credentials);
      const given = input.holderRef?.trim();
      let holderRef: string;
      let holders: string[];
      if (!given || given.toLocaleLowerCase('en-US') === 'me') {
        if (!auth.isPrincipal(credentials, 'user')) {
          throw new InputError('holderRef is required for a service caller');
        }
        holderRef = principalRef(auth, credentials).toLocaleLowerCase('en-US');
        const info = await userInfo.getUserInfo(credentials);
        holders = [holderRef, ...info.ownershipEntityRefs];
      } else {
        const ref = parseRef(given, 'holderRef', 'user');
        const { entity } = await visible(ref, credentials);
        holderRef = toStoredEntityRef(entity);
        holders = [
          holderRef,
          ...relationTargets(entity, RELATION_MEMBER_OF, 'group'),
        ];
      }
      const through = [
        ...new Set(holders.map(r => r.toLocaleLowerCase('en-US'))),
      ];
      const [coverage, rows] = await Promise.all([
        fieldRoles.coverage(credentials),
        health.visibleRows(credentials),
      ]);
      const rowOf = new Map(rows.map(r => [r.entityRef, r]));
      const roleTitles = new Map(
        fieldRoles.types.list().map(t => [t.id, t.title]),
      );
      const all = through.flatMap(ref =>
        (
          coverage.holders.find(h => h.holderRef === ref)?.assignments ?? []
        ).map(a => {
          const row = rowOf.get(a.entityRef);
          const url = entityUrl(appBaseUrl, a.entityRef);
          return {
            entityRef: a.entityRef,
            ...(row?.title ? { title: row.title } : {}),
            role: a.role,
            roleTitle: roleTitles.get(a.role) ?? a.role,
            ...(ref !== holderRef ? { via: ref } : {}),
            accounts: a.accounts,
            ...(row
              ? {
                  score: row.score === null ? null : Math.round(row.score),
                  status: row.status,
                  fastestBurn: healthSummary(row).fastestBurn,
                }
              : {}),
            ...(url ? { url } : {}),
          };
        }),
      );
      // Worst first: the services of the portfolio that need them most.
      all.sort(
        (a, b) =>
          (b.fastestBurn?.rate ?? -1) - (a.fastestBurn?.rate ?? -1) ||
          a.entityRef.localeCompare(b.entityRef),
      );
      return {
        output: {
          holderRef,
          through,
          totalCount: all.length,
          assignments: all.slice(0, input.limit ?? MAX_COVERAGE),
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'explain-entity-dissonance',
    title: "Explain an entity's perception dissonance",
    description: `Explains whether monitoring and users disagree about a catalog entity: the technical SLI (e.g. a Prometheus availability ratio) with where it comes from, each user-trust SLO that contradicts it (status, burn rate as a multiple of the sustainable rate, error budget left in percent), and the user signals of the last 28 days behind them. Verdicts: disagree, agree, no-technical-sli, no-user-verdict. An entity the caller may not see is not found.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z => z.object({ entityRef: entityRefInput(z) }),
      output: z =>
        z.object({
          entityRef: z.string(),
          verdict: z.enum([
            'disagree',
            'agree',
            'no-technical-sli',
            'no-user-verdict',
          ]),
          explanation: z.string(),
          technicalSli: z
            .object({
              sli: z.string(),
              attainmentPercent: z.number(),
              targetPercent: z.number(),
              meetsTarget: z.boolean(),
              source: z.string().optional(),
            })
            .optional(),
          disagreements: z.array(
            z.object({
              kind: z.string(),
              title: z.string(),
              slo: z.string(),
              sloTitle: z.string(),
              status: z.enum(SLO_STATUSES),
              burnRate: z.number().nullable(),
              errorBudgetLeftPercent: z.number().nullable(),
              message: z.string(),
            }),
          ),
          userSignalsLast28d: z.object({
            total: z.number(),
            byKind: z.record(z.number()),
          }),
        }),
    },
    action: async ({ input, credentials }) => {
      const { entity, entityRef } = await visible(input.entityRef, credentials);
      const [evaluation, summary] = await Promise.all([
        evaluations.evaluate(entity),
        signals.summarize(entityRef),
      ]);
      return { output: explainDissonance(evaluation, summary) };
    },
  });

  actionsRegistry.register({
    name: 'record-signal',
    title: 'Record a user signal',
    description: `Records one user signal about a catalog entity (a support case, an incident, a CSAT or NPS response, an escalation, a workaround...), validated and stored exactly like POST /api/user-trust/signals, and counted in the entity's user trust. Needs the user-trust.signal.create permission.
Idempotent: the signal is identified by source and externalId (derived from the other fields when not given), so recording it again updates it instead of adding a second one. An entity the caller may not see is not found.`,
    attributes: { readOnly: false, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: entityRefInput(z),
          kind: z.enum(SIGNAL_KINDS),
          occurredAt: z
            .string()
            .describe('When it happened, ISO 8601 date-time with offset'),
          source: z
            .string()
            .min(1)
            .max(255)
            .optional()
            .describe(
              `System the signal comes from, e.g. "zendesk"; default "${ACTION_SIGNAL_SOURCE}"`,
            ),
          externalId: z
            .string()
            .min(1)
            .max(255)
            .optional()
            .describe('Id of the signal in its source, e.g. a ticket number'),
          resolvedAt: z.string().optional(),
          severity: z.enum(SIGNAL_SEVERITIES).optional(),
          account: z
            .string()
            .min(1)
            .max(255)
            .optional()
            .describe('The customer account concerned'),
          value: z
            .number()
            .optional()
            .describe('A measurement, e.g. a CSAT score (1-5)'),
          fieldRole: z
            .string()
            .min(1)
            .max(64)
            .optional()
            .describe('Field role that handled it, e.g. "tam"'),
          handledBy: z
            .string()
            .min(1)
            .max(255)
            .optional()
            .describe('User ref of who handled it'),
          attributes: z
            .record(z.union([z.string(), z.number(), z.boolean()]))
            .optional()
            .describe('Extra fields, e.g. { "summary": "checkout times out" }'),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          source: z.string(),
          externalId: z.string(),
          outcome: z.enum(['created', 'updated', 'unchanged']),
          message: z.string(),
        }),
    },
    action: async ({ input, credentials, logger }) => {
      requireCaller(auth, credentials);
      await access.authorize(credentials, {
        permission: userTrustSignalCreatePermission,
      });
      const { entityRef } = await visible(input.entityRef, credentials);
      const { entityRef: _given, source, externalId, ...fields } = input;
      const signal: SignalInput = {
        ...fields,
        entityRef,
        source: source ?? ACTION_SIGNAL_SOURCE,
        externalId: externalId ?? derivedId(entityRef, input),
      };
      const result = await ingestor.ingest([signal]);
      let outcome: 'created' | 'updated' | 'unchanged' = 'unchanged';
      if (result.created > 0) outcome = 'created';
      else if (result.updated > 0) outcome = 'updated';
      logger.info(
        `Signal ${signal.source}/${
          signal.externalId
        } for ${entityRef} ${outcome} by ${principalRef(
          auth,
          credentials,
        )} through an action`,
      );
      return {
        output: {
          entityRef,
          source: signal.source,
          externalId: signal.externalId,
          outcome,
          message: `The ${signal.kind} signal ${signal.source}/${
            signal.externalId
          } for ${entityRef} was ${outcome}${
            outcome === 'unchanged' ? ' (already recorded)' : ''
          }; trust views include it within seconds.`,
        },
      };
    },
  });
}

/** JSON with object keys sorted, so equal values give equal text. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v).sort(([a], [b]) => (a < b ? -1 : Number(a > b))),
        )
      : v,
  );
}

/**
 * A stable id for a signal given without one: the same fields give the
 * same id, so an assistant retrying a call records the signal once.
 */
function derivedId(entityRef: string, input: Record<string, unknown>) {
  const { source: _s, externalId: _e, entityRef: _r, ...fields } = input;
  const digest = createHash('sha256')
    .update(canonicalJson({ entityRef, fields }))
    .digest('hex');
  return `action-${digest.slice(0, 32)}`;
}
