import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  OpenSloValidationError,
  describeOpenSloIssues,
  formatOpenSloIssue,
  parseOpenSlo,
  validateOpenSlo,
} from './openslo';

const csatYaml = `
apiVersion: openslo/v1
kind: SLO
metadata:
  name: csat-satisfied
  displayName: Satisfied customers
  annotations:
    user-trust.io/weight: "2"
    example.com/owner: team-a
  labels:
    tier: ["1"]
spec:
  description: Share of CSAT answers of 4 or 5
  service: checkout-api
  indicator:
    metadata:
      name: csat-good-ratio
    spec:
      ratioMetric:
        counter: false
        good:
          metricSource:
            type: UserTrust
            spec:
              kind: csat_response
              valueAtLeast: 4
        total:
          metricSource:
            type: UserTrust
            spec:
              kind: csat_response
  timeWindow:
    - duration: 28d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - displayName: 95% satisfied
      target: 0.95
`;

/** A valid SLO document as an object, to be broken by the invalid cases. */
function baseSlo(): any {
  return {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name: 'escalation-free' },
    spec: {
      service: 'support',
      indicator: {
        metadata: { name: 'cases-not-escalated' },
        spec: {
          ratioMetric: {
            bad: {
              metricSource: {
                type: 'UserTrust',
                spec: { kind: 'support_case', attributes: { escalated: true } },
              },
            },
            total: {
              metricSource: {
                type: 'UserTrust',
                spec: { kind: 'support_case' },
              },
            },
          },
        },
      },
      timeWindow: [{ duration: '28d', isRolling: true }],
      budgetingMethod: 'Occurrences',
      objectives: [{ target: 0.9 }],
    },
  };
}

function rateSlo(): any {
  return {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name: 'support-load' },
    spec: {
      service: 'support',
      indicator: {
        metadata: { name: 'cases-per-1000-customers' },
        spec: {
          thresholdMetric: {
            metricSource: {
              type: 'UserTrust',
              spec: {
                rate: {
                  events: {
                    kind: 'support_case',
                    severity: ['critical', 'high'],
                  },
                  exposure: { kind: 'customer_activity' },
                  per: 1000,
                },
              },
            },
          },
        },
      },
      timeWindow: [{ duration: '4w', isRolling: true }],
      budgetingMethod: 'Timeslices',
      objectives: [
        {
          op: 'lte',
          value: 5,
          target: 0.75,
          timeSliceTarget: 1,
          timeSliceWindow: '1w',
        },
      ],
    },
  };
}

const indicatorPath = 'documents[0].spec.indicator.spec';
const ratioPath = `${indicatorPath}.ratioMetric`;
const ratePath = `${indicatorPath}.thresholdMetric.metricSource.spec.rate`;

function errorsOf(doc: unknown) {
  return validateOpenSlo(JSON.stringify(doc)).errors;
}

/** The three lists of a validation, for exact comparisons. */
function problemsOf(doc: unknown) {
  const { errors, unsupported, warnings } = validateOpenSlo(
    typeof doc === 'string' ? doc : JSON.stringify(doc),
  );
  return { errors, unsupported, warnings };
}

describe('parseOpenSlo: valid documents', () => {
  it('reads a ratio with good events, metadata and weight', () => {
    expect(parseOpenSlo(csatYaml)).toEqual([
      {
        name: 'csat-satisfied',
        displayName: 'Satisfied customers',
        description: 'Share of CSAT answers of 4 or 5',
        indicator: {
          type: 'ratio',
          good: { kind: 'csat_response', valueAtLeast: 4 },
          total: { kind: 'csat_response' },
        },
        timeWindow: { type: 'rolling', duration: '28d', days: 28 },
        budgetingMethod: 'Occurrences',
        objective: { displayName: '95% satisfied', target: 0.95 },
        weight: 2,
      },
    ]);
  });

  it('reads a ratio with bad events, default weight 1', () => {
    expect(parseOpenSlo(JSON.stringify(baseSlo()))).toEqual([
      {
        name: 'escalation-free',
        indicator: {
          type: 'ratio',
          bad: { kind: 'support_case', attributes: { escalated: true } },
          total: { kind: 'support_case' },
        },
        timeWindow: { type: 'rolling', duration: '28d', days: 28 },
        budgetingMethod: 'Occurrences',
        objective: { target: 0.9 },
        weight: 1,
      },
    ]);
  });

  it('reads a rate per 1,000 customers with weekly time slices', () => {
    expect(parseOpenSlo(JSON.stringify(rateSlo()))).toEqual([
      expect.objectContaining({
        indicator: {
          type: 'rate',
          events: { kind: 'support_case', severity: ['critical', 'high'] },
          exposure: { kind: 'customer_activity' },
          per: 1000,
        },
        timeWindow: { type: 'rolling', duration: '4w', days: 28 },
        budgetingMethod: 'Timeslices',
        objective: {
          op: 'lte',
          value: 5,
          target: 0.75,
          timeSliceTarget: 1,
          timeSliceDays: 7,
        },
      }),
    ]);
  });

  it('reads a zero-SLO (count lte 0) with 1-day slices', () => {
    const [slo] = parseOpenSlo(`
apiVersion: openslo/v1
kind: SLO
metadata: { name: no-incidents-on-launch-days }
spec:
  service: launches
  indicator:
    metadata: { name: launch-incidents }
    spec:
      thresholdMetric:
        metricSource:
          type: UserTrust
          spec:
            count:
              kind: [incident]
              attributes: { duringKnownEvent: true }
  timeWindow: [{ duration: 90d, isRolling: true }]
  budgetingMethod: Timeslices
  objectives: [{ op: lte, value: 0, target: 0.99, timeSliceTarget: 1, timeSliceWindow: 1d }]
`);
    expect(slo.indicator).toEqual({
      type: 'count',
      events: { kind: ['incident'], attributes: { duringKnownEvent: true } },
    });
    expect(slo.objective).toEqual({
      op: 'lte',
      value: 0,
      target: 0.99,
      timeSliceTarget: 1,
      timeSliceDays: 1,
    });
  });

  it('resolves indicatorRef to an SLI of the same YAML, in any order', () => {
    const slos = parseOpenSlo(`
apiVersion: openslo/v1
kind: SLO
metadata: { name: resolved-fast }
spec:
  service: support
  indicatorRef: resolved-within-a-day
  timeWindow: [{ duration: 4w, isRolling: true }]
  budgetingMethod: Timeslices
  objectives: [{ target: 0.9, timeSliceTarget: 0.8, timeSliceWindow: 1d }]
---
apiVersion: openslo/v1
kind: SLI
metadata: { name: resolved-within-a-day }
spec:
  description: Cases resolved without escalation
  ratioMetric:
    good: { metricSource: { type: UserTrust, spec: { kind: support_case, attributes: { escalated: false } } } }
    total: { metricSource: { type: UserTrust, spec: { kind: support_case } } }
---
`);
    expect(slos).toEqual([
      expect.objectContaining({
        name: 'resolved-fast',
        indicator: {
          type: 'ratio',
          good: { kind: 'support_case', attributes: { escalated: false } },
          total: { kind: 'support_case' },
        },
        objective: { target: 0.9, timeSliceTarget: 0.8, timeSliceDays: 1 },
      }),
    ]);
  });

  it('reads JSON: one object or an array of documents', () => {
    const second = baseSlo();
    second.metadata.name = 'second';
    expect(parseOpenSlo(JSON.stringify(baseSlo()))).toHaveLength(1);
    expect(
      parseOpenSlo(JSON.stringify([baseSlo(), second])).map(s => s.name),
    ).toEqual(['escalation-free', 'second']);
  });

  it('reads a calendar month in UTC, isRolling implied by calendar', () => {
    const doc = baseSlo();
    doc.spec.timeWindow = [
      {
        duration: '1M',
        calendar: { startTime: '2024-01-01 00:00:00', timeZone: 'UTC' },
      },
    ];
    expect(parseOpenSlo(JSON.stringify(doc))[0].timeWindow).toEqual({
      type: 'calendar',
      duration: '1M',
      startTime: '2024-01-01T00:00:00.000Z',
      timeZone: 'UTC',
    });
    doc.spec.timeWindow[0].isRolling = false;
    doc.spec.timeWindow[0].calendar.timeZone = 'Etc/UTC';
    doc.spec.timeWindow[0].calendar.startTime = '2024-03-15T08:30:00Z';
    expect(parseOpenSlo(JSON.stringify(doc))[0].timeWindow).toMatchObject({
      startTime: '2024-03-15T08:30:00.000Z',
      timeZone: 'Etc/UTC',
    });
  });

  it('converts targetPercent without binary noise', () => {
    const doc = baseSlo();
    doc.spec.objectives = [{ targetPercent: 99.9 }];
    expect(parseOpenSlo(JSON.stringify(doc))[0].objective.target).toBe(0.999);
  });

  it('reads weekly calendar windows and weeks as rolling windows', () => {
    const doc = baseSlo();
    doc.spec.timeWindow = [
      {
        duration: '1w',
        isRolling: false,
        calendar: { startTime: '2024-01-01', timeZone: 'UTC' },
      },
    ];
    expect(parseOpenSlo(JSON.stringify(doc))[0].timeWindow).toMatchObject({
      duration: '1w',
      startTime: '2024-01-01T00:00:00.000Z',
    });
  });
});

