import { InputError } from '@backstage/errors';
import {
  MAX_SIGNALS_PER_BATCH,
  SignalInput,
} from '@user-trust/plugin-user-trust-common';
import { validateSignals } from './validateSignals';

function signal(overrides: Partial<SignalInput> = {}): SignalInput {
  return {
    source: 'zendesk',
    externalId: 'case-1',
    kind: 'support_case',
    entityRef: 'component:default/checkout-api',
    occurredAt: '2026-01-10T12:00:00.000Z',
    ...overrides,
  };
}

/** The message of the InputError that validating `signals` throws. */
function errorOf(signals: unknown): string {
  try {
    validateSignals(signals);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error('expected validateSignals to throw');
}

describe('validateSignals', () => {
  // Signal times are judged against the clock: fix it, so that the dates
  // of these tests stay within the accepted window.
  beforeAll(() =>
    jest.useFakeTimers({ now: new Date('2026-06-01T00:00:00Z') }),
  );
  afterAll(() => jest.useRealTimers());

  describe('batch shape', () => {
    it.each([
      ['undefined', undefined],
      ['an object', { signals: [] }],
      ['an empty array', []],
    ])('rejects %s', (_, input) => {
      expect(errorOf(input)).toBe('signals: must be a non-empty array');
    });

    it('accepts exactly MAX_SIGNALS_PER_BATCH signals', () => {
      const batch = Array.from({ length: MAX_SIGNALS_PER_BATCH }, (_, i) =>
        signal({ externalId: `case-${i}` }),
      );
      expect(validateSignals(batch)).toHaveLength(MAX_SIGNALS_PER_BATCH);
    });

    it('rejects more than MAX_SIGNALS_PER_BATCH signals', () => {
      const batch = Array.from({ length: MAX_SIGNALS_PER_BATCH + 1 }, (_, i) =>
        signal({ externalId: `case-${i}` }),
      );
      expect(errorOf(batch)).toBe(
        `signals: at most ${MAX_SIGNALS_PER_BATCH} signals per request, got ${
          MAX_SIGNALS_PER_BATCH + 1
        }`,
      );
    });
  });

  describe('messages name the item index and field', () => {
    it('an unknown kind, listing the allowed values', () => {
      const message = errorOf([
        signal(),
        signal({ externalId: 'case-2', kind: 'rumour' as any }),
      ]);
      expect(message).toMatch(
        /^signals\[1\]\.kind: must be equal to one of the allowed values/,
      );
      expect(message).toContain('support_case');
      expect(message).toContain('known_event');
    });

    it.each(['source', 'externalId', 'kind', 'entityRef', 'occurredAt'])(
      'a missing required %s',
      field => {
        const bad: Record<string, unknown> = { ...signal() };
        delete bad[field];
        expect(errorOf([signal({ externalId: 'other' }), bad])).toBe(
          `signals[1].${field}: must have required property '${field}'`,
        );
      },
    );

    it('an unknown property', () => {
      expect(errorOf([{ ...signal(), customer: 'acme' }])).toBe(
        'signals[0].customer: must NOT have additional properties',
      );
    });

    it('an empty source', () => {
      expect(errorOf([signal({ source: '' })])).toBe(
        'signals[0].source: must NOT have fewer than 1 characters',
      );
    });

    it('an occurredAt that is not a date-time', () => {
      expect(errorOf([signal({ occurredAt: 'yesterday' })])).toBe(
        'signals[0].occurredAt: must match format "date-time"',
      );
    });

    it('a date-time without a time zone', () => {
      expect(errorOf([signal({ occurredAt: '2026-01-10T12:00:00' })])).toMatch(
        /^signals\[0\]\.occurredAt: must match format "date-time"/,
      );
    });

    it('an unknown severity', () => {
      expect(errorOf([signal({ severity: 'P1' as any })])).toBe(
        'signals[0].severity: must be equal to one of the allowed values (critical, high, medium, low)',
      );
    });

    it('a nested attribute value, with the attribute path', () => {
      expect(
        errorOf([signal({ attributes: { plan: { tier: 'gold' } } as any })]),
      ).toMatch(/^signals\[0\]\.attributes\.plan: must be /);
    });

    it('a value that is not a number', () => {
      expect(errorOf([signal({ value: '5' as any })])).toBe(
        'signals[0].value: must be number',
      );
    });

    it.each([NaN, Infinity, -Infinity])('a value of %p', value => {
      expect(errorOf([signal({ value })])).toBe(
        'signals[0].value: must be a finite number',
      );
    });

    it.each(['checkout-api', 'component:', 'component:default/'])(
      'an entityRef %p that is not an entity ref',
      entityRef => {
        expect(
          errorOf([signal(), signal({ externalId: 'b', entityRef })]),
        ).toMatch(
          new RegExp(
            `^signals\\[1\\]\\.entityRef: '${entityRef}' is not an entity ref \\(.+\\)$`,
          ),
        );
      },
    );

    it.each(['occurredAt', 'resolvedAt'] as const)(
      'a leap second in %s, which the schema allows but Date cannot hold',
      field => {
        // Used to pass as an Invalid Date and fail in the database (500).
        expect(
          errorOf([
            signal({
              occurredAt: '2016-12-31T12:00:00Z',
              [field]: '2016-12-31T23:59:60Z',
            }),
          ]),
        ).toBe(
          `signals[0].${field}: '2016-12-31T23:59:60Z' is not a date-time that can be stored`,
        );
      },
    );

    it('an entityRef longer than its column once normalised', () => {
      // 255 characters as sent, which the schema allows, 263 as stored:
      // PostgreSQL refused it with a 500 (value too long for varchar(255)).
      const entityRef = `component:${'a'.repeat(245)}`;
      expect(entityRef).toHaveLength(255);
      // Now refused for its name, longer than the catalog's 63 characters.
      expect(errorOf([signal({ entityRef })])).toBe(
        `signals[0].entityRef: '${entityRef}' is not an entity ref (invalid name)`,
      );
    });

    it('a handledBy whose name breaks the catalog naming rules', () => {
      expect(errorOf([signal({ handledBy: 'j'.repeat(250) })])).toBe(
        `signals[0].handledBy: '${'j'.repeat(
          250,
        )}' is not an entity ref (invalid name)`,
      );
    });

    it("accepts names of the catalog's longest, 63 characters", () => {
      const entityRef = `component:${'n'.repeat(63)}/${'a'.repeat(63)}`;
      expect(validateSignals([signal({ entityRef })])[0].entityRef).toBe(
        entityRef,
      );
    });

    it('a handledBy that is not an entity ref', () => {
      expect(errorOf([signal({ handledBy: 'user:default/' })])).toMatch(
        /^signals\[0\]\.handledBy: 'user:default\/' is not an entity ref/,
      );
    });

    it('resolvedAt before occurredAt', () => {
      expect(
        errorOf([
          signal({
            occurredAt: '2026-01-10T12:00:00.000Z',
            resolvedAt: '2026-01-10T11:59:59.999Z',
          }),
        ]),
      ).toBe('signals[0].resolvedAt: must not be before occurredAt');
    });

    it('compares resolvedAt and occurredAt as instants, across offsets', () => {
      // 13:00+02:00 is 11:00Z, an hour before occurredAt.
      expect(
        errorOf([
          signal({
            occurredAt: '2026-01-10T12:00:00Z',
            resolvedAt: '2026-01-10T13:00:00+02:00',
          }),
        ]),
      ).toBe('signals[0].resolvedAt: must not be before occurredAt');
    });

    it('a duplicate source and externalId, naming both items', () => {
      expect(
        errorOf([
          signal({ externalId: 'a' }),
          signal({ externalId: 'b' }),
          signal({ externalId: 'a', kind: 'incident' }),
        ]),
      ).toBe(
        'signals[2].externalId: duplicates signals[0] (same source and externalId)',
      );
    });

    it('reports the first bad item when several are bad', () => {
      expect(
        errorOf([
          signal({ externalId: 'a' }),
          signal({ externalId: 'b', occurredAt: 'never' }),
          signal({ externalId: 'c', kind: 'rumour' as any }),
        ]),
      ).toMatch(/^signals\[1\]\.occurredAt:/);
    });
  });

  describe('accepts', () => {
    it('the same externalId from different sources', () => {
      expect(
        validateSignals([
          signal({ source: 'zendesk' }),
          signal({ source: 'pagerduty' }),
        ]),
      ).toHaveLength(2);
    });

    it('resolvedAt equal to occurredAt', () => {
      const [normalized] = validateSignals([
        signal({
          occurredAt: '2026-01-10T12:00:00Z',
          resolvedAt: '2026-01-10T14:00:00+02:00',
        }),
      ]);
      expect(normalized.resolvedAt).toEqual(normalized.occurredAt);
    });
  });

  describe('normalisation', () => {
    it('fills absent optional fields with null and parses dates', () => {
      expect(validateSignals([signal()])).toEqual([
        {
          source: 'zendesk',
          externalId: 'case-1',
          kind: 'support_case',
          entityRef: 'component:default/checkout-api',
          occurredAt: new Date('2026-01-10T12:00:00.000Z'),
          resolvedAt: null,
          severity: null,
          account: null,
          value: null,
          fieldRole: null,
          handledBy: null,
          attributes: null,
        },
      ]);
    });

    it('keeps every given field', () => {
      const [normalized] = validateSignals([
        signal({
          occurredAt: '2026-01-10T12:00:00.123+01:00',
          resolvedAt: '2026-01-11T08:30:00.456Z',
          severity: 'high',
          account: 'acme',
          value: 0,
          fieldRole: 'tam',
          handledBy: 'user:default/jane',
          attributes: { plan: 'gold', seats: 12, trial: false },
        }),
      ]);
      expect(normalized).toEqual({
        source: 'zendesk',
        externalId: 'case-1',
        kind: 'support_case',
        entityRef: 'component:default/checkout-api',
        occurredAt: new Date('2026-01-10T11:00:00.123Z'),
        resolvedAt: new Date('2026-01-11T08:30:00.456Z'),
        severity: 'high',
        account: 'acme',
        value: 0,
        fieldRole: 'tam',
        handledBy: 'user:default/jane',
        attributes: '{"plan":"gold","seats":12,"trial":false}',
      });
    });

    it.each([
      ['Component:default/Checkout-API', 'component:default/checkout-api'],
      ['COMPONENT:Payments/Checkout-API', 'component:payments/checkout-api'],
      ['component:checkout-api', 'component:default/checkout-api'],
      ['API:Checkout-REST', 'api:default/checkout-rest'],
    ])('entityRef %p becomes %p', (entityRef, expected) => {
      expect(validateSignals([signal({ entityRef })])[0].entityRef).toBe(
        expected,
      );
    });

    it.each([
      ['Jane.Doe', 'user:default/jane.doe'],
      ['Support/Jane', 'user:support/jane'],
      ['user:Jane', 'user:default/jane'],
      ['Group:default/TAMs', 'group:default/tams'],
    ])('handledBy %p becomes %p', (handledBy, expected) => {
      expect(validateSignals([signal({ handledBy })])[0].handledBy).toBe(
        expected,
      );
    });

    it('serialises attributes with sorted keys, whatever their order', () => {
      const [a, b] = validateSignals([
        signal({
          externalId: 'a',
          attributes: { region: 'eu', plan: 'gold', apiVersion: 2 },
        }),
        signal({
          externalId: 'b',
          attributes: { apiVersion: 2, region: 'eu', plan: 'gold' },
        }),
      ]);
      expect(a.attributes).toBe('{"apiVersion":2,"plan":"gold","region":"eu"}');
      expect(b.attributes).toBe(a.attributes);
    });

    it('stores empty attributes as null', () => {
      expect(validateSignals([signal({ attributes: {} })])[0].attributes).toBe(
        null,
      );
    });
  });
  describe('refuses what would count as real but is absurd', () => {
    const NOW = '2026-06-01T00:00:00.000Z';

    it.each(['occurredAt', 'resolvedAt'] as const)(
      'a %s more than 15 minutes in the future',
      field => {
        expect(
          errorOf([
            signal({
              occurredAt: '2026-05-31T23:00:00Z',
              [field]: '2099-01-01T00:00:00Z',
            }),
          ]),
        ).toBe(
          `signals[0].${field}: 2099-01-01T00:00:00.000Z is in the future (at most 15 minutes ahead of the server's clock are accepted)`,
        );
      },
    );

    it('accepts a little clock skew of the sender', () => {
      const ahead = new Date(Date.parse(NOW) + 10 * 60_000).toISOString();
      expect(validateSignals([signal({ occurredAt: ahead })])).toHaveLength(1);
    });

    it.each(['0000-01-01T00:00:00Z', '1999-12-31T00:00:00Z'])(
      'an occurredAt of %p, older than 10 years',
      occurredAt => {
        expect(errorOf([signal({ occurredAt })])).toMatch(
          /^signals\[0\]\.occurredAt: .* is older than 3650 days$/,
        );
      },
    );

    it('takes other bounds when given', () => {
      expect(() =>
        validateSignals([signal({ occurredAt: '2026-05-01T00:00:00Z' })], {
          now: new Date(NOW),
          bounds: { maxFutureSkewMs: 0, maxAgeMs: 7 * 24 * 3600_000 },
        }),
      ).toThrow(
        'signals[0].occurredAt: 2026-05-01T00:00:00.000Z is older than 7 days',
      );
    });

    it.each([
      ['csat_response', 0, 'from 1 to 5'],
      ['csat_response', 6, 'from 1 to 5'],
      ['nps_response', 11, 'from 0 to 10'],
      ['sli_report', 1.5, 'from 0 to 1'],
      ['support_case', -1, 'from 0 to 1000000000'],
      ['customer_activity', 1.7e308, 'from 0 to 1000000000'],
      ['customer_activity', -1e308, 'from 0 to 1000000000'],
    ] as const)('a %s value of %p', (kind, value, range) => {
      expect(errorOf([signal({ kind, value })])).toBe(
        `signals[0].value: must be a number ${range} for ${kind}`,
      );
    });

    it('accepts values at the ends of their scale', () => {
      expect(
        validateSignals([
          signal({ externalId: 'a', kind: 'csat_response', value: 1 }),
          signal({ externalId: 'b', kind: 'csat_response', value: 5 }),
          signal({ externalId: 'c', kind: 'nps_response', value: 0 }),
          signal({ externalId: 'd', kind: 'sli_report', value: 1 }),
        ]),
      ).toHaveLength(4);
    });

    it('an attribute value of 9.5 MB', () => {
      expect(
        errorOf([signal({ attributes: { dump: 'x'.repeat(9_500_000) } })]),
      ).toBe(
        'signals[0].attributes.dump: must NOT have more than 1024 characters',
      );
    });

    it('attributes larger than 8 KB together', () => {
      const attributes = Object.fromEntries(
        Array.from({ length: 10 }, (_, i) => [`a${i}`, 'x'.repeat(1000)]),
      );
      expect(errorOf([signal({ attributes })])).toMatch(
        /^signals\[0\]\.attributes: must NOT have more than 8192 characters as JSON \(has \d+\)$/,
      );
    });

    it('an attribute name longer than 64 characters', () => {
      expect(errorOf([signal({ attributes: { ['k'.repeat(65)]: 1 } })])).toBe(
        `signals[0].attributes.${'k'.repeat(
          64,
        )}: attribute names have at most 64 characters`,
      );
    });
  });

  describe('refuses what PostgreSQL cannot store', () => {
    it.each([
      'source',
      'externalId',
      'entityRef',
      'account',
      'fieldRole',
      'handledBy',
    ] as const)('a NUL character in %s', field => {
      const value =
        field === 'entityRef' || field === 'handledBy'
          ? 'user:default/ja\u0000ne'
          : 'a\u0000b';
      expect(errorOf([signal({ [field]: value })])).toBe(
        `signals[0].${field}: must not contain NUL characters (\\u0000)`,
      );
    });

    it('a NUL character in an attribute name or value', () => {
      expect(errorOf([signal({ attributes: { plan: 'go\u0000ld' } })])).toBe(
        'signals[0].attributes.plan: must not contain NUL characters (\\u0000)',
      );
      expect(errorOf([signal({ attributes: { 'p\u0000': 'gold' } })])).toBe(
        'signals[0].attributes.p\\u0000: must not contain NUL characters (\\u0000)',
      );
    });
  });

  describe('refuses refs no catalog entity can have', () => {
    it.each([
      ['component:default/../../../etc/passwd', 'invalid name'],
      ['component:de fault/checkout-api', 'invalid namespace'],
      ['compo nent:default/checkout-api', 'invalid kind'],
    ])('entityRef %p', (entityRef, why) => {
      expect(errorOf([signal({ entityRef })])).toBe(
        `signals[0].entityRef: '${entityRef}' is not an entity ref (${why})`,
      );
    });

    it.each(['user:default/jane', 'group:default/support'])(
      'an entityRef %p naming a person or team',
      entityRef => {
        expect(errorOf([signal({ entityRef })])).toMatch(
          /^signals\[0\]\.entityRef: '.*' is of kind (user|group), which entityRef cannot name$/,
        );
      },
    );

    it('a handledBy naming a service', () => {
      expect(
        errorOf([signal({ handledBy: 'component:default/checkout-api' })]),
      ).toBe(
        "signals[0].handledBy: 'component:default/checkout-api' is of kind component, which handledBy cannot name",
      );
    });
  });
});
