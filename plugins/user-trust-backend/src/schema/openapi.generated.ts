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
    },
  },
} as const;