type Case = [string, (doc: any) => void, string, string];

const calendar =
  (duration: string, timeZone = 'UTC') =>
  (d: any) => {
    d.spec.timeWindow = [
      {
        duration,
        isRolling: false,
        calendar: { startTime: '2024-01-01 00:00:00', timeZone },
      },
    ];
  };
const timeslices =
  (objective: Record<string, unknown> = {}) =>
  (d: any) => {
    d.spec.budgetingMethod = 'Timeslices';
    Object.assign(
      d.spec.objectives[0],
      { timeSliceTarget: 0.9, timeSliceWindow: '1d' },
      objective,
    );
    for (const [key, value] of Object.entries(objective)) {
      if (value === undefined) delete d.spec.objectives[0][key];
    }
  };
const totalSource = (d: any) =>
  d.spec.indicator.spec.ratioMetric.total.metricSource;

describe('validateOpenSlo: rules of the OpenSLO v1 spec (errors)', () => {
  const cases: Case[] = [
    [
      'apiVersion missing',
      d => {
        delete d.apiVersion;
      },
      'documents[0].apiVersion',
      'is required (openslo/v1)',
    ],
    [
      'apiVersion of another format',
      d => {
        d.apiVersion = 'v1';
      },
      'documents[0].apiVersion',
      'must be openslo/v1',
    ],
    [
      'unknown kind',
      d => {
        d.kind = 'Slo';
      },
      'documents[0].kind',
      'must be one of DataSource, SLO, SLI, AlertPolicy, AlertCondition, AlertNotificationTarget, Service',
    ],
    [
      'unknown top-level key',
      d => {
        d.status = {};
      },
      'documents[0].status',
      'is not a field of an OpenSLO v1 document (apiVersion, kind, metadata, spec)',
    ],
    [
      'missing name',
      d => {
        delete d.metadata.name;
      },
      'documents[0].metadata.name',
      'is required',
    ],
    [
      'name not a DNS label',
      d => {
        d.metadata.name = 'Checkout_API';
      },
      'documents[0].metadata.name',
      'must be a DNS label: lowercase letters, digits and "-", starting and ending with a letter or digit',
    ],
    [
      'name too long',
      d => {
        d.metadata.name = 'a'.repeat(64);
      },
      'documents[0].metadata.name',
      'must be at most 63 characters',
    ],
    [
      'label value a number',
      d => {
        d.metadata.labels = { tier: 1 };
      },
      'documents[0].metadata.labels.tier',
      'must be a string or a list of strings',
    ],
    [
      'label key starting with "-"',
      d => {
        d.metadata.labels = { '-tier': '1' };
      },
      'documents[0].metadata.labels["-tier"]',
      'key must be at most 63 characters: letters, digits, "-", "_" and ".", starting and ending with a letter or digit',
    ],
    [
      'annotation not a string',
      d => {
        d.metadata.annotations = { 'example.com/owner': 1 };
      },
      'documents[0].metadata.annotations["example.com/owner"]',
      'must be a string',
    ],
    [
      'annotation prefix not a DNS subdomain',
      d => {
        d.metadata.annotations = { 'Example_Com/owner': 'a' };
      },
      'documents[0].metadata.annotations["Example_Com/owner"]',
      "key's prefix must be a DNS subdomain (DNS labels separated by dots, at most 253 characters)",
    ],
    [
      'unknown metadata key',
      d => {
        d.metadata.namespace = 'default';
      },
      'documents[0].metadata.namespace',
      'is not a field of metadata in OpenSLO v1',
    ],
    [
      'service missing',
      d => {
        delete d.spec.service;
      },
      'documents[0].spec.service',
      'is required: the name of the service this SLO belongs to',
    ],
    [
      'description too long',
      d => {
        d.spec.description = 'x'.repeat(1051);
      },
      'documents[0].spec.description',
      'must be at most 1050 characters',
    ],
    [
      'unknown spec key',
      d => {
        d.spec.timeWindows = [];
      },
      'documents[0].spec.timeWindows',
      "is not a field of an SLO's spec in OpenSLO v1",
    ],
    [
      'two time windows',
      d => {
        d.spec.timeWindow.push({ duration: '7d', isRolling: true });
      },
      'documents[0].spec.timeWindow',
      'must be a list with exactly one time window',
    ],
    [
      'bad duration',
      d => {
        d.spec.timeWindow[0].duration = '28 days';
      },
      'documents[0].spec.timeWindow[0].duration',
      'must be a duration shorthand like 28d, 4w or 1M: a positive whole number and one of m, h, d, w, M, Q, Y',
    ],
    [
      'duration of 0',
      d => {
        d.spec.timeWindow[0].duration = '0d';
      },
      'documents[0].spec.timeWindow[0].duration',
      'must be a duration shorthand like 28d, 4w or 1M: a positive whole number and one of m, h, d, w, M, Q, Y',
    ],
    [
      'isRolling missing without calendar',
      d => {
        delete d.spec.timeWindow[0].isRolling;
      },
      'documents[0].spec.timeWindow[0].isRolling',
      'is required without calendar: true for a rolling window (or give calendar for a calendar-aligned one)',
    ],
    [
      'isRolling not a boolean',
      d => {
        d.spec.timeWindow[0].isRolling = 'yes';
      },
      'documents[0].spec.timeWindow[0].isRolling',
      'must be true or false',
    ],
    [
      'calendar on a rolling window',
      d => {
        d.spec.timeWindow[0].calendar = {
          startTime: '2024-01-01',
          timeZone: 'UTC',
        };
      },
      'documents[0].spec.timeWindow[0].calendar',
      'is only for calendar-aligned windows (isRolling: false)',
    ],
    [
      'calendar missing',
      d => {
        d.spec.timeWindow = [{ duration: '1M', isRolling: false }];
      },
      'documents[0].spec.timeWindow[0].calendar',
      'is required for a calendar-aligned window (isRolling: false): an object with startTime and timeZone',
    ],
    [
      'calendar startTime missing',
      d => {
        d.spec.timeWindow = [
          { duration: '1M', isRolling: false, calendar: { timeZone: 'UTC' } },
        ];
      },
      'documents[0].spec.timeWindow[0].calendar.startTime',
      'is required',
    ],
    [
      'calendar startTime invalid',
      d => {
        calendar('1M')(d);
        d.spec.timeWindow[0].calendar.startTime = '2024-02-30 00:00:00';
      },
      'documents[0].spec.timeWindow[0].calendar.startTime',
      'must be a date with time in 24h format, e.g. 2024-01-01 00:00:00',
    ],
    [
      'calendar timeZone missing',
      d => {
        calendar('1M')(d);
        delete d.spec.timeWindow[0].calendar.timeZone;
      },
      'documents[0].spec.timeWindow[0].calendar.timeZone',
      'is required (a name of the IANA time zone database, e.g. UTC)',
    ],
    [
      'calendar timeZone not in the IANA database',
      calendar('1M', 'Mars/Olympus_Mons'),
      'documents[0].spec.timeWindow[0].calendar.timeZone',
      'must be a name of the IANA time zone database, e.g. UTC or America/New_York',
    ],
    [
      'budgeting method missing',
      d => {
        delete d.spec.budgetingMethod;
      },
      'documents[0].spec.budgetingMethod',
      'is required (Occurrences, Timeslices or RatioTimeslices)',
    ],
    [
      'unknown budgeting method',
      d => {
        d.spec.budgetingMethod = 'occurrences';
      },
      'documents[0].spec.budgetingMethod',
      'must be Occurrences, Timeslices or RatioTimeslices',
    ],
    [
      'objectives missing',
      d => {
        delete d.spec.objectives;
      },
      'documents[0].spec.objectives',
      'is required (a list of objectives)',
    ],
    [
      'no objective',
      d => {
        d.spec.objectives = [];
      },
      'documents[0].spec.objectives',
      'must be a list of at least one objective',
    ],
    [
      'target of 1',
      d => {
        d.spec.objectives[0].target = 1;
      },
      'documents[0].spec.objectives[0].target',
      'must be in [0, 1)',
    ],
    [
      'target as a string',
      d => {
        d.spec.objectives[0].target = '0.9';
      },
      'documents[0].spec.objectives[0].target',
      'must be in [0, 1)',
    ],
    [
      'targetPercent of 100',
      d => {
        d.spec.objectives = [{ targetPercent: 100 }];
      },
      'documents[0].spec.objectives[0].targetPercent',
      'must be in [0, 100)',
    ],
    [
      'target and targetPercent',
      d => {
        d.spec.objectives[0].targetPercent = 90;
      },
      'documents[0].spec.objectives[0].targetPercent',
      'cannot be used together with target',
    ],
    [
      'no target',
      d => {
        d.spec.objectives = [{ displayName: 'x' }];
      },
      'documents[0].spec.objectives[0].target',
      'is required (or targetPercent)',
    ],
    [
      'unknown op',
      d => {
        d.spec.objectives[0].op = 'eq';
      },
      'documents[0].spec.objectives[0].op',
      'must be one of lte, gte, lt, gt',
    ],
    [
      'compositeWeight of 0',
      d => {
        d.spec.objectives[0].compositeWeight = 0;
      },
      'documents[0].spec.objectives[0].compositeWeight',
      'must be a number greater than 0',
    ],
    [
      'unknown objective key',
      d => {
        d.spec.objectives[0].threshold = 0.9;
      },
      'documents[0].spec.objectives[0].threshold',
      'is not a field of an objective in OpenSLO v1',
    ],
    [
      'Timeslices without timeSliceTarget',
      timeslices({ timeSliceTarget: undefined }),
      'documents[0].spec.objectives[0].timeSliceTarget',
      'is required with budgetingMethod Timeslices: the share of a slice that must be good, in (0, 1]',
    ],
    [
      'Timeslices without timeSliceWindow',
      timeslices({ timeSliceWindow: undefined }),
      'documents[0].spec.objectives[0].timeSliceWindow',
      'is required with budgetingMethod Timeslices (e.g. 1d)',
    ],
    [
      'timeSliceTarget of 0',
      timeslices({ timeSliceTarget: 0 }),
      'documents[0].spec.objectives[0].timeSliceTarget',
      'must be in (0, 1]',
    ],
    [
      'timeSliceWindow not a duration',
      timeslices({ timeSliceWindow: 'daily' }),
      'documents[0].spec.objectives[0].timeSliceWindow',
      'must be a duration shorthand like 1d or 5m, or a whole number of minutes',
    ],
    [
      'indicator and indicatorRef',
      d => {
        d.spec.indicatorRef = 'other';
      },
      'documents[0].spec.indicatorRef',
      'cannot be used together with indicator',
    ],
    [
      'no indicator',
      d => {
        delete d.spec.indicator;
      },
      'documents[0].spec.indicator',
      'is required (or indicatorRef naming an SLI)',
    ],
    [
      'inline indicator without metadata name',
      d => {
        d.spec.indicator.metadata = {};
      },
      'documents[0].spec.indicator.metadata.name',
      'is required',
    ],
    [
      'good and bad',
      d => {
        d.spec.indicator.spec.ratioMetric.good =
          d.spec.indicator.spec.ratioMetric.total;
      },
      `${ratioPath}.bad`,
      'cannot be used together with good',
    ],
    [
      'neither good nor bad',
      d => {
        delete d.spec.indicator.spec.ratioMetric.bad;
      },
      `${ratioPath}.good`,
      'is required (or bad, or raw)',
    ],
    [
      'no total',
      d => {
        delete d.spec.indicator.spec.ratioMetric.total;
      },
      `${ratioPath}.total`,
      'is required',
    ],
    [
      'raw without rawType',
      d => {
        d.spec.indicator.spec.ratioMetric = {
          raw: { metricSource: { type: 'UserTrust', spec: {} } },
        };
      },
      `${ratioPath}.rawType`,
      'is required with raw (success or failure)',
    ],
    [
      'rawType without raw',
      d => {
        d.spec.indicator.spec.ratioMetric.rawType = 'success';
      },
      `${ratioPath}.rawType`,
      'is only used with raw',
    ],
    [
      'counter not a boolean',
      d => {
        d.spec.indicator.spec.ratioMetric.counter = 'yes';
      },
      `${ratioPath}.counter`,
      'must be true or false',
    ],
    [
      'ratio and threshold metric',
      d => {
        d.spec.indicator.spec.thresholdMetric = {};
      },
      `${indicatorPath}.ratioMetric`,
      'cannot be used together with thresholdMetric',
    ],
    [
      'metric source without type or metricSourceRef',
      d => {
        delete totalSource(d).type;
      },
      `${ratioPath}.total.metricSource.type`,
      'is required when metricSourceRef is not given',
    ],
    [
      'metric source without spec',
      d => {
        delete totalSource(d).spec;
      },
      `${ratioPath}.total.metricSource.spec`,
      'is required',
    ],
    [
      'unknown signal kind',
      d => {
        totalSource(d).spec.kind = 'ticket';
      },
      `${ratioPath}.total.metricSource.spec.kind`,
      'unknown signal kind "ticket"',
    ],
    [
      'unknown signal kind in a list',
      d => {
        totalSource(d).spec.kind = ['support_case', 'ticket'];
      },
      `${ratioPath}.total.metricSource.spec.kind[1]`,
      'unknown signal kind "ticket"',
    ],
    [
      'empty kind list',
      d => {
        totalSource(d).spec.kind = [];
      },
      `${ratioPath}.total.metricSource.spec.kind`,
      'must not be empty',
    ],
    [
      'kind missing',
      d => {
        totalSource(d).spec = { severity: ['high'] };
      },
      `${ratioPath}.total.metricSource.spec.kind`,
      'is required',
    ],
    [
      'unknown severity',
      d => {
        totalSource(d).spec.severity = ['P1'];
      },
      `${ratioPath}.total.metricSource.spec.severity[0]`,
      'unknown severity "P1": use critical, high, medium, low',
    ],
    [
      'severity not a list',
      d => {
        totalSource(d).spec.severity = 'high';
      },
      `${ratioPath}.total.metricSource.spec.severity`,
      'must be a non-empty list of severities (critical, high, medium, low)',
    ],
    [
      'valueAtLeast not a number',
      d => {
        totalSource(d).spec.valueAtLeast = '4';
      },
      `${ratioPath}.total.metricSource.spec.valueAtLeast`,
      'must be a number',
    ],
    [
      'empty value range',
      d => {
        Object.assign(totalSource(d).spec, { valueAtLeast: 5, valueAtMost: 4 });
      },
      `${ratioPath}.total.metricSource.spec.valueAtLeast`,
      'must not be greater than valueAtMost',
    ],
    [
      'account not a list',
      d => {
        totalSource(d).spec.account = 'acme';
      },
      `${ratioPath}.total.metricSource.spec.account`,
      'must be a non-empty list of account names',
    ],
    [
      'nested attribute',
      d => {
        d.spec.indicator.spec.ratioMetric.bad.metricSource.spec.attributes = {
          plan: { tier: 1 },
        };
      },
      `${ratioPath}.bad.metricSource.spec.attributes.plan`,
      'must be a string, number or boolean',
    ],
    [
      'unknown query key',
      d => {
        totalSource(d).spec.entityRef = 'component:default/x';
      },
      `${ratioPath}.total.metricSource.spec.entityRef`,
      'is not a field of a UserTrust signal query (kind, severity, valueAtLeast, valueAtMost, account, attributes)',
    ],
    [
      'alertPolicies not a list',
      d => {
        d.spec.alertPolicies = { alertPolicyRef: 'x' };
      },
      'documents[0].spec.alertPolicies',
      'must be a list of alert policies',
    ],
    [
      'alert policy reference not a name',
      d => {
        d.spec.alertPolicies = [{ alertPolicyRef: 3 }];
      },
      'documents[0].spec.alertPolicies[0].alertPolicyRef',
      'must be the name of a AlertPolicy',
    ],
  ];

  it.each(cases)('rejects %s', (_name, mutate, path, message) => {
    const doc = baseSlo();
    mutate(doc);
    const result = validateOpenSlo(JSON.stringify(doc));
    expect(result.errors).toEqual([{ path, message }]);
    expect(result.unsupported).toEqual([]);
    expect(result.slos).toEqual([]);
  });

  const rateCases: Case[] = [
    [
      'rate without per',
      d => {
        delete d.spec.indicator.spec.thresholdMetric.metricSource.spec.rate.per;
      },
      `${ratePath}.per`,
      'is required (e.g. 1000 for events per 1,000 exposure units)',
    ],
    [
      'rate with per 0',
      d => {
        d.spec.indicator.spec.thresholdMetric.metricSource.spec.rate.per = 0;
      },
      `${ratePath}.per`,
      'must be a positive number',
    ],
    [
      'rate and count',
      d => {
        d.spec.indicator.spec.thresholdMetric.metricSource.spec.count = {
          kind: 'incident',
        };
      },
      `${indicatorPath}.thresholdMetric.metricSource.spec`,
      'must contain rate or count, not both',
    ],
    [
      'threshold without op',
      d => {
        delete d.spec.objectives[0].op;
      },
      'documents[0].spec.objectives[0].op',
      'is required for a thresholdMetric (lte, gte, lt or gt)',
    ],
    [
      'threshold with a bad op',
      d => {
        d.spec.objectives[0].op = 'eq';
      },
      'documents[0].spec.objectives[0].op',
      'must be one of lte, gte, lt, gt',
    ],
    [
      'threshold without value',
      d => {
        delete d.spec.objectives[0].value;
      },
      'documents[0].spec.objectives[0].value',
      'is required for a thresholdMetric',
    ],
    [
      'threshold with two objectives',
      d => {
        d.spec.objectives.push({ ...d.spec.objectives[0], value: 10 });
      },
      'documents[0].spec.objectives',
      'must hold exactly one objective for a thresholdMetric',
    ],
    [
      'threshold under Timeslices without timeSliceTarget',
      d => {
        delete d.spec.objectives[0].timeSliceTarget;
      },
      'documents[0].spec.objectives[0].timeSliceTarget',
      'is required with budgetingMethod Timeslices: the share of a slice that must be good, in (0, 1]',
    ],
    [
      'threshold under Timeslices without timeSliceWindow',
      d => {
        delete d.spec.objectives[0].timeSliceWindow;
      },
      'documents[0].spec.objectives[0].timeSliceWindow',
      'is required with budgetingMethod Timeslices (e.g. 1d)',
    ],
  ];

  it.each(rateCases)('rejects %s', (_name, mutate, path, message) => {
    const doc = rateSlo();
    mutate(doc);
    expect(problemsOf(doc)).toEqual({
      errors: [{ path, message }],
      unsupported: [],
      warnings: [],
    });
  });
});

