// Generated from openapi.yaml by `yarn generate:openapi`. Do not edit.

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
            },
          },
        ],
        responses: {
          '200': {
            description: 'A page of signals.',
            content: {
              'application/json': {
                schema: {
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
              'Whether the documents are valid, the SLOs read and the errors (path and rule).',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['valid', 'slos', 'errors'],
                  properties: {
                    valid: {
                      type: 'boolean',
                    },
                    slos: {
                      type: 'array',
                      items: {
                        type: 'object',
                      },
                    },
                    errors: {
                      type: 'array',
                      items: {
                        type: 'object',
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
                    },
                  },
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
      kind: {
        name: 'kind',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          minLength: 1,
        },
      },
      namespace: {
        name: 'namespace',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          minLength: 1,
        },
      },
      name: {
        name: 'name',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          minLength: 1,
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
            type: 'string',
            enum: ['critical', 'high', 'medium', 'low'],
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
              type: 'object',
              required: ['slo', 'source'],
              properties: {
                slo: {
                  type: 'object',
                  description:
                    'A parsed OpenSLO SLO (see UserTrustSlo in the common package).',
                },
                source: {
                  $ref: '#/components/schemas/SloSource',
                },
              },
            },
          },
          problems: {
            type: 'array',
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
      SloSource: {
        type: 'object',
        required: ['type'],
        properties: {
          type: {
            type: 'string',
            enum: ['annotation', 'config', 'api'],
          },
          location: {
            type: 'string',
          },
          rule: {
            type: 'string',
          },
          updatedBy: {
            type: 'string',
          },
          updatedAt: {
            type: 'string',
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
              type: 'object',
              required: [
                'name',
                'status',
                'target',
                'attainment',
                'errorBudgetRemaining',
                'burnRates',
                'source',
              ],
              properties: {
                name: {
                  type: 'string',
                },
                status: {
                  $ref: '#/components/schemas/SloStatus',
                },
                target: {
                  type: 'number',
                },
                attainment: {
                  type: ['number', 'null'],
                },
                errorBudgetRemaining: {
                  type: ['number', 'null'],
                  description:
                    'Fraction of the budget left; negative once overspent.',
                },
                burnRates: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['window', 'rate'],
                    properties: {
                      window: {
                        type: 'string',
                      },
                      rate: {
                        type: ['number', 'null'],
                      },
                      threshold: {
                        type: 'number',
                      },
                    },
                  },
                },
                source: {
                  $ref: '#/components/schemas/SloSource',
                },
              },
            },
          },
          dissonance: {
            type: 'array',
            items: {
              type: 'object',
            },
          },
        },
      },
    },
  },
} as const;
