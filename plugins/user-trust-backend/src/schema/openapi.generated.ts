// Generated from plugins/user-trust-backend/src/schema/openapi.yaml by
// `yarn generate:openapi` in that package. Do not edit.

/* eslint-disable */
export const spec = {
  openapi: '3.1.0',
  info: {
    title: 'user-trust',
    version: '1',
    description:
      'User Trust for Backstage: ingestion of user-perceived signals (support\ncases, incidents, CSAT responses, ...) keyed to catalog entities, and\nsummaries of them per entity. Every request needs Backstage credentials.\n',
    license: {
      name: 'Apache-2.0',
      url: 'http://www.apache.org/licenses/LICENSE-2.0.html',
    },
  },
  servers: [
    {
      url: '/',
    },
  ],
  paths: {
    '/signals': {
      post: {
        operationId: 'IngestSignals',
        summary: 'Store a batch of signals, idempotently and atomically.',
        description:
          'Signals are identified by `source` + `externalId`: sending one again\nwith the same content changes nothing, with other content replaces\nit. The batch is written in one transaction: when any item is\ninvalid the answer is 400, naming the item index and field, and\nnothing is written. Needs the `user-trust.signal.create` permission.\n',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                required: ['signals'],
                properties: {
                  signals: {
                    type: 'array',
                    minItems: 1,
                    maxItems: 5000,
                    items: {
                      $ref: '#/components/schemas/Signal',
                    },
                  },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The batch was stored.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/IngestSignalsResult',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/summary': {
      get: {
        operationId: 'GetEntitySummary',
        summary: 'Signal counts of one entity over 7, 28 and 90 days.',
        description:
          'Answers 404 when the entity does not exist or the caller may not\nsee it in the catalog.\n',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description: 'The summary.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntitySignalSummary',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/trust': {
      get: {
        operationId: 'GetEntityTrust',
        summary: "Evaluation of the entity's user-trust SLOs.",
        description:
          'Trust score, status and, per SLO, attainment, error budget, burn\nrates, budget history and source; perception dissonance against the\ntechnical SLI. Served from rollups; cached for at most a minute.\n',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description: 'The evaluation.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntityTrustEvaluation',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/trust/batch': {
      post: {
        operationId: 'GetTrustBatch',
        summary: 'Evaluations of up to 100 entities at once.',
        description:
          'For catalog-wide views: the same answer as `GET .../trust` for each\nentity the caller may see, read from the rollups in one pass.\nEntities the caller cannot see (or that do not exist) are listed in\n`notFound`.\n',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                required: ['entityRefs'],
                properties: {
                  entityRefs: {
                    type: 'array',
                    minItems: 1,
                    maxItems: 100,
                    items: {
                      type: 'string',
                      minLength: 1,
                      maxLength: 255,
                    },
                  },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The evaluations, in the order asked.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items', 'notFound'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/EntityTrustEvaluation',
                      },
                    },
                    notFound: {
                      type: 'array',
                      items: {
                        type: 'string',
                      },
                    },
                  },
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/slos': {
      get: {
        operationId: 'GetEntitySlos',
        summary:
          'The effective user-trust SLOs of the entity and their sources.',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description:
              'The SLOs, with problems of sources that could not be used.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntitySlosResponse',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      put: {
        operationId: 'PutEntitySlos',
        summary:
          'Register OpenSLO documents for the entity (replaces earlier ones).',
        description:
          "OpenSLO `openslo/v1` SLO (and SLI) documents as YAML or JSON. They\ntake precedence over SLOs of the same name from the entity's\nannotation and from config defaults. Needs `user-trust.slo.update`\non the entity.\n",
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/yaml': {
              schema: {
                type: 'string',
              },
            },
            'text/plain': {
              schema: {
                type: 'string',
              },
            },
            'application/json': {
              schema: {},
            },
          },
        },
        responses: {
          '200': {
            description: 'The effective SLOs after the change.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntitySlosResponse',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      delete: {
        operationId: 'DeleteEntitySlos',
        summary: 'Remove the API-registered SLOs of the entity.',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '204': {
            description: 'Removed.',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/signals': {
      get: {
        operationId: 'ListEntitySignals',
        summary: 'Signals of the entity, newest first, paged.',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            name: 'kind',
            in: 'query',
            required: false,
            description: 'Only these signal kinds (repeatable).',
            schema: {
              type: 'array',
              items: {
                $ref: '#/components/schemas/SignalKind',
              },
            },
          },
          {
            name: 'from',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
              format: 'date-time',
            },
          },
          {
            name: 'to',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
              format: 'date-time',
            },
          },
          {
            name: 'limit',
            in: 'query',
            required: false,
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 500,
            },
          },
          {
            name: 'offset',
            in: 'query',
            required: false,
            schema: {
              type: 'integer',
              minimum: 0,
              maximum: 1000000,
            },
          },
        ],
        responses: {
          '200': {
            description: 'A page of signals.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/SignalListResponse',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/alerts': {
      get: {
        operationId: 'ListEntityAlerts',
        summary:
          "Alert states of the entity's SLOs and their transitions, newest first.",
        description:
          'The stored alert state of each SLO (ok, at-risk, breached; by\nmulti-window burn, see `userTrust.alerting`) and the history of its\ntransitions. Answers 404 when the entity does not exist or the caller\nmay not see it in the catalog.\n',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            name: 'limit',
            in: 'query',
            required: false,
            description: 'Transitions returned, newest first (default 100).',
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 500,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The current states and the transitions.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntityAlertsResponse',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/slos/validate': {
      post: {
        operationId: 'ValidateSlos',
        summary: 'Check OpenSLO documents without storing them.',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/yaml': {
              schema: {
                type: 'string',
              },
            },
            'text/plain': {
              schema: {
                type: 'string',
              },
            },
            'application/json': {
              schema: {},
            },
          },
        },
        responses: {
          '200': {
            description:
              "Whether the documents are valid OpenSLO v1, the SLOs User Trust\nwill use, and three lists told apart: errors (the spec's rule, with\nthe path), unsupported (valid OpenSLO that User Trust cannot use,\nwith what to write instead; those SLOs are skipped) and warnings\n(documents or fields read and ignored).\n",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/SloValidationResult',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/field-roles/types': {
      get: {
        operationId: 'GetFieldRoleTypes',
        summary:
          'The configured field role types and which entities require them.',
        description:
          'From `userTrust.fieldRoles`, or the defaults tam, csm, devrel and\nsupport. Open to every signed-in user.\n',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        responses: {
          '200': {
            description: 'The role types, in configuration order.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/FieldRoleTypesResponse',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/field-roles': {
      get: {
        operationId: 'GetEntityFieldRoles',
        summary:
          'The field-role holders of an entity and its missing required roles.',
        description:
          "Effective assignments: per role, the holders registered through the\nAPI (`source: registry`) or, when the registry has none for that\nrole, those seeded by the entity's annotation\n`user-trust.io/field-role-<role>` (`source: catalog`, read-only).\nOpen to every signed-in user who may see the entity; 404 otherwise.\n",
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description: 'The field roles of the entity.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntityFieldRoles',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/field-roles/{role}': {
      put: {
        operationId: 'PutEntityFieldRole',
        summary: 'Replace the registry holders of one role of the entity.',
        description:
          "The given holders (Users or Groups that exist in the catalog) become\nthe role's registry holders; others are removed. Accounts and note\nare what is given; a holder that stays keeps its `since` unless one\nis given, a new one gets the given `since` or now. Registry holders\noverride the annotation seeds of the role; an empty list removes\nthem all (the seeds show again). Written in one transaction with an\naudit entry (action `set`); a PUT that changes nothing writes no\naudit entry. Needs `user-trust.field-role.manage` on the entity\n(403). Unknown role or holder: 400 naming it.\n",
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            $ref: '#/components/parameters/role',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/PutFieldRoleRequest',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The field roles of the entity after the change.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntityFieldRoles',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/field-roles/{role}/{holderRef}': {
      delete: {
        operationId: 'DeleteEntityFieldRoleHolder',
        summary: 'Remove one registry holder of one role of the entity.',
        description:
          "`holderRef` is the URL-encoded ref of the User or Group, e.g.\n`user%3Adefault%2Frachel.kim`. 404 when it is not registered for the\nrole; 400 when it is only seeded by the entity's annotation (edit\nthe annotation, or override the role with PUT). Writes an audit\nentry (action `remove`). Needs `user-trust.field-role.manage` on\nthe entity.\n",
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            $ref: '#/components/parameters/role',
          },
          {
            name: 'holderRef',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
              minLength: 1,
            },
          },
        ],
        responses: {
          '204': {
            description: 'Removed.',
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/field-roles/assignments': {
      get: {
        operationId: 'ListFieldRoleAssignments',
        summary: 'Registry assignments across entities, paged.',
        description:
          'Only assignments registered through the API (not annotation seeds),\nby entity, role and holder, of entities the caller may see; service\nprincipals (a catalog processor) see all. Filters match exactly,\nafter normalising refs (`jane` is `user:default/jane`).\n',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            name: 'entityRef',
            in: 'query',
            required: false,
            allowReserved: true,
            schema: {
              type: 'string',
              minLength: 1,
            },
          },
          {
            name: 'role',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
              minLength: 1,
            },
          },
          {
            name: 'holderRef',
            in: 'query',
            required: false,
            allowReserved: true,
            description:
              "A User or Group ref; a group ref matches the group's own assignments.",
            schema: {
              type: 'string',
              minLength: 1,
            },
          },
          {
            $ref: '#/components/parameters/limit',
          },
          {
            $ref: '#/components/parameters/offset',
          },
        ],
        responses: {
          '200': {
            description: 'A page of assignments.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/FieldRoleAssignmentList',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/field-roles/audit': {
      get: {
        operationId: 'ListFieldRoleAudit',
        summary: 'The audit log of field-role changes, newest first, paged.',
        description:
          "Every change to the registry with its actor, action and the role's\nholders before and after, for entities the caller may see (service\nprincipals see all).\n",
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            name: 'entityRef',
            in: 'query',
            required: false,
            allowReserved: true,
            schema: {
              type: 'string',
              minLength: 1,
            },
          },
          {
            $ref: '#/components/parameters/limit',
          },
          {
            $ref: '#/components/parameters/offset',
          },
        ],
        responses: {
          '200': {
            description: 'A page of audit entries.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/FieldRoleAuditList',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/field-roles/import': {
      post: {
        operationId: 'ImportFieldRoles',
        summary: 'Add field-role holders in bulk, from JSON rows or CSV.',
        description:
          'JSON `{ "rows": [...] }` or `text/csv` with the header\n`entityRef,role,holderRef,accounts,note,since` (columns in any order;\naccounts separated by `;`; RFC 4180 quoting). Rows add holders and\nnever remove others; fields left out (empty CSV cells) keep the\nstored value of an existing holder. Every row is checked: the entity\nexists, the holder exists as a User or Group, the role is known,\n`since` is an ISO date, no row repeats another, and the caller has\n`user-trust.field-role.manage` on the entity. Rows are numbered from\n1: the index + 1 of a JSON row, the data line of a CSV row (header\nnot counted).\n\nWith `dryRun=true` the answer is always 200: `changes` says what\neach valid row would do (create, update, unchanged), `errors` lists\nevery bad row, nothing is written. Otherwise, when any row is bad,\nnothing is written and the answer is 400 whose message lists the\nfirst bad rows (403 when the only problem is missing permission);\nwhen all rows are good they are written in one transaction with one\naudit entry (action `import`) per changed entity role, and the answer\nis 200 with `applied: true`.\n',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            name: 'dryRun',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
              enum: ['true', 'false'],
            },
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                required: ['rows'],
                properties: {
                  rows: {
                    type: 'array',
                    minItems: 1,
                    maxItems: 5000,
                    items: {
                      $ref: '#/components/schemas/FieldRoleImportRow',
                    },
                  },
                },
              },
            },
            'text/csv': {
              schema: {
                type: 'string',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The result of the import or dry run.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/FieldRoleImportResult',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/field-roles/coverage': {
      get: {
        operationId: 'GetFieldRoleCoverage',
        summary: 'Blind spots and per-holder portfolios across the catalog.',
        description:
          'Blind spots: entities the caller may see that lack a holder of a\nrequired role (registry or annotation seed), weighted by support\ncases and incidents of the last 28 UTC days (today included) read\nfrom the rollups: weight = cases + 5 × incidents + 1, highest first.\nEntities looked at: Components and the kinds named by role\nrequirements, plus entities with registry assignments. Holders:\nper User or Group, the entities and roles they hold. `role` limits\nboth to one role; `holderRef` limits the holders list to one holder.\n',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            name: 'role',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
              minLength: 1,
            },
          },
          {
            name: 'holderRef',
            in: 'query',
            required: false,
            allowReserved: true,
            schema: {
              type: 'string',
              minLength: 1,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The coverage.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/FieldRoleCoverage',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/health': {
      get: {
        operationId: 'GetHealth',
        summary:
          'Reliability health of every entity the caller may see, a page at a time.',
        description:
          'One row per catalog entity of the configured kinds (default Component\nand API): trust score, status, SLO status counts, least error budget\nleft, fastest burn rate, perception dissonance, support cases and\nincidents of the last 7 UTC days against the 7 before, and the\nrequired field roles nobody holds. Rows are precomputed from the\nrollups (see docs/architecture.md): a full refresh on a schedule,\nand within seconds for entities whose signals, SLOs or field roles\nchanged. Only entities the caller may see in the catalog are listed\nor counted. Filters combine with AND; repeated values of one filter\nwith OR. Rows without a value for the sort column come last.\n',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/healthKind',
          },
          {
            $ref: '#/components/parameters/healthType',
          },
          {
            $ref: '#/components/parameters/healthOwner',
          },
          {
            $ref: '#/components/parameters/healthSystem',
          },
          {
            $ref: '#/components/parameters/healthDomain',
          },
          {
            $ref: '#/components/parameters/healthLifecycle',
          },
          {
            $ref: '#/components/parameters/healthStatus',
          },
          {
            $ref: '#/components/parameters/healthHolder',
          },
          {
            $ref: '#/components/parameters/healthDissonance',
          },
          {
            $ref: '#/components/parameters/healthBlindSpot',
          },
          {
            $ref: '#/components/parameters/healthQ',
          },
          {
            $ref: '#/components/parameters/healthSort',
          },
          {
            $ref: '#/components/parameters/healthOrder',
          },
          {
            name: 'limit',
            in: 'query',
            required: false,
            description: 'Page size, default 50.',
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 500,
            },
          },
          {
            name: 'offset',
            in: 'query',
            required: false,
            schema: {
              type: 'integer',
              minimum: 0,
              maximum: 1000000,
            },
          },
        ],
        responses: {
          '200': {
            description: 'A page of rows, with status counts and facets.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/HealthListResponse',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/health/export': {
      get: {
        operationId: 'ExportHealth',
        summary: 'Every row matching the filters, as CSV.',
        description:
          'The same rows as `GET /health` with the same filters and order, all\nof them, as `text/csv` with a header line. Text cells a spreadsheet\nwould run as a formula are prefixed with an apostrophe.\n',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/healthKind',
          },
          {
            $ref: '#/components/parameters/healthType',
          },
          {
            $ref: '#/components/parameters/healthOwner',
          },
          {
            $ref: '#/components/parameters/healthSystem',
          },
          {
            $ref: '#/components/parameters/healthDomain',
          },
          {
            $ref: '#/components/parameters/healthLifecycle',
          },
          {
            $ref: '#/components/parameters/healthStatus',
          },
          {
            $ref: '#/components/parameters/healthHolder',
          },
          {
            $ref: '#/components/parameters/healthDissonance',
          },
          {
            $ref: '#/components/parameters/healthBlindSpot',
          },
          {
            $ref: '#/components/parameters/healthQ',
          },
          {
            $ref: '#/components/parameters/healthSort',
          },
          {
            $ref: '#/components/parameters/healthOrder',
          },
        ],
        responses: {
          '200': {
            description: 'The rows as CSV.',
            content: {
              'text/csv': {
                schema: {
                  type: 'string',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/health/rollups': {
      get: {
        operationId: 'GetHealthRollups',
        summary: 'Health summed up per owner group, system or domain.',
        description:
          'The rows matching the filters, grouped by owner group, system or\ndomain: entities, mean score, status counts, blind spots, dissonant\nentities, cases and incidents week over week, fastest burn. Worst\nfirst (most breached, then lowest mean score); entities without a\ngroup, system or domain form the last item, with key null.\n',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            name: 'by',
            in: 'query',
            required: true,
            schema: {
              type: 'string',
              enum: ['group', 'system', 'domain'],
            },
          },
          {
            $ref: '#/components/parameters/healthKind',
          },
          {
            $ref: '#/components/parameters/healthType',
          },
          {
            $ref: '#/components/parameters/healthOwner',
          },
          {
            $ref: '#/components/parameters/healthSystem',
          },
          {
            $ref: '#/components/parameters/healthDomain',
          },
          {
            $ref: '#/components/parameters/healthLifecycle',
          },
          {
            $ref: '#/components/parameters/healthStatus',
          },
          {
            $ref: '#/components/parameters/healthHolder',
          },
          {
            $ref: '#/components/parameters/healthDissonance',
          },
          {
            $ref: '#/components/parameters/healthBlindSpot',
          },
          {
            $ref: '#/components/parameters/healthQ',
          },
        ],
        responses: {
          '200': {
            description: 'The rollups.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/HealthRollupsResponse',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/sources': {
      get: {
        operationId: 'ListSources',
        summary:
          'The connectors (PagerDuty, Statuspage, ...) and what they did.',
        description:
          "Per connector: its state, the last webhook and sync, the sync lag,\nsignals stored in the last 24 hours and 7 days, a running backfill's\nprogress, the latest errors, and the external services it has seen\nwithout an entity (with the signals kept for them).\n",
        security: [
          {},
          {
            JWT: [],
          },
        ],
        responses: {
          '200': {
            description: 'One entry per installed connector.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/SourceList',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/sources/{source}/resync': {
      post: {
        operationId: 'ResyncSource',
        summary: "Start the connector's sync now.",
        description: 'Needs the `user-trust.source.manage` permission.',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/source',
          },
        ],
        responses: {
          '202': {
            description: 'The sync is started (on whichever replica runs it).',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/sources/{source}/mappings': {
      post: {
        operationId: 'MapExternalService',
        summary: 'Map an external service to a catalog entity.',
        description:
          'Signals kept for the service are ingested for the entity at once, and\nlater ones go to it directly. Needs `user-trust.source.manage`.\n',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/source',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ExternalServiceMapping',
              },
            },
          },
        },
        responses: {
          '200': {
            description:
              'The mapping is stored; how many kept signals it attributed.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['attributed'],
                  properties: {
                    attributed: {
                      type: 'integer',
                    },
                  },
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/imports/signals': {
      post: {
        operationId: 'ImportSignals',
        summary:
          'Import signals from a CSV or JSON file, with a dry run first.',
        description:
          'For files exported from a CRM, a survey tool or a spreadsheet. The\nfile\'s text goes in `content`; `mapping` says which column holds\nwhich signal field (columns named by their header; for JSON, an array\nof flat objects, by their keys). Rows are numbered from 1: the data\nline of a CSV row (header not counted), the index + 1 of a JSON item.\nEvery row goes through the same validation and the same ingestion as\n`POST /signals` (identity `source` + `externalId`): a row without a\nmapped id column gets an id derived from its mapped cells, so the\nsame file imported twice changes nothing.\n\nWith `dryRun=true` the answer is always 200 (unless the file or the\nmapping as a whole is unusable: 400): `errors` lists every bad row\n(row, field, column, reason; the first 1,000), and `created`,\n`updated`, `unchanged` say what the good rows would do; nothing is\nwritten. Otherwise a file with any bad row is answered 400 naming the\nfirst ones and nothing is written; a good file is written in one\ntransaction (all rows or none) and answered 200 with `applied: true`.\nA request that accepts `application/x-ndjson` gets the answer as a\nstream of JSON lines instead: `{"progress": {...}}` while the rows\nare written, then one `{"result": {...}}` after the commit or one\n`{"error": {...}}` after a rollback. Needs `user-trust.signal.create`.\n',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            name: 'dryRun',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
              enum: ['true', 'false'],
            },
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/SignalImportRequest',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The result of the import or dry run.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/SignalImportResult',
                },
              },
              'application/x-ndjson': {
                schema: {
                  $ref: '#/components/schemas/SignalImportStreamLine',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/imports/mappings': {
      get: {
        operationId: 'ListSignalImportMappings',
        summary: 'The saved column mappings, one per import source.',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        responses: {
          '200': {
            description: 'Every saved mapping.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/SignalImportMappingList',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/imports/mappings/{importSource}': {
      put: {
        operationId: 'SaveSignalImportMapping',
        summary: 'Save the column mapping of an import source.',
        description:
          'The next upload for the same `source` starts from it. Needs\n`user-trust.signal.create`.\n',
        security: [
          {},
          {
            JWT: [],
          },
        ],
        parameters: [
          {
            $ref: '#/components/parameters/importSource',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/SignalImportMapping',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The mapping is saved.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/SavedSignalImportMapping',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/webhooks/{source}': {
      post: {
        operationId: 'ReceiveWebhook',
        summary:
          "A connector's webhook (PagerDuty, ...), as the vendor sends it.",
        description:
          "Open without Backstage credentials: the connector checks the vendor's\nsignature over the raw body (at most 1 MB). Answers 2xx only once\nwhat the delivery carried is stored; 401 for a bad or missing\nsignature (nothing stored); 400 for a malformed body; 5xx when\nstorage failed, so the vendor delivers again.\n",
        security: [{}],
        parameters: [
          {
            $ref: '#/components/parameters/source',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {},
            },
          },
        },
        responses: {
          '202': {
            description: 'Stored (or acknowledged and counted as not used).',
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '413': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/webhooks/{source}/{token}': {
      post: {
        operationId: 'ReceiveTokenWebhook',
        summary:
          "A connector's webhook for vendors that sign nothing (Statuspage).",
        description:
          'As `/webhooks/{source}`, but authenticated by a secret token in the\nURL, compared in constant time with the configured ones.\n',
        security: [{}],
        parameters: [
          {
            $ref: '#/components/parameters/source',
          },
          {
            name: 'token',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
            },
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {},
            },
          },
        },
        responses: {
          '202': {
            description: 'Stored (or acknowledged and counted as not used).',
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '413': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
  },
  components: {
    securitySchemes: {
      JWT: {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
      },
    },
    parameters: {
      importSource: {
        name: 'importSource',
        in: 'path',
        required: true,
        description: 'The `source` of the imported signals, e.g. `crm-export`.',
        schema: {
          type: 'string',
          minLength: 1,
          maxLength: 255,
        },
      },
      source: {
        name: 'source',
        in: 'path',
        required: true,
        description: 'Connector id, e.g. `pagerduty`.',
        schema: {
          type: 'string',
          minLength: 1,
          maxLength: 64,
        },
      },
      healthKind: {
        name: 'kind',
        in: 'query',
        required: false,
        description: 'Entity kinds, e.g. `component`.',
        style: 'form',
        explode: true,
        allowReserved: true,
        schema: {
          type: 'array',
          maxItems: 50,
          items: {
            type: 'string',
            minLength: 1,
            maxLength: 255,
          },
        },
      },
      healthType: {
        name: 'type',
        in: 'query',
        required: false,
        description: 'Values of `spec.type`, e.g. `service`.',
        style: 'form',
        explode: true,
        allowReserved: true,
        schema: {
          type: 'array',
          maxItems: 50,
          items: {
            type: 'string',
            minLength: 1,
            maxLength: 255,
          },
        },
      },
      healthOwner: {
        name: 'owner',
        in: 'query',
        required: false,
        description: 'Owner refs, e.g. `group:default/payments`.',
        style: 'form',
        explode: true,
        allowReserved: true,
        schema: {
          type: 'array',
          maxItems: 50,
          items: {
            type: 'string',
            minLength: 1,
            maxLength: 255,
          },
        },
      },
      healthSystem: {
        name: 'system',
        in: 'query',
        required: false,
        description: 'System refs, e.g. `system:default/checkout`.',
        style: 'form',
        explode: true,
        allowReserved: true,
        schema: {
          type: 'array',
          maxItems: 50,
          items: {
            type: 'string',
            minLength: 1,
            maxLength: 255,
          },
        },
      },
      healthDomain: {
        name: 'domain',
        in: 'query',
        required: false,
        description: 'Domain refs, e.g. `domain:default/commerce`.',
        style: 'form',
        explode: true,
        allowReserved: true,
        schema: {
          type: 'array',
          maxItems: 50,
          items: {
            type: 'string',
            minLength: 1,
            maxLength: 255,
          },
        },
      },
      healthLifecycle: {
        name: 'lifecycle',
        in: 'query',
        required: false,
        description: 'Values of `spec.lifecycle`, e.g. `production`.',
        style: 'form',
        explode: true,
        allowReserved: true,
        schema: {
          type: 'array',
          maxItems: 50,
          items: {
            type: 'string',
            minLength: 1,
            maxLength: 255,
          },
        },
      },
      healthStatus: {
        name: 'status',
        in: 'query',
        required: false,
        description: 'Statuses of the entity.',
        style: 'form',
        explode: true,
        allowReserved: true,
        schema: {
          type: 'array',
          maxItems: 50,
          items: {
            $ref: '#/components/schemas/SloStatus',
          },
        },
      },
      healthHolder: {
        name: 'holder',
        in: 'query',
        required: false,
        description:
          'Field-role holder refs, e.g. `user:default/rachel.kim`; `me` for the caller and their groups.',
        style: 'form',
        explode: true,
        allowReserved: true,
        schema: {
          type: 'array',
          maxItems: 50,
          items: {
            type: 'string',
            minLength: 1,
            maxLength: 255,
          },
        },
      },
      healthDissonance: {
        name: 'dissonance',
        in: 'query',
        required: false,
        description:
          '`true`: only entities where monitoring and users disagree; `false`: only the others.',
        schema: {
          type: 'string',
          enum: ['true', 'false'],
        },
      },
      healthBlindSpot: {
        name: 'blindSpot',
        in: 'query',
        required: false,
        description:
          '`true`: only entities missing a required field role; `false`: only the others.',
        schema: {
          type: 'string',
          enum: ['true', 'false'],
        },
      },
      healthQ: {
        name: 'q',
        in: 'query',
        required: false,
        allowReserved: true,
        description:
          'Text found in the ref, title, owner, system or domain (case-insensitive).',
        schema: {
          type: 'string',
          maxLength: 200,
        },
      },
      healthSort: {
        name: 'sort',
        in: 'query',
        required: false,
        description:
          'Sort column, default `burn`; `runout` is when the first error budget runs out at the current burn (spent budgets first).',
        schema: {
          type: 'string',
          enum: ['burn', 'score', 'budget', 'name', 'cases', 'runout'],
        },
      },
      healthOrder: {
        name: 'order',
        in: 'query',
        required: false,
        description:
          'Default per column, worst first: burn and cases desc; score, budget and name asc.',
        schema: {
          type: 'string',
          enum: ['asc', 'desc'],
        },
      },
      kind: {
        name: 'kind',
        in: 'path',
        required: true,
        description:
          'Never holds a slash (an entity ref has it only between namespace and name).',
        schema: {
          type: 'string',
          minLength: 1,
          pattern: '^[^/]+$',
        },
      },
      namespace: {
        name: 'namespace',
        in: 'path',
        required: true,
        description:
          'Never holds a slash (an entity ref has it only between namespace and name).',
        schema: {
          type: 'string',
          minLength: 1,
          pattern: '^[^/]+$',
        },
      },
      name: {
        name: 'name',
        in: 'path',
        required: true,
        description:
          'Never holds a slash (an entity ref has it only between namespace and name).',
        schema: {
          type: 'string',
          minLength: 1,
          pattern: '^[^/]+$',
        },
      },
      role: {
        name: 'role',
        in: 'path',
        required: true,
        description: 'A field role type id, e.g. `tam`.',
        schema: {
          type: 'string',
          minLength: 1,
          maxLength: 64,
        },
      },
      limit: {
        name: 'limit',
        in: 'query',
        required: false,
        description: 'Page size, default 100.',
        schema: {
          type: 'integer',
          minimum: 1,
          maximum: 1000,
        },
      },
      offset: {
        name: 'offset',
        in: 'query',
        required: false,
        schema: {
          type: 'integer',
          minimum: 0,
          maximum: 1000000,
        },
      },
    },
    responses: {
      ErrorResponse: {
        description: "An error, in Backstage's error format.",
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
    },
    schemas: {
      Error: {
        type: 'object',
        required: ['error', 'response'],
        properties: {
          error: {
            type: 'object',
            required: ['name', 'message'],
            properties: {
              name: {
                type: 'string',
              },
              message: {
                type: 'string',
              },
            },
          },
          response: {
            type: 'object',
            required: ['statusCode'],
            properties: {
              statusCode: {
                type: 'number',
              },
            },
          },
        },
      },
      SignalKind: {
        type: 'string',
        enum: [
          'support_case',
          'incident',
          'csat_response',
          'nps_response',
          'retry_spike',
          'degradation',
          'near_miss',
          'workaround',
          'escalation',
          'api_version_usage',
          'doc_reference',
          'customer_activity',
          'sli_report',
          'known_event',
        ],
      },
      Signal: {
        type: 'object',
        additionalProperties: false,
        required: ['source', 'externalId', 'kind', 'entityRef', 'occurredAt'],
        properties: {
          source: {
            type: 'string',
            minLength: 1,
            maxLength: 255,
            description: 'System the signal comes from, e.g. `zendesk`.',
          },
          externalId: {
            type: 'string',
            minLength: 1,
            maxLength: 255,
            description: 'Id of the signal in its source.',
          },
          kind: {
            $ref: '#/components/schemas/SignalKind',
          },
          entityRef: {
            type: 'string',
            minLength: 1,
            maxLength: 255,
            description:
              'Catalog entity ref, e.g. `component:default/checkout-api`.',
          },
          occurredAt: {
            type: 'string',
            format: 'date-time',
          },
          resolvedAt: {
            type: 'string',
            format: 'date-time',
          },
          severity: {
            $ref: '#/components/schemas/SignalSeverity',
          },
          account: {
            type: 'string',
            minLength: 1,
            maxLength: 255,
            description: 'The customer account concerned.',
          },
          value: {
            type: 'number',
            description:
              'A measurement, e.g. a CSAT score or a customer count.',
          },
          fieldRole: {
            type: 'string',
            minLength: 1,
            maxLength: 64,
            description:
              'Field role that handled it (tam, csm, devrel, support).',
          },
          handledBy: {
            type: 'string',
            minLength: 1,
            maxLength: 255,
            description: 'Entity ref of the user who handled it.',
          },
          attributes: {
            type: 'object',
            maxProperties: 50,
            additionalProperties: {
              type: ['string', 'number', 'boolean'],
            },
          },
        },
      },
      SignalSeverity: {
        type: 'string',
        description:
          'Severity, normalised across tools (P1/SEV1 map to `critical`).',
        enum: ['critical', 'high', 'medium', 'low'],
      },
      SignalListResponse: {
        type: 'object',
        required: ['items', 'totalCount'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Signal',
            },
          },
          totalCount: {
            type: 'integer',
          },
        },
      },
      IngestSignalsResult: {
        type: 'object',
        required: ['created', 'updated', 'unchanged'],
        properties: {
          created: {
            type: 'integer',
          },
          updated: {
            type: 'integer',
          },
          unchanged: {
            type: 'integer',
          },
        },
      },
      SignalWindowCounts: {
        type: 'object',
        required: ['window', 'days', 'total', 'byKind'],
        properties: {
          window: {
            type: 'string',
            enum: ['7d', '28d', '90d'],
          },
          days: {
            type: 'integer',
          },
          total: {
            type: 'integer',
          },
          byKind: {
            type: 'object',
            additionalProperties: {
              type: 'integer',
            },
          },
        },
      },
      EntitySignalSummary: {
        type: 'object',
        required: ['entityRef', 'generatedAt', 'windows'],
        properties: {
          entityRef: {
            type: 'string',
          },
          generatedAt: {
            type: 'string',
            format: 'date-time',
          },
          lastSignalAt: {
            type: 'string',
            format: 'date-time',
          },
          windows: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/SignalWindowCounts',
            },
          },
        },
      },
      EntitySlosResponse: {
        type: 'object',
        required: ['entityRef', 'slos'],
        properties: {
          entityRef: {
            type: 'string',
          },
          slos: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/EffectiveSlo',
            },
          },
          problems: {
            type: 'array',
            description: 'Sources that could not be used, with why.',
            items: {
              type: 'object',
              required: ['source', 'message'],
              properties: {
                source: {
                  $ref: '#/components/schemas/SloSource',
                },
                message: {
                  type: 'string',
                },
              },
            },
          },
        },
      },
      EffectiveSlo: {
        type: 'object',
        description:
          'An SLO that applies to an entity, with where it came from.',
        required: ['slo', 'source'],
        properties: {
          slo: {
            $ref: '#/components/schemas/UserTrustSlo',
          },
          source: {
            $ref: '#/components/schemas/SloSource',
          },
        },
      },
      SignalQuery: {
        type: 'object',
        description:
          'A selection of signals, the building block of user-trust indicators.\nAll given conditions must hold. Written in OpenSLO documents as the\n`spec` of a `metricSource` of type `UserTrust`.\n',
        required: ['kind'],
        properties: {
          kind: {
            description: 'One kind or several.',
            oneOf: [
              {
                $ref: '#/components/schemas/SignalKind',
              },
              {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/SignalKind',
                },
              },
            ],
          },
          severity: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/SignalSeverity',
            },
          },
          valueAtLeast: {
            type: 'number',
            description:
              'Inclusive lower bound on `value` (CSAT of 4 or more is `valueAtLeast: 4`).',
          },
          valueAtMost: {
            type: 'number',
            description: 'Inclusive upper bound on `value`.',
          },
          account: {
            type: 'array',
            description: 'Only signals of these customer accounts.',
            items: {
              type: 'string',
            },
          },
          attributes: {
            type: 'object',
            description: 'Attribute equality (`{ escalated: false }`).',
            additionalProperties: {
              type: ['string', 'number', 'boolean'],
            },
          },
        },
      },
      SloIndicator: {
        description:
          "How the indicator of a user-trust SLO is computed. `ratio`: good (or\nbad) events over total events. `rate`: events per `per` units of\nexposure, judged per time slice against the objective's threshold.\n`count`: a count judged per time slice against the threshold; with\n`op: lte` and `value: 0` a zero-SLO.\n",
        oneOf: [
          {
            type: 'object',
            required: ['type', 'total'],
            properties: {
              type: {
                type: 'string',
                const: 'ratio',
              },
              good: {
                $ref: '#/components/schemas/SignalQuery',
              },
              bad: {
                $ref: '#/components/schemas/SignalQuery',
              },
              total: {
                $ref: '#/components/schemas/SignalQuery',
              },
            },
          },
          {
            type: 'object',
            required: ['type', 'events', 'exposure', 'per'],
            properties: {
              type: {
                type: 'string',
                const: 'rate',
              },
              events: {
                $ref: '#/components/schemas/SignalQuery',
              },
              exposure: {
                $ref: '#/components/schemas/SignalQuery',
              },
              per: {
                type: 'number',
                description:
                  'Events per this many exposure units, e.g. 1000 customers.',
              },
            },
          },
          {
            type: 'object',
            required: ['type', 'events'],
            properties: {
              type: {
                type: 'string',
                const: 'count',
              },
              events: {
                $ref: '#/components/schemas/SignalQuery',
              },
            },
          },
        ],
      },
      ThresholdOp: {
        type: 'string',
        description: 'Comparison of a threshold objective (OpenSLO `op`).',
        enum: ['lt', 'lte', 'gt', 'gte'],
      },
      SloTimeWindow: {
        oneOf: [
          {
            type: 'object',
            required: ['type', 'duration', 'days'],
            properties: {
              type: {
                type: 'string',
                const: 'rolling',
              },
              duration: {
                type: 'string',
              },
              days: {
                type: 'integer',
              },
            },
          },
          {
            type: 'object',
            required: ['type', 'duration', 'startTime', 'timeZone'],
            properties: {
              type: {
                type: 'string',
                const: 'calendar',
              },
              duration: {
                type: 'string',
                description: '`1w`, `1M`, `1Q` or `1Y`.',
              },
              startTime: {
                type: 'string',
                description: 'Start of the calendar, ISO 8601.',
              },
              timeZone: {
                type: 'string',
              },
            },
          },
        ],
      },
      BudgetingMethod: {
        type: 'string',
        enum: ['Occurrences', 'Timeslices'],
      },
      UserTrustSlo: {
        type: 'object',
        description:
          'A validated user-trust SLO, parsed from an OpenSLO `openslo/v1` document.',
        required: [
          'name',
          'indicator',
          'timeWindow',
          'budgetingMethod',
          'objective',
          'weight',
        ],
        properties: {
          name: {
            type: 'string',
            description: '`metadata.name` of the OpenSLO document.',
          },
          displayName: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          indicator: {
            $ref: '#/components/schemas/SloIndicator',
          },
          timeWindow: {
            $ref: '#/components/schemas/SloTimeWindow',
          },
          budgetingMethod: {
            $ref: '#/components/schemas/BudgetingMethod',
          },
          objective: {
            type: 'object',
            required: ['target'],
            properties: {
              displayName: {
                type: 'string',
              },
              target: {
                type: 'number',
                description: 'Target in [0, 1).',
              },
              op: {
                $ref: '#/components/schemas/ThresholdOp',
              },
              value: {
                type: 'number',
                description:
                  'For `rate` and `count` indicators (and Timeslices of ratios).',
              },
              timeSliceTarget: {
                type: 'number',
                description:
                  'Timeslices: share of a slice that must be good (a ratio slice: good / total; a rate or count slice is one value, good or bad as a whole).',
              },
              timeSliceDays: {
                type: 'integer',
                description: 'Timeslices: slice length in days (default 1).',
              },
            },
          },
          weight: {
            type: 'number',
            description: 'Weight in the trust score (default 1).',
          },
        },
      },
      OpenSloIssue: {
        type: 'object',
        description:
          'A problem in an OpenSLO document, with the path it is at.',
        required: ['path', 'message'],
        properties: {
          path: {
            type: 'string',
          },
          message: {
            type: 'string',
          },
        },
      },
      SloValidationResult: {
        type: 'object',
        required: ['valid', 'slos', 'errors', 'unsupported', 'warnings'],
        properties: {
          valid: {
            type: 'boolean',
            description:
              'No errors; unsupported SLOs and warnings do not make documents invalid.',
          },
          slos: {
            type: 'array',
            description: 'The SLOs User Trust uses (valid and supported).',
            items: {
              $ref: '#/components/schemas/UserTrustSlo',
            },
          },
          errors: {
            type: 'array',
            description:
              'Invalid OpenSLO v1 (or UserTrust query), with the path and the rule.',
            items: {
              $ref: '#/components/schemas/OpenSloIssue',
            },
          },
          unsupported: {
            type: 'array',
            description:
              'Valid OpenSLO v1 that User Trust does not support, with what to write instead; the SLO concerned is skipped.',
            items: {
              $ref: '#/components/schemas/OpenSloIssue',
            },
          },
          warnings: {
            type: 'array',
            description:
              'Valid documents or fields that are read and ignored (e.g. DataSource, AlertNotificationTarget).',
            items: {
              $ref: '#/components/schemas/OpenSloIssue',
            },
          },
        },
      },
      SloSource: {
        description: 'Where an effective SLO was defined.',
        oneOf: [
          {
            type: 'object',
            required: ['type', 'location'],
            properties: {
              type: {
                type: 'string',
                const: 'annotation',
              },
              location: {
                type: 'string',
                description:
                  "The annotation's value (a file or URL), or `inline`.",
              },
            },
          },
          {
            type: 'object',
            required: ['type', 'rule'],
            properties: {
              type: {
                type: 'string',
                const: 'config',
              },
              rule: {
                type: 'string',
                description: 'Which `userTrust.slos.defaults` rule applied it.',
              },
            },
          },
          {
            type: 'object',
            required: ['type', 'updatedAt'],
            properties: {
              type: {
                type: 'string',
                const: 'api',
              },
              updatedBy: {
                type: 'string',
              },
              updatedAt: {
                type: 'string',
                format: 'date-time',
              },
            },
          },
        ],
      },
      WeekOverWeek: {
        type: 'object',
        required: ['last7d', 'previous7d'],
        properties: {
          last7d: {
            type: 'integer',
          },
          previous7d: {
            type: 'integer',
          },
        },
      },
      StatusCounts: {
        type: 'object',
        required: [
          'healthy',
          'at-risk',
          'breached',
          'no-data',
          'insufficient-data',
        ],
        properties: {
          healthy: {
            type: 'integer',
          },
          'at-risk': {
            type: 'integer',
          },
          breached: {
            type: 'integer',
          },
          'no-data': {
            type: 'integer',
          },
          'insufficient-data': {
            type: 'integer',
          },
        },
      },
      EntityHealth: {
        type: 'object',
        required: [
          'entityRef',
          'kind',
          'namespace',
          'name',
          'score',
          'status',
          'sloCounts',
          'worstBudget',
          'fastestBurn',
          'dissonance',
          'supportCases',
          'incidents',
          'missingRoles',
          'fieldRoles',
          'evaluatedAt',
        ],
        properties: {
          entityRef: {
            type: 'string',
          },
          kind: {
            type: 'string',
          },
          namespace: {
            type: 'string',
          },
          name: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          type: {
            type: 'string',
          },
          lifecycle: {
            type: 'string',
          },
          owner: {
            type: 'string',
          },
          system: {
            type: 'string',
          },
          domain: {
            type: 'string',
          },
          score: {
            type: ['number', 'null'],
          },
          status: {
            $ref: '#/components/schemas/SloStatus',
          },
          sloCounts: {
            $ref: '#/components/schemas/StatusCounts',
          },
          worstBudget: {
            type: ['number', 'null'],
          },
          fastestBurn: {
            oneOf: [
              {
                type: 'null',
              },
              {
                type: 'object',
                required: ['rate', 'window', 'slo'],
                properties: {
                  rate: {
                    type: 'number',
                  },
                  window: {
                    type: 'string',
                  },
                  slo: {
                    type: 'string',
                  },
                },
              },
            ],
          },
          dissonance: {
            type: 'boolean',
          },
          supportCases: {
            $ref: '#/components/schemas/WeekOverWeek',
          },
          incidents: {
            $ref: '#/components/schemas/WeekOverWeek',
          },
          missingRoles: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          fieldRoles: {
            type: 'array',
            items: {
              type: 'object',
              required: ['role', 'holderRef'],
              properties: {
                role: {
                  type: 'string',
                },
                holderRef: {
                  type: 'string',
                },
              },
            },
          },
          evaluatedAt: {
            type: 'string',
            format: 'date-time',
          },
          alert: {
            type: 'object',
            description:
              'The worst alert state of the SLOs, and the first error budget to run out at the current burn.',
            required: ['state', 'slo', 'spent', 'runsOutAt'],
            properties: {
              state: {
                $ref: '#/components/schemas/AlertState',
              },
              slo: {
                type: ['string', 'null'],
                description:
                  'The SLO in the worst state (or whose budget runs out first); null when all are ok.',
              },
              spent: {
                type: 'boolean',
                description: 'An error budget is already spent.',
              },
              runsOutAt: {
                type: ['string', 'null'],
                format: 'date-time',
                description:
                  'When the first budget runs out at the current burn; null when none does at this rate.',
              },
            },
          },
        },
      },
      FacetValues: {
        type: 'array',
        items: {
          type: 'object',
          required: ['value', 'count'],
          properties: {
            value: {
              type: 'string',
            },
            count: {
              type: 'integer',
            },
          },
        },
      },
      HealthListResponse: {
        type: 'object',
        required: [
          'items',
          'totalCount',
          'offset',
          'limit',
          'statusCounts',
          'facets',
          'oldestEvaluatedAt',
        ],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/EntityHealth',
            },
          },
          totalCount: {
            type: 'integer',
          },
          offset: {
            type: 'integer',
          },
          limit: {
            type: 'integer',
          },
          statusCounts: {
            $ref: '#/components/schemas/StatusCounts',
          },
          facets: {
            type: 'object',
            required: [
              'kind',
              'type',
              'owner',
              'system',
              'domain',
              'lifecycle',
            ],
            properties: {
              kind: {
                $ref: '#/components/schemas/FacetValues',
              },
              type: {
                $ref: '#/components/schemas/FacetValues',
              },
              owner: {
                $ref: '#/components/schemas/FacetValues',
              },
              system: {
                $ref: '#/components/schemas/FacetValues',
              },
              domain: {
                $ref: '#/components/schemas/FacetValues',
              },
              lifecycle: {
                $ref: '#/components/schemas/FacetValues',
              },
            },
          },
          oldestEvaluatedAt: {
            type: ['string', 'null'],
          },
        },
      },
      HealthRollupsResponse: {
        type: 'object',
        required: ['by', 'items'],
        properties: {
          by: {
            type: 'string',
            enum: ['group', 'system', 'domain'],
          },
          items: {
            type: 'array',
            items: {
              type: 'object',
              required: [
                'key',
                'entities',
                'meanScore',
                'statusCounts',
                'blindSpots',
                'dissonant',
                'supportCases',
                'incidents',
                'fastestBurn',
              ],
              properties: {
                key: {
                  type: ['string', 'null'],
                },
                entities: {
                  type: 'integer',
                },
                meanScore: {
                  type: ['number', 'null'],
                },
                statusCounts: {
                  $ref: '#/components/schemas/StatusCounts',
                },
                blindSpots: {
                  type: 'integer',
                },
                dissonant: {
                  type: 'integer',
                },
                supportCases: {
                  $ref: '#/components/schemas/WeekOverWeek',
                },
                incidents: {
                  $ref: '#/components/schemas/WeekOverWeek',
                },
                fastestBurn: {
                  type: ['number', 'null'],
                },
              },
            },
          },
        },
      },
      SloStatus: {
        type: 'string',
        enum: [
          'healthy',
          'at-risk',
          'breached',
          'no-data',
          'insufficient-data',
        ],
      },
      EntityTrustEvaluation: {
        type: 'object',
        required: [
          'entityRef',
          'evaluatedAt',
          'score',
          'status',
          'slos',
          'dissonance',
        ],
        properties: {
          entityRef: {
            type: 'string',
          },
          evaluatedAt: {
            type: 'string',
            format: 'date-time',
          },
          score: {
            type: ['number', 'null'],
            description: '0-100, null when no SLO has enough data.',
          },
          status: {
            $ref: '#/components/schemas/SloStatus',
          },
          slos: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/SloEvaluation',
            },
          },
          dissonance: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/PerceptionDissonance',
            },
          },
          technical: {
            $ref: '#/components/schemas/TechnicalSli',
            description:
              'The technical SLI dissonance is judged by, also when monitoring and users agree; absent without `sli_report` signals in the last 28 days.',
          },
        },
      },
      BurnRate: {
        type: 'object',
        required: ['window', 'rate', 'threshold'],
        properties: {
          window: {
            type: 'string',
            description: '`1d`, `7d`, ...',
          },
          rate: {
            type: ['number', 'null'],
          },
          threshold: {
            type: 'number',
            description: 'Alerting threshold from config for this window.',
          },
        },
      },
      AlertState: {
        type: 'string',
        enum: ['ok', 'at-risk', 'breached'],
        description:
          'Alert state of an SLO by multi-window burn (`userTrust.alerting`):\nbreached when its budget is spent or both windows of the breached\ncondition burn at or above its threshold; at-risk when both windows of\nthe at-risk condition do; ok otherwise (also without enough data).\n',
      },
      AlertBurnRate: {
        type: 'object',
        required: ['window', 'rate'],
        properties: {
          window: {
            type: 'string',
            description: '`2d`, `7d`, ...',
          },
          rate: {
            type: ['number', 'null'],
            description:
              'Error ratio over the window divided by 1 − target; null without data.',
          },
        },
      },
      AlertForecast: {
        type: 'object',
        description:
          "When the error budget runs out at the current burn (the at-risk condition's short window).",
        required: ['spent', 'runsOutAt'],
        properties: {
          spent: {
            type: 'boolean',
            description: 'The budget is already spent.',
          },
          runsOutAt: {
            type: ['string', 'null'],
            format: 'date-time',
            description:
              'When the budget runs out at the current burn; null when it does not at this rate (within the window).',
          },
        },
      },
      SloAlert: {
        type: 'object',
        description:
          'The alert state of an SLO with the burn rates it was judged on and the forecast.',
        required: ['state', 'burnRates', 'forecast'],
        properties: {
          state: {
            $ref: '#/components/schemas/AlertState',
          },
          burnRates: {
            type: 'array',
            description: 'Burn rates over the windows of the alert policy.',
            items: {
              $ref: '#/components/schemas/AlertBurnRate',
            },
          },
          forecast: {
            $ref: '#/components/schemas/AlertForecast',
          },
        },
      },
      AlertTransition: {
        type: 'object',
        description:
          "A change of an SLO's alert state, with what it was judged on.",
        required: [
          'slo',
          'from',
          'to',
          'at',
          'burnRates',
          'errorBudgetRemaining',
          'forecast',
        ],
        properties: {
          slo: {
            type: 'string',
          },
          from: {
            $ref: '#/components/schemas/AlertState',
          },
          to: {
            $ref: '#/components/schemas/AlertState',
          },
          at: {
            type: 'string',
            format: 'date-time',
          },
          burnRates: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/AlertBurnRate',
            },
          },
          errorBudgetRemaining: {
            type: ['number', 'null'],
          },
          forecast: {
            $ref: '#/components/schemas/AlertForecast',
          },
        },
      },
      EntityAlertsResponse: {
        type: 'object',
        required: ['current', 'transitions'],
        properties: {
          current: {
            type: 'array',
            description: 'The stored state of each SLO that ever left ok.',
            items: {
              type: 'object',
              required: ['slo', 'state', 'since'],
              properties: {
                slo: {
                  type: 'string',
                },
                state: {
                  $ref: '#/components/schemas/AlertState',
                },
                since: {
                  type: 'string',
                  format: 'date-time',
                },
              },
            },
          },
          transitions: {
            type: 'array',
            description: 'Newest first.',
            items: {
              $ref: '#/components/schemas/AlertTransition',
            },
          },
        },
      },
      SloEvaluation: {
        type: 'object',
        description: 'Evaluation of one SLO over its window.',
        required: [
          'name',
          'source',
          'status',
          'target',
          'budgetingMethod',
          'window',
          'attainment',
          'total',
          'good',
          'errorBudgetRemaining',
          'burnRates',
          'excludedDays',
          'budgetHistory',
        ],
        properties: {
          name: {
            type: 'string',
          },
          displayName: {
            type: 'string',
          },
          source: {
            $ref: '#/components/schemas/SloSource',
          },
          status: {
            $ref: '#/components/schemas/SloStatus',
          },
          target: {
            type: 'number',
          },
          budgetingMethod: {
            $ref: '#/components/schemas/BudgetingMethod',
          },
          window: {
            type: 'object',
            required: ['from', 'to', 'duration'],
            properties: {
              from: {
                type: 'string',
              },
              to: {
                type: 'string',
              },
              duration: {
                type: 'string',
              },
            },
          },
          attainment: {
            type: ['number', 'null'],
            description:
              'Good / (good + bad) over the window; null without data.',
          },
          confidence: {
            type: 'object',
            description: 'Wilson 95% interval of the attainment (Occurrences).',
            required: ['lower', 'upper'],
            properties: {
              lower: {
                type: 'number',
              },
              upper: {
                type: 'number',
              },
            },
          },
          total: {
            type: 'number',
            description:
              'Events (Occurrences) or time slices (Timeslices) counted.',
          },
          good: {
            type: 'number',
          },
          errorBudgetRemaining: {
            type: ['number', 'null'],
            description:
              'Fraction of the error budget left; negative once overspent.',
          },
          burnRates: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/BurnRate',
            },
          },
          excludedDays: {
            type: 'array',
            description:
              'Days excluded from the budget because of known events.',
            items: {
              type: 'string',
            },
          },
          budgetHistory: {
            type: 'array',
            description:
              'Budget left at the end of each day of the window (burn-down chart).',
            items: {
              type: 'object',
              required: ['day', 'errorBudgetRemaining'],
              properties: {
                day: {
                  type: 'string',
                },
                errorBudgetRemaining: {
                  type: ['number', 'null'],
                },
              },
            },
          },
          weight: {
            type: 'number',
            description: 'Weight of the SLO in the trust score.',
          },
          alert: {
            $ref: '#/components/schemas/SloAlert',
          },
        },
      },
      PerceptionDissonance: {
        type: 'object',
        description: 'Technical SLI versus user-trust view.',
        required: ['kind', 'technical', 'userTrust', 'message'],
        properties: {
          kind: {
            type: 'string',
            enum: ['technical-green-users-burning', 'technical-red-users-fine'],
          },
          technical: {
            $ref: '#/components/schemas/TechnicalSli',
          },
          userTrust: {
            type: 'object',
            required: ['slo', 'status', 'burnRate'],
            properties: {
              slo: {
                type: 'string',
              },
              status: {
                $ref: '#/components/schemas/SloStatus',
              },
              burnRate: {
                type: ['number', 'null'],
              },
            },
          },
          message: {
            type: 'string',
          },
        },
      },
      TechnicalSli: {
        type: 'object',
        description:
          "The technical SLI compared with the user-trust SLOs: the mean of the entity's `sli_report` values over the last 28 days, and where it comes from.",
        required: ['sli', 'attainment', 'target'],
        properties: {
          sli: {
            type: 'string',
          },
          attainment: {
            type: 'number',
          },
          target: {
            type: 'number',
          },
          provenance: {
            $ref: '#/components/schemas/TechnicalSliProvenance',
          },
        },
      },
      TechnicalSliProvenance: {
        type: 'object',
        description:
          "The `sli_report` signals behind a technical SLI: their days, and the source and query of the latest day's reports (read from the latest report's attributes `goodQuery`/`totalQuery` or `ratioQuery`).",
        required: ['sources', 'days', 'reports', 'latestDay'],
        properties: {
          sources: {
            type: 'array',
            description:
              "Sources of the latest day's reports, the latest report's first (e.g. `prometheus`, `demo`).",
            items: {
              type: 'string',
            },
          },
          days: {
            type: 'integer',
            description: 'UTC days of the 28 with at least one report.',
          },
          reports: {
            type: 'integer',
            description: 'Reports the mean is taken over.',
          },
          latestDay: {
            type: 'string',
            description: 'UTC day (`YYYY-MM-DD`) of the latest report.',
          },
          query: {
            type: 'object',
            description:
              'The query of the latest report, as stored in its attributes: a good/total pair or a ratio (PromQL for Prometheus).',
            properties: {
              good: {
                type: 'string',
              },
              total: {
                type: 'string',
              },
              ratio: {
                type: 'string',
              },
            },
          },
          standsInFor: {
            type: 'string',
            description:
              "Set when the latest report is demo data standing in for this source's query (attribute `standsInFor`, e.g. `prometheus`).",
          },
        },
      },
      FieldRoleRequirement: {
        type: 'object',
        description:
          'Which entities must have a role; all given conditions must hold (lower-case values).',
        properties: {
          kind: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          type: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          lifecycle: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          tier: {
            type: 'array',
            items: {
              type: 'string',
            },
            description:
              'Values of the tier label (`userTrust.slos.tierLabel`).',
          },
        },
      },
      FieldRoleType: {
        type: 'object',
        required: ['id', 'title', 'requiredFor'],
        properties: {
          id: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          requiredFor: {
            type: 'array',
            description: 'The role is required for entities matching any item.',
            items: {
              $ref: '#/components/schemas/FieldRoleRequirement',
            },
          },
        },
      },
      FieldRoleTypesResponse: {
        type: 'object',
        description: 'The configured field role types, in configuration order.',
        required: ['roles'],
        properties: {
          roles: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/FieldRoleType',
            },
          },
        },
      },
      FieldRoleAssignmentList: {
        type: 'object',
        description: 'One page of registry assignments.',
        required: ['items', 'totalCount'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/FieldRoleAssignment',
            },
          },
          totalCount: {
            type: 'integer',
          },
        },
      },
      FieldRoleAuditList: {
        type: 'object',
        description: 'One page of the field-role audit log, newest first.',
        required: ['items', 'totalCount'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/FieldRoleAuditEntry',
            },
          },
          totalCount: {
            type: 'integer',
          },
        },
      },
      FieldRoleAssignment: {
        type: 'object',
        required: [
          'entityRef',
          'role',
          'holderRef',
          'accounts',
          'since',
          'source',
        ],
        properties: {
          entityRef: {
            type: 'string',
          },
          role: {
            type: 'string',
          },
          holderRef: {
            type: 'string',
            description: 'Full ref of a User or Group.',
          },
          accounts: {
            type: 'array',
            description:
              'Customer accounts covered for this entity; empty means all.',
            items: {
              type: 'string',
            },
          },
          note: {
            type: 'string',
          },
          since: {
            type: 'string',
            description: 'ISO date or date-time; empty for catalog seeds.',
          },
          source: {
            type: 'string',
            enum: ['registry', 'catalog'],
            description:
              '`catalog`: seeded from an entity annotation, read-only.',
          },
          registeredBy: {
            type: 'string',
          },
          registeredAt: {
            type: 'string',
            format: 'date-time',
          },
        },
      },
      EntityFieldRoles: {
        type: 'object',
        required: ['entityRef', 'roles', 'assignments', 'missingRequired'],
        properties: {
          entityRef: {
            type: 'string',
          },
          roles: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/FieldRoleType',
            },
          },
          assignments: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/FieldRoleAssignment',
            },
          },
          missingRequired: {
            type: 'array',
            description: 'Required roles without any holder.',
            items: {
              type: 'string',
            },
          },
        },
      },
      PutFieldRoleRequest: {
        type: 'object',
        additionalProperties: false,
        required: ['holders'],
        properties: {
          holders: {
            type: 'array',
            maxItems: 100,
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['ref'],
              properties: {
                ref: {
                  type: 'string',
                  minLength: 1,
                  maxLength: 255,
                  description:
                    'User or Group ref; `jane` means `user:default/jane`.',
                },
                accounts: {
                  type: 'array',
                  maxItems: 500,
                  items: {
                    type: 'string',
                    maxLength: 255,
                  },
                },
                note: {
                  type: 'string',
                  maxLength: 2000,
                },
                since: {
                  type: 'string',
                  maxLength: 64,
                  description: 'ISO date or date-time.',
                },
              },
            },
          },
        },
      },
      FieldRoleAuditEntry: {
        type: 'object',
        required: [
          'id',
          'at',
          'actor',
          'entityRef',
          'role',
          'action',
          'before',
          'after',
        ],
        properties: {
          id: {
            type: 'integer',
          },
          at: {
            type: 'string',
            format: 'date-time',
          },
          actor: {
            type: 'string',
          },
          entityRef: {
            type: 'string',
          },
          role: {
            type: 'string',
          },
          action: {
            type: 'string',
            enum: ['set', 'remove', 'import'],
          },
          before: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/FieldRoleAssignment',
            },
          },
          after: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/FieldRoleAssignment',
            },
          },
        },
      },
      FieldRoleImportRow: {
        type: 'object',
        additionalProperties: false,
        required: ['entityRef', 'role', 'holderRef'],
        properties: {
          entityRef: {
            type: 'string',
            maxLength: 255,
          },
          role: {
            type: 'string',
            maxLength: 64,
          },
          holderRef: {
            type: 'string',
            maxLength: 255,
          },
          accounts: {
            type: 'array',
            maxItems: 500,
            items: {
              type: 'string',
              maxLength: 255,
            },
          },
          note: {
            type: 'string',
            maxLength: 2000,
          },
          since: {
            type: 'string',
            maxLength: 64,
          },
        },
      },
      FieldRoleImportResult: {
        type: 'object',
        required: ['dryRun', 'applied', 'changes', 'errors'],
        properties: {
          dryRun: {
            type: 'boolean',
          },
          applied: {
            type: 'boolean',
          },
          changes: {
            type: 'array',
            items: {
              type: 'object',
              required: ['row', 'entityRef', 'role', 'holderRef', 'change'],
              properties: {
                row: {
                  type: 'integer',
                },
                entityRef: {
                  type: 'string',
                },
                role: {
                  type: 'string',
                },
                holderRef: {
                  type: 'string',
                },
                change: {
                  type: 'string',
                  enum: ['create', 'update', 'unchanged'],
                },
              },
            },
          },
          errors: {
            type: 'array',
            items: {
              type: 'object',
              required: ['row', 'message'],
              properties: {
                row: {
                  type: 'integer',
                },
                message: {
                  type: 'string',
                },
              },
            },
          },
        },
      },
      FieldRoleCoverage: {
        type: 'object',
        required: ['blindSpots', 'holders'],
        properties: {
          blindSpots: {
            type: 'array',
            items: {
              type: 'object',
              required: [
                'entityRef',
                'missingRoles',
                'recentSupportCases',
                'recentIncidents',
                'weight',
              ],
              properties: {
                entityRef: {
                  type: 'string',
                },
                title: {
                  type: 'string',
                },
                missingRoles: {
                  type: 'array',
                  items: {
                    type: 'string',
                  },
                },
                recentSupportCases: {
                  type: 'integer',
                },
                recentIncidents: {
                  type: 'integer',
                },
                weight: {
                  type: 'number',
                },
              },
            },
          },
          holders: {
            type: 'array',
            items: {
              type: 'object',
              required: ['holderRef', 'assignments'],
              properties: {
                holderRef: {
                  type: 'string',
                },
                assignments: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['entityRef', 'role', 'accounts'],
                    properties: {
                      entityRef: {
                        type: 'string',
                      },
                      role: {
                        type: 'string',
                      },
                      accounts: {
                        type: 'array',
                        items: {
                          type: 'string',
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
      SourceList: {
        type: 'object',
        required: ['items'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/SourceStatus',
            },
          },
        },
      },
      SourceStatus: {
        type: 'object',
        description: 'What one connector did, for the Sources page.',
        required: [
          'id',
          'title',
          'state',
          'receivesWebhooks',
          'syncs',
          'webhookPath',
          'webhooksAccepted',
          'webhooksRefused',
          'signals',
          'errors',
          'externalServices',
        ],
        properties: {
          id: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          state: {
            type: 'string',
            description:
              '`waiting`: nothing received yet; `syncing`: a sync runs; `error`:\nthe latest event was an error; `behind`: no successful sync for a\nday; `ok` otherwise.\n',
            enum: ['waiting', 'syncing', 'ok', 'behind', 'error'],
          },
          receivesWebhooks: {
            type: 'boolean',
          },
          syncs: {
            type: 'boolean',
          },
          webhookPath: {
            type: 'string',
            description: "Path of the webhook under the plugin's base URL.",
          },
          lastWebhookAt: {
            type: 'string',
            format: 'date-time',
          },
          webhooksAccepted: {
            type: 'integer',
          },
          webhooksRefused: {
            type: 'integer',
          },
          lastSyncAt: {
            type: 'string',
            format: 'date-time',
            description: 'End of the last successful sync.',
          },
          syncLagSeconds: {
            type: 'integer',
            description: 'Seconds since the last successful sync.',
          },
          backfill: {
            type: 'object',
            description: 'Progress of the running sync.',
            required: ['done'],
            properties: {
              done: {
                type: 'integer',
              },
              total: {
                type: 'integer',
              },
            },
          },
          signals: {
            type: 'object',
            description: 'Signals the connector stored (created or changed).',
            required: ['last24h', 'last7d'],
            properties: {
              last24h: {
                type: 'integer',
              },
              last7d: {
                type: 'integer',
              },
            },
          },
          errors: {
            type: 'array',
            description: 'The latest errors, newest first.',
            items: {
              type: 'object',
              required: ['at', 'context', 'message'],
              properties: {
                at: {
                  type: 'string',
                  format: 'date-time',
                },
                context: {
                  type: 'string',
                  enum: ['webhook', 'sync', 'attribution'],
                },
                message: {
                  type: 'string',
                },
              },
            },
          },
          externalServices: {
            type: 'array',
            description:
              'External services seen without an entity of their own rules.',
            items: {
              $ref: '#/components/schemas/ExternalService',
            },
          },
        },
      },
      ExternalService: {
        type: 'object',
        required: ['id', 'unattributedSignals', 'lastSeenAt'],
        properties: {
          id: {
            type: 'string',
          },
          name: {
            type: 'string',
          },
          url: {
            type: 'string',
          },
          entityRef: {
            type: 'string',
            description: 'Mapped on the Sources page.',
          },
          unattributedSignals: {
            type: 'integer',
            description: 'Signals kept for it, ingested once it is mapped.',
          },
          lastSeenAt: {
            type: 'string',
            format: 'date-time',
          },
        },
      },
      SignalImportRequest: {
        type: 'object',
        additionalProperties: false,
        required: ['source', 'format', 'content', 'mapping'],
        properties: {
          source: {
            type: 'string',
            minLength: 1,
            maxLength: 255,
            description:
              'The `source` of every imported signal, e.g. `crm-export`.',
          },
          format: {
            type: 'string',
            enum: ['csv', 'json'],
          },
          fileName: {
            type: 'string',
            maxLength: 255,
            description: 'Shown in the log only.',
          },
          content: {
            type: 'string',
            minLength: 1,
            maxLength: 52428800,
            description:
              'The file as UTF-8 text: CSV (RFC 4180, comma or semicolon\nseparated, a header line first) or a JSON array of flat objects.\n',
          },
          mapping: {
            $ref: '#/components/schemas/SignalImportMapping',
          },
        },
      },
      SignalImportMapping: {
        type: 'object',
        additionalProperties: false,
        required: ['columns'],
        description:
          'Which column holds which signal field, constants for fields no\ncolumn holds, and the columns kept as attributes. Times are ISO 8601\n(`2026-11-27T09:30:00Z`, `2026-11-27 09:30`, `2026-11-27`), read as\nUTC when they name no offset.\n',
        properties: {
          columns: {
            type: 'object',
            additionalProperties: false,
            properties: {
              externalId: {
                $ref: '#/components/schemas/SignalImportColumn',
              },
              kind: {
                $ref: '#/components/schemas/SignalImportColumn',
              },
              entityRef: {
                $ref: '#/components/schemas/SignalImportColumn',
              },
              occurredAt: {
                $ref: '#/components/schemas/SignalImportColumn',
              },
              resolvedAt: {
                $ref: '#/components/schemas/SignalImportColumn',
              },
              severity: {
                $ref: '#/components/schemas/SignalImportColumn',
              },
              account: {
                $ref: '#/components/schemas/SignalImportColumn',
              },
              value: {
                $ref: '#/components/schemas/SignalImportColumn',
              },
              fieldRole: {
                $ref: '#/components/schemas/SignalImportColumn',
              },
              handledBy: {
                $ref: '#/components/schemas/SignalImportColumn',
              },
            },
          },
          defaults: {
            type: 'object',
            additionalProperties: false,
            description:
              'Values for fields that no column holds (or where its cell is empty).',
            properties: {
              kind: {
                $ref: '#/components/schemas/SignalKind',
              },
              entityRef: {
                type: 'string',
                minLength: 1,
                maxLength: 255,
              },
              severity: {
                $ref: '#/components/schemas/SignalSeverity',
              },
            },
          },
          attributes: {
            type: 'array',
            maxItems: 50,
            uniqueItems: true,
            description:
              'Columns stored as attributes under their header name.',
            items: {
              $ref: '#/components/schemas/SignalImportColumn',
            },
          },
        },
      },
      SignalImportColumn: {
        type: 'string',
        minLength: 1,
        maxLength: 255,
        description: 'A column of the file, by its header (CSV) or key (JSON).',
      },
      SavedSignalImportMapping: {
        type: 'object',
        required: ['source', 'mapping', 'updatedBy', 'updatedAt'],
        properties: {
          source: {
            type: 'string',
          },
          mapping: {
            $ref: '#/components/schemas/SignalImportMapping',
          },
          updatedBy: {
            type: 'string',
          },
          updatedAt: {
            type: 'string',
            format: 'date-time',
          },
        },
      },
      SignalImportMappingList: {
        type: 'object',
        required: ['items'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/SavedSignalImportMapping',
            },
          },
        },
      },
      SignalImportRowError: {
        type: 'object',
        required: ['row', 'message'],
        properties: {
          row: {
            type: 'integer',
            description:
              'The row, numbered from 1 (0 for the file as a whole).',
          },
          field: {
            type: 'string',
            description: 'The signal field, e.g. `occurredAt`.',
          },
          column: {
            type: 'string',
            description: "The file's column that field was read from.",
          },
          message: {
            type: 'string',
          },
        },
      },
      SignalImportResult: {
        type: 'object',
        required: [
          'dryRun',
          'applied',
          'rows',
          'columns',
          'created',
          'updated',
          'unchanged',
          'errorCount',
          'errors',
          'preview',
        ],
        properties: {
          dryRun: {
            type: 'boolean',
          },
          applied: {
            type: 'boolean',
            description: 'True once the rows are committed.',
          },
          rows: {
            type: 'integer',
            description: 'Data rows read from the file.',
          },
          columns: {
            type: 'array',
            description:
              "The file's columns (CSV header, or the keys of the JSON objects).",
            items: {
              type: 'string',
            },
          },
          created: {
            type: 'integer',
          },
          updated: {
            type: 'integer',
          },
          unchanged: {
            type: 'integer',
          },
          errorCount: {
            type: 'integer',
            description: 'Bad rows in all; `errors` holds the first 1,000.',
          },
          errors: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/SignalImportRowError',
            },
          },
          preview: {
            type: 'array',
            description:
              'The first good rows as the signals they become (at most 5).',
            items: {
              $ref: '#/components/schemas/Signal',
            },
          },
        },
      },
      SignalImportProgress: {
        type: 'object',
        required: ['phase', 'done', 'total'],
        properties: {
          phase: {
            type: 'string',
            description:
              "`writing`: rows written so far in the import's transaction (the\nfile is checked before the stream starts).\n",
            enum: ['writing'],
          },
          done: {
            type: 'integer',
          },
          total: {
            type: 'integer',
          },
        },
      },
      SignalImportStreamLine: {
        type: 'object',
        description: 'One line of a streamed import answer.',
        properties: {
          progress: {
            $ref: '#/components/schemas/SignalImportProgress',
          },
          result: {
            $ref: '#/components/schemas/SignalImportResult',
          },
          error: {
            type: 'object',
            required: ['name', 'message'],
            properties: {
              name: {
                type: 'string',
              },
              message: {
                type: 'string',
              },
            },
          },
        },
      },
      ExternalServiceMapping: {
        type: 'object',
        additionalProperties: false,
        required: ['serviceId', 'entityRef'],
        properties: {
          serviceId: {
            type: 'string',
            minLength: 1,
            maxLength: 255,
          },
          serviceName: {
            type: 'string',
            maxLength: 255,
          },
          entityRef: {
            type: 'string',
            minLength: 1,
            maxLength: 255,
            description:
              'Catalog entity ref, e.g. `component:default/checkout-api`.',
          },
        },
      },
    },
  },
} as const;