describe('validateOpenSlo: valid OpenSLO that User Trust does not support', () => {
  const cases: Case[] = [
    [
      'another OpenSLO version',
      d => {
        d.apiVersion = 'openslo/v2alpha';
      },
      'documents[0].apiVersion',
      'openslo/v2alpha is not supported by User Trust: write openslo/v1',
    ],
    [
      'no time window',
      d => {
        delete d.spec.timeWindow;
      },
      'documents[0].spec.timeWindow',
      'is optional in OpenSLO, but User Trust needs a time window yet: add timeWindow: [{ duration: 28d, isRolling: true }]',
    ],
    [
      'rolling in hours',
      d => {
        d.spec.timeWindow[0].duration = '12h';
      },
      'documents[0].spec.timeWindow[0].duration',
      'rolling windows shorter than a day are not supported by User Trust: signals are counted per day; use whole days, e.g. 1d or 28d',
    ],
    [
      'rolling in months',
      d => {
        d.spec.timeWindow[0].duration = '1M';
      },
      'documents[0].spec.timeWindow[0].duration',
      'rolling windows given in months, quarters or years are not supported by User Trust yet: write days or weeks (e.g. 28d or 4w, 90d), or a calendar window of 1M',
    ],
    [
      'rolling over a year',
      d => {
        d.spec.timeWindow[0].duration = '400d';
      },
      'documents[0].spec.timeWindow[0].duration',
      'rolling windows longer than 366 days are not supported by User Trust: use at most 366d, or a calendar window of 1Y',
    ],
    [
      'calendar of 2 months',
      calendar('2M'),
      'documents[0].spec.timeWindow[0].duration',
      'calendar windows of 2M are not supported by User Trust yet: use 1w, 1M, 1Q or 1Y',
    ],
    [
      'calendar of a day',
      calendar('1d'),
      'documents[0].spec.timeWindow[0].duration',
      'calendar windows of 1d are not supported by User Trust yet: use 1w, 1M, 1Q or 1Y',
    ],
    [
      'calendar in another time zone',
      calendar('1M', 'America/New_York'),
      'documents[0].spec.timeWindow[0].calendar.timeZone',
      'calendar windows in America/New_York are not supported by User Trust yet: signals are counted per UTC day; use timeZone: UTC',
    ],
    [
      'RatioTimeslices',
      d => {
        d.spec.budgetingMethod = 'RatioTimeslices';
        d.spec.objectives[0].timeSliceWindow = '1d';
      },
      'documents[0].spec.budgetingMethod',
      'RatioTimeslices is not supported by User Trust yet: use Timeslices (with timeSliceTarget and timeSliceWindow) or Occurrences',
    ],
    [
      'two objectives of a ratio',
      d => {
        d.spec.objectives.push({ target: 0.8 });
      },
      'documents[0].spec.objectives',
      'several objectives per SLO are not supported by User Trust yet: write one SLO per objective',
    ],
    [
      'a composite SLO (indicators per objective)',
      d => {
        delete d.spec.indicator;
        d.spec.objectives[0].indicatorRef = 'cases-not-escalated';
      },
      'documents[0].spec.objectives[0].indicatorRef',
      'composite SLOs (an indicator per objective) are not supported by User Trust: write one SLO per indicator, with spec.indicator or spec.indicatorRef',
    ],
    [
      'indicatorRef to an SLI elsewhere',
      d => {
        delete d.spec.indicator;
        d.spec.indicatorRef = 'missing-sli';
      },
      'documents[0].spec.indicatorRef',
      'names no SLI of these documents: User Trust reads indicatorRef only within the same documents; add the SLI "missing-sli" or write spec.indicator',
    ],
    [
      'a precomputed ratio (raw)',
      d => {
        d.spec.indicator.spec.ratioMetric = {
          rawType: 'success',
          raw: { metricSource: { type: 'UserTrust', spec: {} } },
        };
      },
      `${ratioPath}.raw`,
      'precomputed ratios are not supported by User Trust: write good (or bad) and total signal queries',
    ],
    [
      'a Prometheus metric source',
      d => {
        totalSource(d).type = 'Prometheus';
        totalSource(d).spec = { query: 'sum(http_requests_total)' };
      },
      `${ratioPath}.total.metricSource.type`,
      'metric source type Prometheus is not supported by User Trust: User Trust computes SLOs from signals: use type: UserTrust with a signal query as spec',
    ],
    [
      'metricSourceRef to a DataSource elsewhere, without type',
      d => {
        delete totalSource(d).type;
        totalSource(d).metricSourceRef = 'datadog';
      },
      `${ratioPath}.total.metricSource.metricSourceRef`,
      "names no DataSource of these documents, so User Trust cannot tell the metric source's type: add type: UserTrust",
    ],
    [
      'time slices in hours',
      timeslices({ timeSliceWindow: '1h' }),
      'documents[0].spec.objectives[0].timeSliceWindow',
      'User Trust counts signals per day, so time slices must be whole days or weeks: use e.g. 1d, 7d or 1w',
    ],
    [
      'time slices as minutes',
      timeslices({ timeSliceWindow: 60 }),
      'documents[0].spec.objectives[0].timeSliceWindow',
      'User Trust counts signals per day, so time slices must be whole days or weeks: use e.g. 1d, 7d or 1w',
    ],
    [
      'time slices in months',
      timeslices({ timeSliceWindow: '1M' }),
      'documents[0].spec.objectives[0].timeSliceWindow',
      'User Trust counts signals per day, so time slices must be whole days or weeks: use e.g. 1d, 7d or 1w',
    ],
    [
      'time slices longer than the window',
      d => {
        d.spec.timeWindow[0].duration = '5d';
        timeslices({ timeSliceWindow: '1w' })(d);
      },
      'documents[0].spec.objectives[0].timeSliceWindow',
      'a time slice longer than the time window (5d) cannot be judged by User Trust: use a shorter timeSliceWindow, e.g. 1d',
    ],
    [
      'an unknown user-trust annotation',
      d => {
        d.metadata.annotations = { 'user-trust.io/tier': '1' };
      },
      'documents[0].metadata.annotations["user-trust.io/tier"]',
      'is not a User Trust annotation: only user-trust.io/weight is read; remove it',
    ],
    [
      'a weight that is not positive',
      d => {
        d.metadata.annotations = { 'user-trust.io/weight': '0' };
      },
      'documents[0].metadata.annotations["user-trust.io/weight"]',
      'must be a positive number for User Trust (the weight in the trust score), e.g. "2"',
    ],
  ];

  it.each(cases)(
    'reports %s as unsupported, not invalid',
    (_name, mutate, path, message) => {
      const doc = baseSlo();
      mutate(doc);
      const result = validateOpenSlo(JSON.stringify(doc));
      expect(result.errors).toEqual([]);
      expect(result.unsupported).toEqual([{ path, message }]);
      expect(result.slos).toEqual([]);
    },
  );

  it('reports Occurrences of a thresholdMetric as unsupported', () => {
    const doc = rateSlo();
    doc.spec.budgetingMethod = 'Occurrences';
    expect(problemsOf(doc)).toEqual({
      errors: [],
      unsupported: [
        {
          path: 'documents[0].spec.budgetingMethod',
          message:
            'User Trust judges a thresholdMetric per time slice, not per event: use budgetingMethod Timeslices with timeSliceTarget and timeSliceWindow (e.g. 1d)',
        },
      ],
      warnings: [
        {
          path: 'documents[0].spec.objectives[0].timeSliceTarget',
          message:
            'is only used with budgetingMethod Timeslices or RatioTimeslices: ignored under Occurrences',
        },
        {
          path: 'documents[0].spec.objectives[0].timeSliceWindow',
          message:
            'is only used with budgetingMethod Timeslices or RatioTimeslices: ignored under Occurrences',
        },
      ],
    });
  });

  it('skips an unsupported SLO and keeps the others of the file', () => {
    const other = baseSlo();
    other.metadata.name = 'monthly-in-new-york';
    calendar('1M', 'America/New_York')(other);
    const result = validateOpenSlo(JSON.stringify([baseSlo(), other]));
    expect(result.errors).toEqual([]);
    expect(result.unsupported.map(u => u.path)).toEqual([
      'documents[1].spec.timeWindow[0].calendar.timeZone',
    ]);
    expect(result.slos.map(s => s.name)).toEqual(['escalation-free']);
  });

  it('reports an SLO whose SLI uses an unsupported metric source as unsupported', () => {
    const result = validateOpenSlo(`
apiVersion: openslo/v1
kind: SLI
metadata: { name: prometheus-errors }
spec:
  ratioMetric:
    good: { metricSource: { type: Prometheus, spec: { query: 'sum(ok)' } } }
    total: { metricSource: { type: Prometheus, spec: { query: 'sum(all)' } } }
---
apiVersion: openslo/v1
kind: SLO
metadata: { name: uses-prometheus }
spec:
  service: web
  indicatorRef: prometheus-errors
  timeWindow: [{ duration: 28d, isRolling: true }]
  budgetingMethod: Occurrences
  objectives: [{ target: 0.9 }]
`);
    expect(result.errors).toEqual([]);
    expect(result.unsupported.map(u => [u.path, u.message])).toEqual([
      [
        'documents[0].spec.ratioMetric.good.metricSource.type',
        expect.stringContaining('metric source type Prometheus'),
      ],
      [
        'documents[0].spec.ratioMetric.total.metricSource.type',
        expect.stringContaining('metric source type Prometheus'),
      ],
      [
        'documents[1].spec.indicatorRef',
        'SLI "prometheus-errors" is not supported by User Trust (see its messages)',
      ],
    ]);
  });
});

