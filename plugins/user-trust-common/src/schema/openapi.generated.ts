// Generated from plugins/user-trust-backend/src/schema/openapi.yaml by
// `yarn generate:openapi` in that package. Do not edit.

/* eslint-disable */

/** @public */
export type paths = {
  '/signals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Store a batch of signals, idempotently and atomically.
     * Signals are identified by `source` + `externalId`: sending one again
     *     with the same content changes nothing, with other content replaces
     *     it. The batch is written in one transaction: when any item is
     *     invalid the answer is 400, naming the item index and field, and
     *     nothing is written. Needs the `user-trust.signal.create` permission.
     */
    post: operations['IngestSignals'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/summary': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Signal counts of one entity over 7, 28 and 90 days.
     * Answers 404 when the entity does not exist or the caller may not
     *     see it in the catalog.
     */
    get: operations['GetEntitySummary'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/trust': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Evaluation of the entity's user-trust SLOs.
     * Trust score, status and, per SLO, attainment, error budget, burn
     *     rates, budget history and source; perception dissonance against the
     *     technical SLI. Served from rollups; cached for at most a minute.
     */
    get: operations['GetEntityTrust'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/trust/batch': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Evaluations of up to 100 entities at once.
     * For catalog-wide views: the same answer as `GET .../trust` for each
     *     entity the caller may see, read from the rollups in one pass.
     *     Entities the caller cannot see (or that do not exist) are listed in
     *     `notFound`.
     */
    post: operations['GetTrustBatch'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/slos': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The effective user-trust SLOs of the entity and their sources. */
    get: operations['GetEntitySlos'];
    /**
     * Register OpenSLO documents for the entity (replaces earlier ones).
     * OpenSLO `openslo/v1` SLO (and SLI) documents as YAML or JSON. They
     *     take precedence over SLOs of the same name from the entity's
     *     annotation and from config defaults. Needs `user-trust.slo.update`
     *     on the entity.
     */
    put: operations['PutEntitySlos'];
    post?: never;
    /** Remove the API-registered SLOs of the entity. */
    delete: operations['DeleteEntitySlos'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/signals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Signals of the entity, newest first, paged. */
    get: operations['ListEntitySignals'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/alerts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Alert states of the entity's SLOs and their transitions, newest first.
     * The stored alert state of each SLO (ok, at-risk, breached; by
     *     multi-window burn, see `userTrust.alerting`) and the history of its
     *     transitions. Answers 404 when the entity does not exist or the caller
     *     may not see it in the catalog.
     */
    get: operations['ListEntityAlerts'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/slos/validate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Check OpenSLO documents without storing them. */
    post: operations['ValidateSlos'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/field-roles/types': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The configured field role types and which entities require them.
     * From `userTrust.fieldRoles`, or the defaults tam, csm, devrel and
     *     support. Open to every signed-in user.
     */
    get: operations['GetFieldRoleTypes'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/field-roles': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The field-role holders of an entity and its missing required roles.
     * Effective assignments: per role, the holders registered through the
     *     API (`source: registry`) or, when the registry has none for that
     *     role, those seeded by the entity's annotation
     *     `user-trust.io/field-role-<role>` (`source: catalog`, read-only).
     *     Open to every signed-in user who may see the entity; 404 otherwise.
     */
    get: operations['GetEntityFieldRoles'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/field-roles/{role}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Replace the registry holders of one role of the entity.
     * The given holders (Users or Groups that exist in the catalog) become
     *     the role's registry holders; others are removed. Accounts and note
     *     are what is given; a holder that stays keeps its `since` unless one
     *     is given, a new one gets the given `since` or now. Registry holders
     *     override the annotation seeds of the role; an empty list removes
     *     them all (the seeds show again). Written in one transaction with an
     *     audit entry (action `set`); a PUT that changes nothing writes no
     *     audit entry. Needs `user-trust.field-role.manage` on the entity
     *     (403). Unknown role or holder: 400 naming it.
     */
    put: operations['PutEntityFieldRole'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/field-roles/{role}/{holderRef}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Remove one registry holder of one role of the entity.
     * `holderRef` is the URL-encoded ref of the User or Group, e.g.
     *     `user%3Adefault%2Frachel.kim`. 404 when it is not registered for the
     *     role; 400 when it is only seeded by the entity's annotation (edit
     *     the annotation, or override the role with PUT). Writes an audit
     *     entry (action `remove`). Needs `user-trust.field-role.manage` on
     *     the entity.
     */
    delete: operations['DeleteEntityFieldRoleHolder'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/field-roles/assignments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Registry assignments across entities, paged.
     * Only assignments registered through the API (not annotation seeds),
     *     by entity, role and holder, of entities the caller may see; service
     *     principals (a catalog processor) see all. Filters match exactly,
     *     after normalising refs (`jane` is `user:default/jane`).
     */
    get: operations['ListFieldRoleAssignments'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/field-roles/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The audit log of field-role changes, newest first, paged.
     * Every change to the registry with its actor, action and the role's
     *     holders before and after, for entities the caller may see (service
     *     principals see all).
     */
    get: operations['ListFieldRoleAudit'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/field-roles/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Add field-role holders in bulk, from JSON rows or CSV.
     * JSON `{ "rows": [...] }` or `text/csv` with the header
     *     `entityRef,role,holderRef,accounts,note,since` (columns in any order;
     *     accounts separated by `;`; RFC 4180 quoting). Rows add holders and
     *     never remove others; fields left out (empty CSV cells) keep the
     *     stored value of an existing holder. Every row is checked: the entity
     *     exists, the holder exists as a User or Group, the role is known,
     *     `since` is an ISO date, no row repeats another, and the caller has
     *     `user-trust.field-role.manage` on the entity. Rows are numbered from
     *     1: the index + 1 of a JSON row, the data line of a CSV row (header
     *     not counted).
     *
     *     With `dryRun=true` the answer is always 200: `changes` says what
     *     each valid row would do (create, update, unchanged), `errors` lists
     *     every bad row, nothing is written. Otherwise, when any row is bad,
     *     nothing is written and the answer is 400 whose message lists the
     *     first bad rows (403 when the only problem is missing permission);
     *     when all rows are good they are written in one transaction with one
     *     audit entry (action `import`) per changed entity role, and the answer
     *     is 200 with `applied: true`.
     */
    post: operations['ImportFieldRoles'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/field-roles/coverage': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Blind spots and per-holder portfolios across the catalog.
     * Blind spots: entities the caller may see that lack a holder of a
     *     required role (registry or annotation seed), weighted by support
     *     cases and incidents of the last 28 UTC days (today included) read
     *     from the rollups: weight = cases + 5 × incidents + 1, highest first.
     *     Entities looked at: Components and the kinds named by role
     *     requirements, plus entities with registry assignments. Holders:
     *     per User or Group, the entities and roles they hold. `role` limits
     *     both to one role; `holderRef` limits the holders list to one holder.
     */
    get: operations['GetFieldRoleCoverage'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Reliability health of every entity the caller may see, a page at a time.
     * One row per catalog entity of the configured kinds (default Component
     *     and API): trust score, status, SLO status counts, least error budget
     *     left, fastest burn rate, perception dissonance, support cases and
     *     incidents of the last 7 UTC days against the 7 before, and the
     *     required field roles nobody holds. Rows are precomputed from the
     *     rollups (see docs/architecture.md): a full refresh on a schedule,
     *     and within seconds for entities whose signals, SLOs or field roles
     *     changed. Only entities the caller may see in the catalog are listed
     *     or counted. Filters combine with AND; repeated values of one filter
     *     with OR. Rows without a value for the sort column come last.
     */
    get: operations['GetHealth'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Every row matching the filters, as CSV.
     * The same rows as `GET /health` with the same filters and order, all
     *     of them, as `text/csv` with a header line. Text cells a spreadsheet
     *     would run as a formula are prefixed with an apostrophe.
     */
    get: operations['ExportHealth'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health/rollups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Health summed up per owner group, system or domain.
     * The rows matching the filters, grouped by owner group, system or
     *     domain: entities, mean score, status counts, blind spots, dissonant
     *     entities, cases and incidents week over week, fastest burn. Worst
     *     first (most breached, then lowest mean score); entities without a
     *     group, system or domain form the last item, with key null.
     */
    get: operations['GetHealthRollups'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/sources': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The connectors (PagerDuty, Statuspage, ...) and what they did.
     * Per connector: its state, the last webhook and sync, the sync lag,
     *     signals stored in the last 24 hours and 7 days, a running backfill's
     *     progress, the latest errors, and the external services it has seen
     *     without an entity (with the signals kept for them).
     */
    get: operations['ListSources'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/sources/{source}/resync': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Start the connector's sync now.
     * Needs the `user-trust.source.manage` permission.
     */
    post: operations['ResyncSource'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/sources/{source}/mappings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Map an external service to a catalog entity.
     * Signals kept for the service are ingested for the entity at once, and
     *     later ones go to it directly. Needs `user-trust.source.manage`.
     */
    post: operations['MapExternalService'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/imports/signals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Import signals from a CSV or JSON file, with a dry run first.
     * For files exported from a CRM, a survey tool or a spreadsheet. The
     *     file's text goes in `content`; `mapping` says which column holds
     *     which signal field (columns named by their header; for JSON, an array
     *     of flat objects, by their keys). Rows are numbered from 1: the data
     *     line of a CSV row (header not counted), the index + 1 of a JSON item.
     *     Every row goes through the same validation and the same ingestion as
     *     `POST /signals` (identity `source` + `externalId`): a row without a
     *     mapped id column gets an id derived from its mapped cells, so the
     *     same file imported twice changes nothing.
     *
     *     With `dryRun=true` the answer is always 200 (unless the file or the
     *     mapping as a whole is unusable: 400): `errors` lists every bad row
     *     (row, field, column, reason; the first 1,000), and `created`,
     *     `updated`, `unchanged` say what the good rows would do; nothing is
     *     written. Otherwise a file with any bad row is answered 400 naming the
     *     first ones and nothing is written; a good file is written in one
     *     transaction (all rows or none) and answered 200 with `applied: true`.
     *     A request that accepts `application/x-ndjson` gets the answer as a
     *     stream of JSON lines instead: `{"progress": {...}}` while the rows
     *     are written, then one `{"result": {...}}` after the commit or one
     *     `{"error": {...}}` after a rollback. Needs `user-trust.signal.create`.
     */
    post: operations['ImportSignals'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/imports/mappings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The saved column mappings, one per import source. */
    get: operations['ListSignalImportMappings'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/imports/mappings/{importSource}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Save the column mapping of an import source.
     * The next upload for the same `source` starts from it. Needs
     *     `user-trust.signal.create`.
     */
    put: operations['SaveSignalImportMapping'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/webhooks/{source}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * A connector's webhook (PagerDuty, ...), as the vendor sends it.
     * Open without Backstage credentials: the connector checks the vendor's
     *     signature over the raw body (at most 1 MB). Answers 2xx only once
     *     what the delivery carried is stored; 401 for a bad or missing
     *     signature (nothing stored); 400 for a malformed body; 5xx when
     *     storage failed, so the vendor delivers again.
     */
    post: operations['ReceiveWebhook'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/webhooks/{source}/{token}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * A connector's webhook for vendors that sign nothing (Statuspage).
     * As `/webhooks/{source}`, but authenticated by a secret token in the
     *     URL, compared in constant time with the configured ones.
     */
    post: operations['ReceiveTokenWebhook'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
};
/** @public */
export type webhooks = Record<string, never>;
/** @public */
export type components = {
  schemas: {
    Error: {
      error: {
        name: string;
        message: string;
      };
      response: {
        statusCode: number;
      };
    };
    SignalKind:
      | 'support_case'
      | 'incident'
      | 'csat_response'
      | 'nps_response'
      | 'retry_spike'
      | 'degradation'
      | 'near_miss'
      | 'workaround'
      | 'escalation'
      | 'api_version_usage'
      | 'doc_reference'
      | 'customer_activity'
      | 'sli_report'
      | 'known_event';
    Signal: {
      /** System the signal comes from, e.g. `zendesk`. */
      source: string;
      /** Id of the signal in its source. */
      externalId: string;
      kind: components['schemas']['SignalKind'];
      /** Catalog entity ref, e.g. `component:default/checkout-api`. */
      entityRef: string;
      /** Format: date-time */
      occurredAt: string;
      /** Format: date-time */
      resolvedAt?: string;
      severity?: components['schemas']['SignalSeverity'];
      /** The customer account concerned. */
      account?: string;
      /** A measurement, e.g. a CSAT score or a customer count. */
      value?: number;
      /** Field role that handled it (tam, csm, devrel, support). */
      fieldRole?: string;
      /** Entity ref of the user who handled it. */
      handledBy?: string;
      attributes?: {
        [key: string]: string | number | boolean;
      };
    };
    /**
     * Severity, normalised across tools (P1/SEV1 map to `critical`).
     */
    SignalSeverity: 'critical' | 'high' | 'medium' | 'low';
    SignalListResponse: {
      items: components['schemas']['Signal'][];
      totalCount: number;
    };
    IngestSignalsResult: {
      created: number;
      updated: number;
      unchanged: number;
    };
    SignalWindowCounts: {
      window: '7d' | '28d' | '90d';
      days: number;
      total: number;
      byKind: {
        [key: string]: number;
      };
    };
    EntitySignalSummary: {
      entityRef: string;
      /** Format: date-time */
      generatedAt: string;
      /** Format: date-time */
      lastSignalAt?: string;
      windows: components['schemas']['SignalWindowCounts'][];
    };
    EntitySlosResponse: {
      entityRef: string;
      slos: components['schemas']['EffectiveSlo'][];
      /** Sources that could not be used, with why. */
      problems?: {
        source: components['schemas']['SloSource'];
        message: string;
      }[];
    };
    /** An SLO that applies to an entity, with where it came from. */
    EffectiveSlo: {
      slo: components['schemas']['UserTrustSlo'];
      source: components['schemas']['SloSource'];
    };
    /**
     * A selection of signals, the building block of user-trust indicators.
     *     All given conditions must hold. Written in OpenSLO documents as the
     *     `spec` of a `metricSource` of type `UserTrust`.
     */
    SignalQuery: {
      /** One kind or several. */
      kind:
        | components['schemas']['SignalKind']
        | components['schemas']['SignalKind'][];
      severity?: components['schemas']['SignalSeverity'][];
      /** Inclusive lower bound on `value` (CSAT of 4 or more is `valueAtLeast: 4`). */
      valueAtLeast?: number;
      /** Inclusive upper bound on `value`. */
      valueAtMost?: number;
      /** Only signals of these customer accounts. */
      account?: string[];
      /** Attribute equality (`{ escalated: false }`). */
      attributes?: {
        [key: string]: string | number | boolean;
      };
    };
    /**
     * How the indicator of a user-trust SLO is computed. `ratio`: good (or
     *     bad) events over total events. `rate`: events per `per` units of
     *     exposure, judged per time slice against the objective's threshold.
     *     `count`: a count judged per time slice against the threshold; with
     *     `op: lte` and `value: 0` a zero-SLO.
     */
    SloIndicator:
      | {
          type: 'ratio';
          good?: components['schemas']['SignalQuery'];
          bad?: components['schemas']['SignalQuery'];
          total: components['schemas']['SignalQuery'];
        }
      | {
          type: 'rate';
          events: components['schemas']['SignalQuery'];
          exposure: components['schemas']['SignalQuery'];
          /** Events per this many exposure units, e.g. 1000 customers. */
          per: number;
        }
      | {
          type: 'count';
          events: components['schemas']['SignalQuery'];
        };
    /**
     * Comparison of a threshold objective (OpenSLO `op`).
     */
    ThresholdOp: 'lt' | 'lte' | 'gt' | 'gte';
    SloTimeWindow:
      | {
          type: 'rolling';
          duration: string;
          days: number;
        }
      | {
          type: 'calendar';
          /** `1w`, `1M`, `1Q` or `1Y`. */
          duration: string;
          /** Start of the calendar, ISO 8601. */
          startTime: string;
          timeZone: string;
        };
    BudgetingMethod: 'Occurrences' | 'Timeslices';
    /** A validated user-trust SLO, parsed from an OpenSLO `openslo/v1` document. */
    UserTrustSlo: {
      /** `metadata.name` of the OpenSLO document. */
      name: string;
      displayName?: string;
      description?: string;
      indicator: components['schemas']['SloIndicator'];
      timeWindow: components['schemas']['SloTimeWindow'];
      budgetingMethod: components['schemas']['BudgetingMethod'];
      objective: {
        displayName?: string;
        /** Target in [0, 1). */
        target: number;
        op?: components['schemas']['ThresholdOp'];
        /** For `rate` and `count` indicators (and Timeslices of ratios). */
        value?: number;
        /** Timeslices: share of a slice that must be good (a ratio slice: good / total; a rate or count slice is one value, good or bad as a whole). */
        timeSliceTarget?: number;
        /** Timeslices: slice length in days (default 1). */
        timeSliceDays?: number;
      };
      /** Weight in the trust score (default 1). */
      weight: number;
    };
    /** A problem in an OpenSLO document, with the path it is at. */
    OpenSloIssue: {
      path: string;
      message: string;
    };
    SloValidationResult: {
      /** No errors; unsupported SLOs and warnings do not make documents invalid. */
      valid: boolean;
      /** The SLOs User Trust uses (valid and supported). */
      slos: components['schemas']['UserTrustSlo'][];
      /** Invalid OpenSLO v1 (or UserTrust query), with the path and the rule. */
      errors: components['schemas']['OpenSloIssue'][];
      /** Valid OpenSLO v1 that User Trust does not support, with what to write instead; the SLO concerned is skipped. */
      unsupported: components['schemas']['OpenSloIssue'][];
      /** Valid documents or fields that are read and ignored (e.g. DataSource, AlertNotificationTarget). */
      warnings: components['schemas']['OpenSloIssue'][];
    };
    /** Where an effective SLO was defined. */
    SloSource:
      | {
          type: 'annotation';
          /** The annotation's value (a file or URL), or `inline`. */
          location: string;
        }
      | {
          type: 'config';
          /** Which `userTrust.slos.defaults` rule applied it. */
          rule: string;
        }
      | {
          type: 'api';
          updatedBy?: string;
          /** Format: date-time */
          updatedAt: string;
        };
    WeekOverWeek: {
      last7d: number;
      previous7d: number;
    };
    StatusCounts: {
      healthy: number;
      'at-risk': number;
      breached: number;
      'no-data': number;
      'insufficient-data': number;
    };
    EntityHealth: {
      entityRef: string;
      kind: string;
      namespace: string;
      name: string;
      title?: string;
      type?: string;
      lifecycle?: string;
      owner?: string;
      system?: string;
      domain?: string;
      score: number | null;
      status: components['schemas']['SloStatus'];
      sloCounts: components['schemas']['StatusCounts'];
      worstBudget: number | null;
      fastestBurn: null | {
        rate: number;
        window: string;
        slo: string;
      };
      dissonance: boolean;
      supportCases: components['schemas']['WeekOverWeek'];
      incidents: components['schemas']['WeekOverWeek'];
      missingRoles: string[];
      fieldRoles: {
        role: string;
        holderRef: string;
      }[];
      /** Format: date-time */
      evaluatedAt: string;
      /** The worst alert state of the SLOs, and the first error budget to run out at the current burn. */
      alert?: {
        state: components['schemas']['AlertState'];
        /** The SLO in the worst state (or whose budget runs out first); null when all are ok. */
        slo: string | null;
        /** An error budget is already spent. */
        spent: boolean;
        /**
         * Format: date-time
         * When the first budget runs out at the current burn; null when none does at this rate.
         */
        runsOutAt: string | null;
      };
    };
    FacetValues: {
      value: string;
      count: number;
    }[];
    HealthListResponse: {
      items: components['schemas']['EntityHealth'][];
      totalCount: number;
      offset: number;
      limit: number;
      statusCounts: components['schemas']['StatusCounts'];
      facets: {
        kind: components['schemas']['FacetValues'];
        type: components['schemas']['FacetValues'];
        owner: components['schemas']['FacetValues'];
        system: components['schemas']['FacetValues'];
        domain: components['schemas']['FacetValues'];
        lifecycle: components['schemas']['FacetValues'];
      };
      oldestEvaluatedAt: string | null;
    };
    HealthRollupsResponse: {
      by: 'group' | 'system' | 'domain';
      items: {
        key: string | null;
        entities: number;
        meanScore: number | null;
        statusCounts: components['schemas']['StatusCounts'];
        blindSpots: number;
        dissonant: number;
        supportCases: components['schemas']['WeekOverWeek'];
        incidents: components['schemas']['WeekOverWeek'];
        fastestBurn: number | null;
      }[];
    };
    SloStatus:
      | 'healthy'
      | 'at-risk'
      | 'breached'
      | 'no-data'
      | 'insufficient-data';
    EntityTrustEvaluation: {
      entityRef: string;
      /** Format: date-time */
      evaluatedAt: string;
      /** 0-100, null when no SLO has enough data. */
      score: number | null;
      status: components['schemas']['SloStatus'];
      slos: components['schemas']['SloEvaluation'][];
      dissonance: components['schemas']['PerceptionDissonance'][];
      /** The technical SLI dissonance is judged by, also when monitoring and users agree; absent without `sli_report` signals in the last 28 days. */
      technical?: components['schemas']['TechnicalSli'];
    };
    BurnRate: {
      /** `1d`, `7d`, ... */
      window: string;
      rate: number | null;
      /** Alerting threshold from config for this window. */
      threshold: number;
    };
    /**
     * Alert state of an SLO by multi-window burn (`userTrust.alerting`):
     *     breached when its budget is spent or both windows of the breached
     *     condition burn at or above its threshold; at-risk when both windows of
     *     the at-risk condition do; ok otherwise (also without enough data).
     */
    AlertState: 'ok' | 'at-risk' | 'breached';
    AlertBurnRate: {
      /** `2d`, `7d`, ... */
      window: string;
      /** Error ratio over the window divided by 1 − target; null without data. */
      rate: number | null;
    };
    /** When the error budget runs out at the current burn (the at-risk condition's short window). */
    AlertForecast: {
      /** The budget is already spent. */
      spent: boolean;
      /**
       * Format: date-time
       * When the budget runs out at the current burn; null when it does not at this rate (within the window).
       */
      runsOutAt: string | null;
    };
    /** The alert state of an SLO with the burn rates it was judged on and the forecast. */
    SloAlert: {
      state: components['schemas']['AlertState'];
      /** Burn rates over the windows of the alert policy. */
      burnRates: components['schemas']['AlertBurnRate'][];
      forecast: components['schemas']['AlertForecast'];
    };
    /** A change of an SLO's alert state, with what it was judged on. */
    AlertTransition: {
      slo: string;
      from: components['schemas']['AlertState'];
      to: components['schemas']['AlertState'];
      /** Format: date-time */
      at: string;
      burnRates: components['schemas']['AlertBurnRate'][];
      errorBudgetRemaining: number | null;
      forecast: components['schemas']['AlertForecast'];
    };
    EntityAlertsResponse: {
      /** The stored state of each SLO that ever left ok. */
      current: {
        slo: string;
        state: components['schemas']['AlertState'];
        /** Format: date-time */
        since: string;
      }[];
      /** Newest first. */
      transitions: components['schemas']['AlertTransition'][];
    };
    /** Evaluation of one SLO over its window. */
    SloEvaluation: {
      name: string;
      displayName?: string;
      source: components['schemas']['SloSource'];
      status: components['schemas']['SloStatus'];
      target: number;
      budgetingMethod: components['schemas']['BudgetingMethod'];
      window: {
        from: string;
        to: string;
        duration: string;
      };
      /** Good / (good + bad) over the window; null without data. */
      attainment: number | null;
      /** Wilson 95% interval of the attainment (Occurrences). */
      confidence?: {
        lower: number;
        upper: number;
      };
      /** Events (Occurrences) or time slices (Timeslices) counted. */
      total: number;
      good: number;
      /** Fraction of the error budget left; negative once overspent. */
      errorBudgetRemaining: number | null;
      burnRates: components['schemas']['BurnRate'][];
      /** Days excluded from the budget because of known events. */
      excludedDays: string[];
      /** Budget left at the end of each day of the window (burn-down chart). */
      budgetHistory: {
        day: string;
        errorBudgetRemaining: number | null;
      }[];
      /** Weight of the SLO in the trust score. */
      weight?: number;
      alert?: components['schemas']['SloAlert'];
    };
    /** Technical SLI versus user-trust view. */
    PerceptionDissonance: {
      kind: 'technical-green-users-burning' | 'technical-red-users-fine';
      technical: components['schemas']['TechnicalSli'];
      userTrust: {
        slo: string;
        status: components['schemas']['SloStatus'];
        burnRate: number | null;
      };
      message: string;
    };
    /** The technical SLI compared with the user-trust SLOs: the mean of the entity's `sli_report` values over the last 28 days, and where it comes from. */
    TechnicalSli: {
      sli: string;
      attainment: number;
      target: number;
      provenance?: components['schemas']['TechnicalSliProvenance'];
    };
    /** The `sli_report` signals behind a technical SLI: their days, and the source and query of the latest day's reports (read from the latest report's attributes `goodQuery`/`totalQuery` or `ratioQuery`). */
    TechnicalSliProvenance: {
      /** Sources of the latest day's reports, the latest report's first (e.g. `prometheus`, `demo`). */
      sources: string[];
      /** UTC days of the 28 with at least one report. */
      days: number;
      /** Reports the mean is taken over. */
      reports: number;
      /** UTC day (`YYYY-MM-DD`) of the latest report. */
      latestDay: string;
      /** The query of the latest report, as stored in its attributes: a good/total pair or a ratio (PromQL for Prometheus). */
      query?: {
        good?: string;
        total?: string;
        ratio?: string;
      };
      /** Set when the latest report is demo data standing in for this source's query (attribute `standsInFor`, e.g. `prometheus`). */
      standsInFor?: string;
    };
    /** Which entities must have a role; all given conditions must hold (lower-case values). */
    FieldRoleRequirement: {
      kind?: string[];
      type?: string[];
      lifecycle?: string[];
      /** Values of the tier label (`userTrust.slos.tierLabel`). */
      tier?: string[];
    };
    FieldRoleType: {
      id: string;
      title: string;
      description?: string;
      /** The role is required for entities matching any item. */
      requiredFor: components['schemas']['FieldRoleRequirement'][];
    };
    /** The configured field role types, in configuration order. */
    FieldRoleTypesResponse: {
      roles: components['schemas']['FieldRoleType'][];
    };
    /** One page of registry assignments. */
    FieldRoleAssignmentList: {
      items: components['schemas']['FieldRoleAssignment'][];
      totalCount: number;
    };
    /** One page of the field-role audit log, newest first. */
    FieldRoleAuditList: {
      items: components['schemas']['FieldRoleAuditEntry'][];
      totalCount: number;
    };
    FieldRoleAssignment: {
      entityRef: string;
      role: string;
      /** Full ref of a User or Group. */
      holderRef: string;
      /** Customer accounts covered for this entity; empty means all. */
      accounts: string[];
      note?: string;
      /** ISO date or date-time; empty for catalog seeds. */
      since: string;
      /**
       * `catalog`: seeded from an entity annotation, read-only.
       */
      source: 'registry' | 'catalog';
      registeredBy?: string;
      /** Format: date-time */
      registeredAt?: string;
    };
    EntityFieldRoles: {
      entityRef: string;
      roles: components['schemas']['FieldRoleType'][];
      assignments: components['schemas']['FieldRoleAssignment'][];
      /** Required roles without any holder. */
      missingRequired: string[];
    };
    PutFieldRoleRequest: {
      holders: {
        /** User or Group ref; `jane` means `user:default/jane`. */
        ref: string;
        accounts?: string[];
        note?: string;
        /** ISO date or date-time. */
        since?: string;
      }[];
    };
    FieldRoleAuditEntry: {
      id: number;
      /** Format: date-time */
      at: string;
      actor: string;
      entityRef: string;
      role: string;
      action: 'set' | 'remove' | 'import';
      before: components['schemas']['FieldRoleAssignment'][];
      after: components['schemas']['FieldRoleAssignment'][];
    };
    FieldRoleImportRow: {
      entityRef: string;
      role: string;
      holderRef: string;
      accounts?: string[];
      note?: string;
      since?: string;
    };
    FieldRoleImportResult: {
      dryRun: boolean;
      applied: boolean;
      changes: {
        row: number;
        entityRef: string;
        role: string;
        holderRef: string;
        change: 'create' | 'update' | 'unchanged';
      }[];
      errors: {
        row: number;
        message: string;
      }[];
    };
    FieldRoleCoverage: {
      blindSpots: {
        entityRef: string;
        title?: string;
        missingRoles: string[];
        recentSupportCases: number;
        recentIncidents: number;
        weight: number;
      }[];
      holders: {
        holderRef: string;
        assignments: {
          entityRef: string;
          role: string;
          accounts: string[];
        }[];
      }[];
    };
    SourceList: {
      items: components['schemas']['SourceStatus'][];
    };
    /** What one connector did, for the Sources page. */
    SourceStatus: {
      id: string;
      title: string;
      /**
       * `waiting`: nothing received yet; `syncing`: a sync runs; `error`:
       *     the latest event was an error; `behind`: no successful sync for a
       *     day; `ok` otherwise.
       */
      state: 'waiting' | 'syncing' | 'ok' | 'behind' | 'error';
      receivesWebhooks: boolean;
      syncs: boolean;
      /** Path of the webhook under the plugin's base URL. */
      webhookPath: string;
      /** Format: date-time */
      lastWebhookAt?: string;
      webhooksAccepted: number;
      webhooksRefused: number;
      /**
       * Format: date-time
       * End of the last successful sync.
       */
      lastSyncAt?: string;
      /** Seconds since the last successful sync. */
      syncLagSeconds?: number;
      /** Progress of the running sync. */
      backfill?: {
        done: number;
        total?: number;
      };
      /** Signals the connector stored (created or changed). */
      signals: {
        last24h: number;
        last7d: number;
      };
      /** The latest errors, newest first. */
      errors: {
        /** Format: date-time */
        at: string;
        context: 'webhook' | 'sync' | 'attribution';
        message: string;
      }[];
      /** External services seen without an entity of their own rules. */
      externalServices: components['schemas']['ExternalService'][];
    };
    ExternalService: {
      id: string;
      name?: string;
      url?: string;
      /** Mapped on the Sources page. */
      entityRef?: string;
      /** Signals kept for it, ingested once it is mapped. */
      unattributedSignals: number;
      /** Format: date-time */
      lastSeenAt: string;
    };
    SignalImportRequest: {
      /** The `source` of every imported signal, e.g. `crm-export`. */
      source: string;
      format: 'csv' | 'json';
      /** Shown in the log only. */
      fileName?: string;
      /**
       * The file as UTF-8 text: CSV (RFC 4180, comma or semicolon
       *     separated, a header line first) or a JSON array of flat objects.
       */
      content: string;
      mapping: components['schemas']['SignalImportMapping'];
    };
    /**
     * Which column holds which signal field, constants for fields no
     *     column holds, and the columns kept as attributes. Times are ISO 8601
     *     (`2026-11-27T09:30:00Z`, `2026-11-27 09:30`, `2026-11-27`), read as
     *     UTC when they name no offset.
     */
    SignalImportMapping: {
      columns: {
        externalId?: components['schemas']['SignalImportColumn'];
        kind?: components['schemas']['SignalImportColumn'];
        entityRef?: components['schemas']['SignalImportColumn'];
        occurredAt?: components['schemas']['SignalImportColumn'];
        resolvedAt?: components['schemas']['SignalImportColumn'];
        severity?: components['schemas']['SignalImportColumn'];
        account?: components['schemas']['SignalImportColumn'];
        value?: components['schemas']['SignalImportColumn'];
        fieldRole?: components['schemas']['SignalImportColumn'];
        handledBy?: components['schemas']['SignalImportColumn'];
      };
      /** Values for fields that no column holds (or where its cell is empty). */
      defaults?: {
        kind?: components['schemas']['SignalKind'];
        entityRef?: string;
        severity?: components['schemas']['SignalSeverity'];
      };
      /** Columns stored as attributes under their header name. */
      attributes?: components['schemas']['SignalImportColumn'][];
    };
    /** A column of the file, by its header (CSV) or key (JSON). */
    SignalImportColumn: string;
    SavedSignalImportMapping: {
      source: string;
      mapping: components['schemas']['SignalImportMapping'];
      updatedBy: string;
      /** Format: date-time */
      updatedAt: string;
    };
    SignalImportMappingList: {
      items: components['schemas']['SavedSignalImportMapping'][];
    };
    SignalImportRowError: {
      /** The row, numbered from 1 (0 for the file as a whole). */
      row: number;
      /** The signal field, e.g. `occurredAt`. */
      field?: string;
      /** The file's column that field was read from. */
      column?: string;
      message: string;
    };
    SignalImportResult: {
      dryRun: boolean;
      /** True once the rows are committed. */
      applied: boolean;
      /** Data rows read from the file. */
      rows: number;
      /** The file's columns (CSV header, or the keys of the JSON objects). */
      columns: string[];
      created: number;
      updated: number;
      unchanged: number;
      /** Bad rows in all; `errors` holds the first 1,000. */
      errorCount: number;
      errors: components['schemas']['SignalImportRowError'][];
      /** The first good rows as the signals they become (at most 5). */
      preview: components['schemas']['Signal'][];
    };
    SignalImportProgress: {
      /**
       * `writing`: rows written so far in the import's transaction (the
       *     file is checked before the stream starts).
       */
      phase: 'writing';
      done: number;
      total: number;
    };
    /** One line of a streamed import answer. */
    SignalImportStreamLine: {
      progress?: components['schemas']['SignalImportProgress'];
      result?: components['schemas']['SignalImportResult'];
      error?: {
        name: string;
        message: string;
      };
    };
    ExternalServiceMapping: {
      serviceId: string;
      serviceName?: string;
      /** Catalog entity ref, e.g. `component:default/checkout-api`. */
      entityRef: string;
    };
  };
  responses: {
    /** An error, in Backstage's error format. */
    ErrorResponse: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
  };
  parameters: {
    /** The `source` of the imported signals, e.g. `crm-export`. */
    importSource: string;
    /** Connector id, e.g. `pagerduty`. */
    source: string;
    /** Entity kinds, e.g. `component`. */
    healthKind: string[];
    /** Values of `spec.type`, e.g. `service`. */
    healthType: string[];
    /** Owner refs, e.g. `group:default/payments`. */
    healthOwner: string[];
    /** System refs, e.g. `system:default/checkout`. */
    healthSystem: string[];
    /** Domain refs, e.g. `domain:default/commerce`. */
    healthDomain: string[];
    /** Values of `spec.lifecycle`, e.g. `production`. */
    healthLifecycle: string[];
    /** Statuses of the entity. */
    healthStatus: components['schemas']['SloStatus'][];
    /** Field-role holder refs, e.g. `user:default/rachel.kim`; `me` for the caller and their groups. */
    healthHolder: string[];
    /** `true`: only entities where monitoring and users disagree; `false`: only the others. */
    healthDissonance: 'true' | 'false';
    /** `true`: only entities missing a required field role; `false`: only the others. */
    healthBlindSpot: 'true' | 'false';
    /** Text found in the ref, title, owner, system or domain (case-insensitive). */
    healthQ: string;
    /** Sort column, default `burn`; `runout` is when the first error budget runs out at the current burn (spent budgets first). */
    healthSort: 'burn' | 'score' | 'budget' | 'name' | 'cases' | 'runout';
    /** Default per column, worst first: burn and cases desc; score, budget and name asc. */
    healthOrder: 'asc' | 'desc';
    /** Never holds a slash (an entity ref has it only between namespace and name). */
    kind: string;
    /** Never holds a slash (an entity ref has it only between namespace and name). */
    namespace: string;
    /** Never holds a slash (an entity ref has it only between namespace and name). */
    name: string;
    /** A field role type id, e.g. `tam`. */
    role: string;
    /** Page size, default 100. */
    limit: number;
    offset: number;
  };
  requestBodies: never;
  headers: never;
  pathItems: never;
};
/** @public */
export type $defs = Record<string, never>;
/** @public */
export interface operations {
  IngestSignals: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          signals: components['schemas']['Signal'][];
        };
      };
    };
    responses: {
      /** The batch was stored. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['IngestSignalsResult'];
        };
      };
      400: components['responses']['ErrorResponse'];
      401: components['responses']['ErrorResponse'];
      403: components['responses']['ErrorResponse'];
    };
  };
  GetEntitySummary: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** Never holds a slash (an entity ref has it only between namespace and name). */
        kind: components['parameters']['kind'];
        /** Never holds a slash (an entity ref has it only between namespace and name). */
        namespace: components['parameters']['namespace'];
        /** Never holds a slash (an entity ref has it only between namespace and name). */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The summary. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EntitySignalSummary'];
        };
      };
      401: components['responses']['ErrorResponse'];
      404: components['responses']['ErrorResponse'];
    };
  };
  GetEntityTrust: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** Never holds a slash (an entity ref has it only between namespace and name). */
        kind: components['parameters']['kind'];
        /** Never holds a slash (an entity ref has it only between namespace and name). */
        namespace: components['parameters']['namespace'];
        /** Never holds a slash (an entity ref has it only between namespace and name). */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The evaluation. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EntityTrustEvaluation'];
        };
      };
      401: components['responses']['ErrorResponse'];
      404: components['responses']['ErrorResponse'];
    };
  };
  GetTrustBatch: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          entityRefs: string[];
        };
      };
    };
    responses: {
      /** The evaluations, in the order asked. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['EntityTrustEvaluation'][];
            notFound: string[];
          };
        };
      };
      400: components['responses']['ErrorResponse'];
      401: components['responses']['ErrorResponse'];
    };
  };
  GetEntitySlos: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** Never holds a slash (an entity ref has it only between namespace and name). */
        kind: components['parameters']['kind'];
        /** Never holds a slash (an entity ref has it only between namespace and name). */
        namespace: components['parameters']['namespace'];
        /** Never holds a slash (an entity ref has it only between namespace and name). */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The SLOs, with problems of sources that could not be used. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EntitySlosResponse'];
        };
      };
      401: components['responses']['ErrorResponse'];
      404: components['responses']['ErrorResponse'];
    };
  };
  PutEntitySlos: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** Never holds a slash (an entity ref has it only between namespace and name). */
        kind: components['parameters']['kind'];
        /** Never holds a slash (an entity ref has it only between namespace and name). */
        namespace: components['parameters']['namespace'];
        /** Never holds a slash (an entity ref has it only between namespace and name). */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/yaml': string;
        'text/plain': string;
        'application/json': unknown;
      };
    };
    responses: {
      /** The effective SLOs after the change. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EntitySlosResponse'];
        };
      };
      400: components['responses']['ErrorResponse'];
      401: components['responses']['ErrorResponse'];
      403: components['responses']['ErrorResponse'];
      404: components['responses']['ErrorResponse'];
    };
  };
  DeleteEntitySlos: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** Never holds a slash (an entity ref has it only between namespace and name). */
        kind: components['parameters']['kind'];
        /** Never holds a slash (an entity ref has it only between namespace and name). */
        namespace: components['parameters']['namespace'];
        /** Never holds a slash (an entity ref has it only between namespace and name). */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** Removed. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['ErrorResponse'];
      403: components['responses']['ErrorResponse'];
      404: components['responses']['ErrorResponse'];
    };
  };
  ListEntitySignals: {
    parameters: {
      query?: {
        /** Only these signal kinds (repeatable). */
        kind?: components['schemas']['SignalKind'][];
        from?: string;
        to?: string;
        limit?: number;
        offset?: number;
      };
      header?: never;
      path: {
        /** Never holds a slash (an entity ref has it only between namespace and name). */
        kind: components['parameters']['kind'];
        /** Never holds a slash (an entity ref has it only between namespace and name). */
        namespace: components['parameters']['namespace'];
        /** Never holds a slash (an entity ref has it only between namespace and name). */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** A page of signals. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignalListResponse'];
        };
      };
      400: components['responses']['ErrorResponse'];
      401: components['responses']['ErrorResponse'];
      404: components['responses']['ErrorResponse'];
    };
  };
  ListEntityAlerts: {
    parameters: {
      query?: {
        /** Transitions returned, newest first (default 100). */
        limit?: number;
      };
      header?: never;
      path: {
        /** Never holds a slash (an entity ref has it only between namespace and name). */
        kind: components['parameters']['kind'];
        /** Never holds a slash (an entity ref has it only between namespace and name). */
        namespace: components['parameters']['namespace'];
        /** Never holds a slash (an entity ref has it only between namespace and name). */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The current states and the transitions. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EntityAlertsResponse'];
        };
      };
      400: components['responses']['ErrorResponse'];
      401: components['responses']['ErrorResponse'];
      404: components['responses']['ErrorResponse'];
    };
  };
  ValidateSlos: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/yaml': string;
        'text/plain': string;
        'application/json': unknown;
      };
    };
    responses: {
      /**
       * Whether the documents are valid OpenSLO v1, the SLOs User Trust
       *     will use, and three lists told apart: errors (the spec's rule, with
       *     the path), unsupported (valid OpenSLO that User Trust cannot use,
       *     with what to write instead; those SLOs are skipped) and warnings
       *     (documents or fields read and ignored).
       */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SloValidationResult'];
        };
      };
      401: components['responses']['ErrorResponse'];
    };
  };
  GetFieldRoleTypes: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The role types, in configuration order. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FieldRoleTypesResponse'];
        };
      };
      401: components['responses']['ErrorResponse'];
    };
  };
  GetEntityFieldRoles: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** Never holds a slash (an entity ref has it only between namespace and name). */
        kind: components['parameters']['kind'];
        /** Never holds a slash (an entity ref has it only between namespace and name). */
        namespace: components['parameters']['namespace'];
        /** Never holds a slash (an entity ref has it only between namespace and name). */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The field roles of the entity. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EntityFieldRoles'];
        };
      };
      401: components['responses']['ErrorResponse'];
      404: components['responses']['ErrorResponse'];
    };
  };
  PutEntityFieldRole: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** Never holds a slash (an entity ref has it only between namespace and name). */
        kind: components['parameters']['kind'];
        /** Never holds a slash (an entity ref has it only between namespace and name). */
        namespace: components['parameters']['namespace'];
        /** Never holds a slash (an entity ref has it only between namespace and name). */
        name: components['parameters']['name'];
        /** A field role type id, e.g. `tam`. */
        role: components['parameters']['role'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PutFieldRoleRequest'];
      };
    };
    responses: {
      /** The field roles of the entity after the change. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EntityFieldRoles'];
        };
      };
      400: components['responses']['ErrorResponse'];
      401: components['responses']['ErrorResponse'];
      403: components['responses']['ErrorResponse'];
      404: components['responses']['ErrorResponse'];
    };
  };
  DeleteEntityFieldRoleHolder: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** Never holds a slash (an entity ref has it only between namespace and name). */
        kind: components['parameters']['kind'];
        /** Never holds a slash (an entity ref has it only between namespace and name). */
        namespace: components['parameters']['namespace'];
        /** Never holds a slash (an entity ref has it only between namespace and name). */
        name: components['parameters']['name'];
        /** A field role type id, e.g. `tam`. */
        role: components['parameters']['role'];
        holderRef: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** Removed. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['ErrorResponse'];
      401: components['responses']['ErrorResponse'];
      403: components['responses']['ErrorResponse'];
      404: components['responses']['ErrorResponse'];
    };
  };
  ListFieldRoleAssignments: {
    parameters: {
      query?: {
        entityRef?: string;
        role?: string;
        /** A User or Group ref; a group ref matches the group's own assignments. */
        holderRef?: string;
        /** Page size, default 100. */
        limit?: components['parameters']['limit'];
        offset?: components['parameters']['offset'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** A page of assignments. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FieldRoleAssignmentList'];
        };
      };
      400: components['responses']['ErrorResponse'];
      401: components['responses']['ErrorResponse'];
    };
  };
  ListFieldRoleAudit: {
    parameters: {
      query?: {
        entityRef?: string;
        /** Page size, default 100. */
        limit?: components['parameters']['limit'];
        offset?: components['parameters']['offset'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** A page of audit entries. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FieldRoleAuditList'];
        };
      };
      400: components['responses']['ErrorResponse'];
      401: components['responses']['ErrorResponse'];
    };
  };
  ImportFieldRoles: {
    parameters: {
      query?: {
        dryRun?: 'true' | 'false';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          rows: components['schemas']['FieldRoleImportRow'][];
        };
        'text/csv': string;
      };
    };
    responses: {
      /** The result of the import or dry run. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FieldRoleImportResult'];
        };
      };
      400: components['responses']['ErrorResponse'];
      401: components['responses']['ErrorResponse'];
      403: components['responses']['ErrorResponse'];
    };
  };
  GetFieldRoleCoverage: {
    parameters: {
      query?: {
        role?: string;
        holderRef?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The coverage. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FieldRoleCoverage'];
        };
      };
      400: components['responses']['ErrorResponse'];
      401: components['responses']['ErrorResponse'];
    };
  };
  GetHealth: {
    parameters: {
      query?: {
        /** Entity kinds, e.g. `component`. */
        kind?: components['parameters']['healthKind'];
        /** Values of `spec.type`, e.g. `service`. */
        type?: components['parameters']['healthType'];
        /** Owner refs, e.g. `group:default/payments`. */
        owner?: components['parameters']['healthOwner'];
        /** System refs, e.g. `system:default/checkout`. */
        system?: components['parameters']['healthSystem'];
        /** Domain refs, e.g. `domain:default/commerce`. */
        domain?: components['parameters']['healthDomain'];
        /** Values of `spec.lifecycle`, e.g. `production`. */
        lifecycle?: components['parameters']['healthLifecycle'];
        /** Statuses of the entity. */
        status?: components['parameters']['healthStatus'];
        /** Field-role holder refs, e.g. `user:default/rachel.kim`; `me` for the caller and their groups. */
        holder?: components['parameters']['healthHolder'];
        /** `true`: only entities where monitoring and users disagree; `false`: only the others. */
        dissonance?: components['parameters']['healthDissonance'];
        /** `true`: only entities missing a required field role; `false`: only the others. */
        blindSpot?: components['parameters']['healthBlindSpot'];
        /** Text found in the ref, title, owner, system or domain (case-insensitive). */
        q?: components['parameters']['healthQ'];
        /** Sort column, default `burn`; `runout` is when the first error budget runs out at the current burn (spent budgets first). */
        sort?: components['parameters']['healthSort'];
        /** Default per column, worst first: burn and cases desc; score, budget and name asc. */
        order?: components['parameters']['healthOrder'];
        /** Page size, default 50. */
        limit?: number;
        offset?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** A page of rows, with status counts and facets. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HealthListResponse'];
        };
      };
      400: components['responses']['ErrorResponse'];
      401: components['responses']['ErrorResponse'];
    };
  };
  ExportHealth: {
    parameters: {
      query?: {
        /** Entity kinds, e.g. `component`. */
        kind?: components['parameters']['healthKind'];
        /** Values of `spec.type`, e.g. `service`. */
        type?: components['parameters']['healthType'];
        /** Owner refs, e.g. `group:default/payments`. */
        owner?: components['parameters']['healthOwner'];
        /** System refs, e.g. `system:default/checkout`. */
        system?: components['parameters']['healthSystem'];
        /** Domain refs, e.g. `domain:default/commerce`. */
        domain?: components['parameters']['healthDomain'];
        /** Values of `spec.lifecycle`, e.g. `production`. */
        lifecycle?: components['parameters']['healthLifecycle'];
        /** Statuses of the entity. */
        status?: components['parameters']['healthStatus'];
        /** Field-role holder refs, e.g. `user:default/rachel.kim`; `me` for the caller and their groups. */
        holder?: components['parameters']['healthHolder'];
        /** `true`: only entities where monitoring and users disagree; `false`: only the others. */
        dissonance?: components['parameters']['healthDissonance'];
        /** `true`: only entities missing a required field role; `false`: only the others. */
        blindSpot?: components['parameters']['healthBlindSpot'];
        /** Text found in the ref, title, owner, system or domain (case-insensitive). */
        q?: components['parameters']['healthQ'];
        /** Sort column, default `burn`; `runout` is when the first error budget runs out at the current burn (spent budgets first). */
        sort?: components['parameters']['healthSort'];
        /** Default per column, worst first: burn and cases desc; score, budget and name asc. */
        order?: components['parameters']['healthOrder'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The rows as CSV. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
        };
      };
      400: components['responses']['ErrorResponse'];
      401: components['responses']['ErrorResponse'];
    };
  };
  GetHealthRollups: {
    parameters: {
      query: {
        by: 'group' | 'system' | 'domain';
        /** Entity kinds, e.g. `component`. */
        kind?: components['parameters']['healthKind'];
        /** Values of `spec.type`, e.g. `service`. */
        type?: components['parameters']['healthType'];
        /** Owner refs, e.g. `group:default/payments`. */
        owner?: components['parameters']['healthOwner'];
        /** System refs, e.g. `system:default/checkout`. */
        system?: components['parameters']['healthSystem'];
        /** Domain refs, e.g. `domain:default/commerce`. */
        domain?: components['parameters']['healthDomain'];
        /** Values of `spec.lifecycle`, e.g. `production`. */
        lifecycle?: components['parameters']['healthLifecycle'];
        /** Statuses of the entity. */
        status?: components['parameters']['healthStatus'];
        /** Field-role holder refs, e.g. `user:default/rachel.kim`; `me` for the caller and their groups. */
        holder?: components['parameters']['healthHolder'];
        /** `true`: only entities where monitoring and users disagree; `false`: only the others. */
        dissonance?: components['parameters']['healthDissonance'];
        /** `true`: only entities missing a required field role; `false`: only the others. */
        blindSpot?: components['parameters']['healthBlindSpot'];
        /** Text found in the ref, title, owner, system or domain (case-insensitive). */
        q?: components['parameters']['healthQ'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The rollups. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HealthRollupsResponse'];
        };
      };
      400: components['responses']['ErrorResponse'];
      401: components['responses']['ErrorResponse'];
    };
  };
  ListSources: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** One entry per installed connector. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SourceList'];
        };
      };
      401: components['responses']['ErrorResponse'];
    };
  };
  ResyncSource: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** Connector id, e.g. `pagerduty`. */
        source: components['parameters']['source'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The sync is started (on whichever replica runs it). */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['ErrorResponse'];
      403: components['responses']['ErrorResponse'];
      404: components['responses']['ErrorResponse'];
    };
  };
  MapExternalService: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** Connector id, e.g. `pagerduty`. */
        source: components['parameters']['source'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ExternalServiceMapping'];
      };
    };
    responses: {
      /** The mapping is stored; how many kept signals it attributed. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            attributed: number;
          };
        };
      };
      400: components['responses']['ErrorResponse'];
      401: components['responses']['ErrorResponse'];
      403: components['responses']['ErrorResponse'];
      404: components['responses']['ErrorResponse'];
    };
  };
  ImportSignals: {
    parameters: {
      query?: {
        dryRun?: 'true' | 'false';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SignalImportRequest'];
      };
    };
    responses: {
      /** The result of the import or dry run. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignalImportResult'];
          'application/x-ndjson': components['schemas']['SignalImportStreamLine'];
        };
      };
      400: components['responses']['ErrorResponse'];
      401: components['responses']['ErrorResponse'];
      403: components['responses']['ErrorResponse'];
    };
  };
  ListSignalImportMappings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** Every saved mapping. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignalImportMappingList'];
        };
      };
      401: components['responses']['ErrorResponse'];
    };
  };
  SaveSignalImportMapping: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** The `source` of the imported signals, e.g. `crm-export`. */
        importSource: components['parameters']['importSource'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SignalImportMapping'];
      };
    };
    responses: {
      /** The mapping is saved. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SavedSignalImportMapping'];
        };
      };
      400: components['responses']['ErrorResponse'];
      401: components['responses']['ErrorResponse'];
      403: components['responses']['ErrorResponse'];
    };
  };
  ReceiveWebhook: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** Connector id, e.g. `pagerduty`. */
        source: components['parameters']['source'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': unknown;
      };
    };
    responses: {
      /** Stored (or acknowledged and counted as not used). */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['ErrorResponse'];
      401: components['responses']['ErrorResponse'];
      404: components['responses']['ErrorResponse'];
      413: components['responses']['ErrorResponse'];
    };
  };
  ReceiveTokenWebhook: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** Connector id, e.g. `pagerduty`. */
        source: components['parameters']['source'];
        token: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': unknown;
      };
    };
    responses: {
      /** Stored (or acknowledged and counted as not used). */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['ErrorResponse'];
      401: components['responses']['ErrorResponse'];
      404: components['responses']['ErrorResponse'];
      413: components['responses']['ErrorResponse'];
    };
  };
}