describe('validateOpenSlo: several documents', () => {
  it('reports several problems at once, per document, each in its list', () => {
    const broken = baseSlo();
    broken.metadata.name = 'broken';
    broken.spec.budgetingMethod = 'RatioTimeslices';
    broken.spec.objectives[0].target = 2;
    const result = validateOpenSlo(JSON.stringify([baseSlo(), broken]));
    expect(result.slos.map(s => s.name)).toEqual(['escalation-free']);
    expect(result.errors).toEqual([
      {
        path: 'documents[1].spec.objectives[0].target',
        message: 'must be in [0, 1)',
      },
      {
        path: 'documents[1].spec.objectives[0].timeSliceWindow',
        message: 'is required with budgetingMethod RatioTimeslices (e.g. 1d)',
      },
    ]);
    expect(result.unsupported).toEqual([
      {
        path: 'documents[1].spec.budgetingMethod',
        message:
          'RatioTimeslices is not supported by User Trust yet: use Timeslices (with timeSliceTarget and timeSliceWindow) or Occurrences',
      },
    ]);
  });

  it('rejects duplicate names of one kind', () => {
    expect(errorsOf([baseSlo(), baseSlo()])).toEqual([
      {
        path: 'documents[1].metadata.name',
        message: 'duplicate SLO name "escalation-free"',
      },
    ]);
  });

  it('reports an SLO whose referenced SLI is invalid', () => {
    const result = validateOpenSlo(`
apiVersion: openslo/v1
kind: SLI
metadata: { name: broken }
spec:
  ratioMetric:
    total: { metricSource: { type: UserTrust, spec: { kind: support_case } } }
---
apiVersion: openslo/v1
kind: SLO
metadata: { name: uses-broken }
spec:
  service: support
  indicatorRef: broken
  timeWindow: [{ duration: 28d, isRolling: true }]
  budgetingMethod: Occurrences
  objectives: [{ target: 0.9 }]
`);
    expect(result.errors).toEqual([
      {
        path: 'documents[0].spec.ratioMetric.good',
        message: 'is required (or bad, or raw)',
      },
      {
        path: 'documents[1].spec.indicatorRef',
        message: 'SLI "broken" is invalid (see its errors)',
      },
    ]);
  });

  it('reports YAML syntax errors and empty input without throwing', () => {
    expect(validateOpenSlo('a: [1\nb: {').errors[0]).toEqual({
      path: 'documents[0]',
      message: expect.stringMatching(/^invalid YAML: .*line 2, column 1/),
    });
    expect(validateOpenSlo('kind: SLO\nkind: SLI\n').errors[0].message).toMatch(
      /^invalid YAML: Map keys must be unique/,
    );
    expect(validateOpenSlo('').errors).toEqual([
      { path: 'documents', message: 'no OpenSLO document found' },
    ]);
    expect(validateOpenSlo('42').errors).toEqual([
      {
        path: 'documents[0]',
        message: 'must be an object (an OpenSLO document)',
      },
    ]);
    expect(validateOpenSlo(undefined as any).errors).toHaveLength(1);
  });
});

describe('validateOpenSlo: what the spec allows is read', () => {
  function readOne(doc: any) {
    const result = validateOpenSlo(JSON.stringify(doc));
    expect(result.errors).toEqual([]);
    expect(result.unsupported).toEqual([]);
    expect(result.slos).toHaveLength(1);
    return { slo: result.slos[0], warnings: result.warnings };
  }

  it('accepts timeSliceTarget on a thresholdMetric under Timeslices and keeps it', () => {
    const doc = rateSlo();
    doc.spec.objectives[0].timeSliceTarget = 0.5;
    expect(readOne(doc).slo.objective).toMatchObject({
      timeSliceTarget: 0.5,
      timeSliceDays: 7,
    });
  });

  it.each([
    ['1d', 1],
    ['24h', 1],
    ['1440m', 1],
    [1440, 1],
    ['2w', 14],
  ])('reads timeSliceWindow %p as %p days', (window, days) => {
    const doc = baseSlo();
    timeslices({ timeSliceWindow: window })(doc);
    expect(readOne(doc).slo.objective.timeSliceDays).toBe(days);
  });

  it('ignores op and value on a ratio objective, with warnings', () => {
    const doc = baseSlo();
    Object.assign(doc.spec.objectives[0], { op: 'gt', value: 1 });
    const { slo, warnings } = readOne(doc);
    expect(slo.objective).toEqual({ target: 0.9 });
    expect(warnings.map(w => w.path)).toEqual([
      'documents[0].spec.objectives[0].op',
      'documents[0].spec.objectives[0].value',
    ]);
  });

  it('ignores time slice fields under Occurrences and compositeWeight, with warnings only for the first', () => {
    const doc = baseSlo();
    Object.assign(doc.spec.objectives[0], {
      timeSliceTarget: 0.9,
      compositeWeight: 2,
    });
    const { slo, warnings } = readOne(doc);
    expect(slo.objective).toEqual({ target: 0.9 });
    expect(warnings).toEqual([
      {
        path: 'documents[0].spec.objectives[0].timeSliceTarget',
        message:
          'is only used with budgetingMethod Timeslices or RatioTimeslices: ignored under Occurrences',
      },
    ]);
  });

  it('reads labels and annotations as the spec defines them', () => {
    const doc = baseSlo();
    doc.metadata.labels = { team: ['identity', 'rbac'], 'cost.Centre_1': 'p1' };
    doc.metadata.annotations = {
      'openslo.com/key1': 'value1',
      'fooimplementation.com/key2': 'value2',
      plain: 'x',
      'user-trust.io/weight': 3,
    };
    expect(readOne(doc).slo.weight).toBe(3);
  });

  it('infers a metric source type UserTrust from the DataSource its metricSourceRef names', () => {
    const doc = baseSlo();
    delete totalSource(doc).type;
    totalSource(doc).metricSourceRef = 'signals';
    const dataSource = {
      apiVersion: 'openslo/v1',
      kind: 'DataSource',
      metadata: { name: 'signals' },
      spec: { type: 'UserTrust', connectionDetails: {} },
    };
    const result = validateOpenSlo(JSON.stringify([doc, dataSource]));
    expect(result.errors).toEqual([]);
    expect(result.unsupported).toEqual([]);
    expect(result.slos.map(s => s.name)).toEqual(['escalation-free']);

    dataSource.spec.type = 'Datadog';
    expect(
      validateOpenSlo(JSON.stringify([doc, dataSource])).unsupported,
    ).toEqual([
      {
        path: `${ratioPath}.total.metricSource.metricSourceRef`,
        message:
          'names a DataSource of type Datadog, which User Trust does not read: User Trust computes SLOs from signals: use type: UserTrust with a signal query as spec',
      },
    ]);
  });

  it('accepts a metricSourceRef next to type UserTrust', () => {
    const doc = baseSlo();
    totalSource(doc).metricSourceRef = 'defined-elsewhere';
    expect(readOne(doc).slo.indicator).toMatchObject({
      total: { kind: 'support_case' },
    });
  });

  it('keeps the alert policies of an SLO, by reference or inline', () => {
    const doc = baseSlo();
    doc.spec.alertPolicies = [
      { alertPolicyRef: 'fast-burn' },
      {
        kind: 'AlertPolicy',
        metadata: { name: 'slow-burn' },
        spec: {
          conditions: [
            {
              kind: 'AlertCondition',
              metadata: { name: 'slow' },
              spec: {
                severity: 'ticket',
                condition: {
                  op: 'gte',
                  threshold: 1,
                  lookbackWindow: '7d',
                },
              },
            },
          ],
          notificationTargets: [{ targetRef: 'support-mail' }],
        },
      },
    ];
    const result = validateOpenSlo(JSON.stringify(doc));
    expect(result.errors).toEqual([]);
    expect(result.slos).toHaveLength(1);
    expect(result.sloAlertPolicies).toEqual([
      {
        slo: 'escalation-free',
        alertPolicies: [
          { alertPolicyRef: 'fast-burn' },
          {
            name: 'slow-burn',
            conditions: [
              {
                name: 'slow',
                severity: 'ticket',
                condition: {
                  kind: 'burnrate',
                  op: 'gte',
                  threshold: 1,
                  lookbackWindow: '7d',
                },
              },
            ],
            notificationTargets: [{ targetRef: 'support-mail' }],
          },
        ],
      },
    ]);
    expect(result.warnings).toEqual([
      {
        path: 'documents[0].spec.alertPolicies',
        message:
          'are kept, but User Trust does not alert on it yet: burn rates are judged against the windows of userTrust.evaluation in app-config',
      },
    ]);
  });
});

/** Documents of the other kinds, valid, to be broken by the cases. */
const otherKinds: Record<string, () => any> = {
  Service: () => ({
    apiVersion: 'openslo/v1',
    kind: 'Service',
    metadata: { name: 'storefront', displayName: 'Storefront' },
    spec: { description: 'The web shop' },
  }),
  AlertCondition: () => ({
    apiVersion: 'openslo/v1',
    kind: 'AlertCondition',
    metadata: { name: 'fast-burn' },
    spec: {
      severity: 'page',
      condition: {
        kind: 'burnrate',
        op: 'gte',
        threshold: 3,
        lookbackWindow: '1h',
        alertAfter: '5m',
      },
    },
  }),
  AlertPolicy: () => ({
    apiVersion: 'openslo/v1',
    kind: 'AlertPolicy',
    metadata: { name: 'page-on-call' },
    spec: {
      alertWhenBreaching: true,
      conditions: [{ conditionRef: 'fast-burn' }],
      notificationTargets: [{ targetRef: 'on-call' }],
    },
  }),
  AlertNotificationTarget: () => ({
    apiVersion: 'openslo/v1',
    kind: 'AlertNotificationTarget',
    metadata: { name: 'on-call' },
    spec: { target: 'pagerduty' },
  }),
  DataSource: () => ({
    apiVersion: 'openslo/v1',
    kind: 'DataSource',
    metadata: { name: 'prometheus' },
    spec: {
      type: 'Prometheus',
      connectionDetails: { url: 'http://prometheus:9090' },
    },
  }),
};

describe('validateOpenSlo: the other kinds of OpenSLO v1', () => {
  it('keeps services, alert policies and conditions; warns about what it ignores', () => {
    const result = validateOpenSlo(
      JSON.stringify([
        baseSlo(),
        ...Object.values(otherKinds).map(make => make()),
      ]),
    );
    expect(result.errors).toEqual([]);
    expect(result.unsupported).toEqual([]);
    expect(result.slos.map(s => s.name)).toEqual(['escalation-free']);
    expect(result.services).toEqual([
      {
        name: 'storefront',
        displayName: 'Storefront',
        description: 'The web shop',
      },
    ]);
    expect(result.alertConditions).toEqual([
      {
        name: 'fast-burn',
        severity: 'page',
        condition: {
          kind: 'burnrate',
          op: 'gte',
          threshold: 3,
          lookbackWindow: '1h',
          alertAfter: '5m',
        },
      },
    ]);
    expect(result.alertPolicies).toEqual([
      {
        name: 'page-on-call',
        alertWhenBreaching: true,
        conditions: [{ conditionRef: 'fast-burn' }],
        notificationTargets: [{ targetRef: 'on-call' }],
      },
    ]);
    expect(result.warnings).toEqual([
      {
        path: 'documents[3]',
        message:
          'AlertPolicy is valid and kept, but User Trust does not alert on it yet: burn rates are judged against the windows of userTrust.evaluation in app-config',
      },
      {
        path: 'documents[4]',
        message:
          'AlertNotificationTarget is valid and ignored: User Trust sends no alert notifications',
      },
      {
        path: 'documents[5]',
        message:
          'DataSource is valid and ignored: User Trust reads signals, not metric back-ends (a metricSourceRef naming it only tells its type)',
      },
    ]);
  });

  it('reads a Service without spec', () => {
    const service = otherKinds.Service.call(null);
    delete service.spec;
    expect(validateOpenSlo(JSON.stringify(service)).services).toEqual([
      { name: 'storefront', displayName: 'Storefront' },
    ]);
  });

  const cases: Array<[string, string, (doc: any) => void, string, string]> = [
    [
      'Service',
      'with an unknown spec key',
      d => {
        d.spec.owner = 'team-a';
      },
      'documents[1].spec.owner',
      "is not a field of a Service's spec in OpenSLO v1",
    ],
    [
      'Service',
      'with a name that is no DNS label',
      d => {
        d.metadata.name = 'Storefront';
      },
      'documents[1].metadata.name',
      'must be a DNS label: lowercase letters, digits and "-", starting and ending with a letter or digit',
    ],
    [
      'AlertCondition',
      'without severity',
      d => {
        delete d.spec.severity;
      },
      'documents[1].spec.severity',
      'is required',
    ],
    [
      'AlertCondition',
      'without condition',
      d => {
        delete d.spec.condition;
      },
      'documents[1].spec.condition',
      'is required',
    ],
    [
      'AlertCondition',
      'of another kind than burnrate',
      d => {
        d.spec.condition.kind = 'threshold';
      },
      'documents[1].spec.condition.kind',
      'must be burnrate (the only kind of OpenSLO v1)',
    ],
    [
      'AlertCondition',
      'without op',
      d => {
        delete d.spec.condition.op;
      },
      'documents[1].spec.condition.op',
      'is required (lte, gte, lt or gt)',
    ],
    [
      'AlertCondition',
      'with a threshold that is no number',
      d => {
        d.spec.condition.threshold = '3';
      },
      'documents[1].spec.condition.threshold',
      'must be a number',
    ],
    [
      'AlertCondition',
      'without lookbackWindow',
      d => {
        delete d.spec.condition.lookbackWindow;
      },
      'documents[1].spec.condition.lookbackWindow',
      'is required (a duration shorthand, e.g. 5m or 1h)',
    ],
    [
      'AlertCondition',
      'with an alertAfter that is no duration',
      d => {
        d.spec.condition.alertAfter = '5 minutes';
      },
      'documents[1].spec.condition.alertAfter',
      'must be a duration shorthand like 5m or 1h: a positive whole number and one of m, h, d, w, M, Q, Y',
    ],
    [
      'AlertPolicy',
      'with two conditions',
      d => {
        d.spec.conditions.push({ conditionRef: 'slow-burn' });
      },
      'documents[1].spec.conditions',
      'must be a list of exactly one condition (OpenSLO v1 allows one)',
    ],
    [
      'AlertPolicy',
      'without conditions',
      d => {
        delete d.spec.conditions;
      },
      'documents[1].spec.conditions',
      'is required (a list of one condition)',
    ],
    [
      'AlertPolicy',
      'without notificationTargets',
      d => {
        delete d.spec.notificationTargets;
      },
      'documents[1].spec.notificationTargets',
      'is required (a list of notification targets)',
    ],
    [
      'AlertPolicy',
      'with alertWhenBreaching not a boolean',
      d => {
        d.spec.alertWhenBreaching = 'yes';
      },
      'documents[1].spec.alertWhenBreaching',
      'must be true or false',
    ],
    [
      'AlertPolicy',
      'with an invalid inline condition',
      d => {
        d.spec.conditions = [
          {
            kind: 'AlertCondition',
            metadata: { name: 'inline' },
            spec: {
              condition: { op: 'gte', threshold: 2, lookbackWindow: '1h' },
            },
          },
        ];
      },
      'documents[1].spec.conditions[0].spec.severity',
      'is required',
    ],
    [
      'AlertPolicy',
      'with an inline condition of another kind',
      d => {
        d.spec.conditions = [
          { ...otherKinds.AlertCondition.call(null), kind: 'SLO' },
        ];
        delete d.spec.conditions[0].apiVersion;
      },
      'documents[1].spec.conditions[0].kind',
      'must be AlertCondition',
    ],
    [
      'AlertPolicy',
      'with a targetRef that is no name',
      d => {
        d.spec.notificationTargets = [{ targetRef: '' }];
      },
      'documents[1].spec.notificationTargets[0].targetRef',
      'must be the name of a AlertNotificationTarget',
    ],
    [
      'AlertNotificationTarget',
      'without target',
      d => {
        delete d.spec.target;
      },
      'documents[1].spec.target',
      'is required',
    ],
    [
      'DataSource',
      'without type',
      d => {
        delete d.spec.type;
      },
      'documents[1].spec.type',
      'is required',
    ],
    [
      'DataSource',
      'without connectionDetails',
      d => {
        delete d.spec.connectionDetails;
      },
      'documents[1].spec.connectionDetails',
      'is required',
    ],
  ];

  it.each(cases)(
    'reports a %s %s with its path, keeping it out of the result',
    (kind, _what, mutate, path, message) => {
      const doc = otherKinds[kind]();
      mutate(doc);
      const result = validateOpenSlo(JSON.stringify([baseSlo(), doc]));
      expect(result.errors).toEqual([{ path, message }]);
      expect(result.unsupported).toEqual([]);
      expect(result.warnings).toEqual([]);
      expect(result.slos.map(s => s.name)).toEqual(['escalation-free']);
      expect([
        ...result.services,
        ...result.alertPolicies,
        ...result.alertConditions,
      ]).toEqual([]);
    },
  );

  it('reads a multi-kind file written for another tool with warnings only', () => {
    const text = readFileSync(
      resolve(__dirname, '../../../../examples/slos/multi-kind.openslo.yaml'),
      'utf8',
    );
    const result = validateOpenSlo(text);
    expect(result.errors).toEqual([]);
    expect(result.unsupported).toEqual([]);
    expect(result.warnings.map(w => w.path)).toEqual([
      'documents[1]',
      'documents[3].spec.alertPolicies',
      'documents[5]',
      'documents[7]',
    ]);
    expect(result.slos.map(s => [s.name, s.budgetingMethod])).toEqual([
      ['storefront-escalations', 'Occurrences'],
      ['storefront-no-critical-incidents', 'Timeslices'],
    ]);
    expect(result.slos[0].indicator).toEqual({
      type: 'ratio',
      good: { kind: 'support_case', attributes: { escalated: false } },
      total: { kind: 'support_case' },
    });
    expect(result.services).toEqual([
      {
        name: 'storefront',
        displayName: 'Storefront',
        description: 'The web shop customers buy from.',
      },
    ]);
    expect(result.alertPolicies.map(p => p.name)).toEqual([
      'storefront-fast-burn',
    ]);
    expect(result.alertConditions.map(c => c.name)).toEqual([
      'storefront-burn-rate',
    ]);
    expect(result.sloAlertPolicies).toEqual([
      {
        slo: 'storefront-escalations',
        alertPolicies: [{ alertPolicyRef: 'storefront-fast-burn' }],
      },
    ]);
  });
});

describe('OpenSloValidationError', () => {
  it('is thrown by parseOpenSlo with the two kinds of problem told apart', () => {
    const doc = baseSlo();
    doc.spec.objectives[0].target = 1.5;
    doc.spec.timeWindow[0].duration = '1M';
    let error: unknown;
    try {
      parseOpenSlo(JSON.stringify(doc));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OpenSloValidationError);
    const validation = error as OpenSloValidationError;
    expect(validation.name).toBe('OpenSloValidationError');
    expect(validation.errors).toHaveLength(1);
    expect(validation.unsupported).toHaveLength(1);
    expect(validation.message).toBe(
      'Invalid OpenSLO v1: spec.objectives[0].target: must be in [0, 1). Not supported by User Trust: spec.timeWindow[0].duration: rolling windows given in months, quarters or years are not supported by User Trust yet: write days or weeks (e.g. 28d or 4w, 90d), or a calendar window of 1M',
    );
  });

  it('prefixes the document index when there are several documents', () => {
    const broken = baseSlo();
    broken.metadata.name = 'other';
    broken.spec.budgetingMethod = 'Sometimes';
    expect(() => parseOpenSlo(JSON.stringify([baseSlo(), broken]))).toThrow(
      'Invalid OpenSLO v1: [1] spec.budgetingMethod: must be Occurrences, Timeslices or RatioTimeslices',
    );
  });

  it('formats paths for people', () => {
    const issue = { path: 'documents[0]', message: 'must be an object' };
    expect(formatOpenSloIssue(issue, 1)).toBe('document: must be an object');
    expect(formatOpenSloIssue(issue, 2)).toBe('[0]: must be an object');
    expect(formatOpenSloIssue({ path: 'documents', message: 'none' }, 0)).toBe(
      'documents: none',
    );
    expect(new OpenSloValidationError([issue]).message).toBe(
      'Invalid OpenSLO v1: document: must be an object',
    );
    expect(describeOpenSloIssues({ errors: [], unsupported: [issue] }, 2)).toBe(
      'Not supported by User Trust: [0]: must be an object',
    );
  });
});
