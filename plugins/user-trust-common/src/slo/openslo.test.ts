import {
  OpenSloValidationError,
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
        { op: 'lte', value: 5, target: 0.75, timeSliceWindow: '1w' },
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
        objective: { op: 'lte', value: 5, target: 0.75, timeSliceDays: 7 },
      }),
    ]);
  });

  it('reads a zero-SLO (count lte 0) with the default 1-day slice', () => {
    const [slo] = parseOpenSlo(`
apiVersion: openslo/v1
kind: SLO
metadata: { name: no-incidents-on-launch-days }
spec:
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
  objectives: [{ op: lte, value: 0, target: 0.99 }]
`);
    expect(slo.indicator).toEqual({
      type: 'count',
      events: { kind: ['incident'], attributes: { duringKnownEvent: true } },
    });
    expect(slo.objective).toEqual({
      op: 'lte',
      value: 0,
      target: 0.99,
      timeSliceDays: 1,
    });
  });

  it('resolves indicatorRef to an SLI of the same YAML, in any order', () => {
    const slos = parseOpenSlo(`
apiVersion: openslo/v1
kind: SLO
metadata: { name: resolved-fast }
spec:
  indicatorRef: resolved-within-a-day
  timeWindow: [{ duration: 4w, isRolling: true }]
  budgetingMethod: Timeslices
  objectives: [{ target: 0.9, timeSliceTarget: 0.8 }]
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

describe('validateOpenSlo: invalid documents', () => {
  const cases: Array<[string, (doc: any) => void, string, string]> = [
    [
      'apiVersion',
      d => {
        d.apiVersion = 'openslo/v2alpha';
      },
      'documents[0].apiVersion',
      'apiVersion openslo/v2alpha is not supported: use openslo/v1',
    ],
    [
      'kind',
      d => {
        d.kind = 'Service';
      },
      'documents[0].kind',
      'kind Service is not supported: only SLO and SLI documents are read',
    ],
    [
      'unknown top-level key',
      d => {
        d.status = {};
      },
      'documents[0].status',
      'is not supported',
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
      'weight not positive',
      d => {
        d.metadata.annotations = { 'user-trust.io/weight': '0' };
      },
      'documents[0].metadata.annotations["user-trust.io/weight"]',
      'must be a positive number',
    ],
    [
      'unknown user-trust annotation',
      d => {
        d.metadata.annotations = { 'user-trust.io/tier': '1' };
      },
      'documents[0].metadata.annotations["user-trust.io/tier"]',
      'unknown user-trust annotation: only user-trust.io/weight is read',
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
      'must be a duration like 28d, 4w or 1M: a positive whole number and one of m, h, d, w, M, Q, Y',
    ],
    [
      'rolling in hours',
      d => {
        d.spec.timeWindow[0].duration = '12h';
      },
      'documents[0].spec.timeWindow[0].duration',
      'rolling windows shorter than a day are not supported: signals are counted per day',
    ],
    [
      'rolling in months',
      d => {
        d.spec.timeWindow[0].duration = '1M';
      },
      'documents[0].spec.timeWindow[0].duration',
      'rolling windows must be given in days or weeks (e.g. 28d, 4w): months, quarters and years vary in length; use a calendar window for them',
    ],
    [
      'rolling too long',
      d => {
        d.spec.timeWindow[0].duration = '400d';
      },
      'documents[0].spec.timeWindow[0].duration',
      'rolling windows longer than 366 days are not supported',
    ],
    [
      'isRolling missing',
      d => {
        delete d.spec.timeWindow[0].isRolling;
      },
      'documents[0].spec.timeWindow[0].isRolling',
      'is required: true for a rolling window, false (with calendar) for a calendar-aligned one',
    ],
    [
      'calendar of 2 months',
      d => {
        d.spec.timeWindow = [
          {
            duration: '2M',
            isRolling: false,
            calendar: { startTime: '2024-01-01 00:00:00', timeZone: 'UTC' },
          },
        ];
      },
      'documents[0].spec.timeWindow[0].duration',
      'calendar windows must be 1w, 1M, 1Q or 1Y',
    ],
    [
      'calendar missing',
      d => {
        d.spec.timeWindow = [{ duration: '1M', isRolling: false }];
      },
      'documents[0].spec.timeWindow[0].calendar',
      'is required for a calendar-aligned window: an object with startTime and timeZone',
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
        d.spec.timeWindow = [
          {
            duration: '1M',
            isRolling: false,
            calendar: { startTime: '2024-02-30 00:00:00', timeZone: 'UTC' },
          },
        ];
      },
      'documents[0].spec.timeWindow[0].calendar.startTime',
      'must be a date-time in UTC, e.g. 2024-01-01 00:00:00',
    ],
    [
      'calendar time zone',
      d => {
        d.spec.timeWindow = [
          {
            duration: '1M',
            isRolling: false,
            calendar: {
              startTime: '2024-01-01 00:00:00',
              timeZone: 'America/New_York',
            },
          },
        ];
      },
      'documents[0].spec.timeWindow[0].calendar.timeZone',
      'time zone America/New_York is not supported: signals are counted per UTC day, use UTC',
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
      'is only used by calendar-aligned windows (isRolling: false)',
    ],
    [
      'RatioTimeslices',
      d => {
        d.spec.budgetingMethod = 'RatioTimeslices';
      },
      'documents[0].spec.budgetingMethod',
      'RatioTimeslices is not supported: use Occurrences or Timeslices',
    ],
    [
      'unknown budgeting method',
      d => {
        d.spec.budgetingMethod = 'occurrences';
      },
      'documents[0].spec.budgetingMethod',
      'must be Occurrences or Timeslices',
    ],
    [
      'budgeting method missing',
      d => {
        delete d.spec.budgetingMethod;
      },
      'documents[0].spec.budgetingMethod',
      'is required (Occurrences or Timeslices)',
    ],
    [
      'two objectives',
      d => {
        d.spec.objectives.push({ target: 0.8 });
      },
      'documents[0].spec.objectives',
      'only one objective per SLO is supported',
    ],
    [
      'no objective',
      d => {
        d.spec.objectives = [];
      },
      'documents[0].spec.objectives',
      'must be a list with one objective',
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
      'op on a ratio',
      d => {
        d.spec.objectives[0].op = 'gte';
      },
      'documents[0].spec.objectives[0].op',
      'is only used by rate and count indicators: a ratio objective is judged by target (and timeSliceTarget)',
    ],
    [
      'objective-level indicator',
      d => {
        d.spec.objectives[0].indicatorRef = 'x';
      },
      'documents[0].spec.objectives[0].indicatorRef',
      'is not supported: objective-level indicators are not supported: use spec.indicator',
    ],
    [
      'timeSliceWindow with Occurrences',
      d => {
        d.spec.objectives[0].timeSliceWindow = '1d';
      },
      'documents[0].spec.objectives[0].timeSliceWindow',
      'is only used with budgetingMethod Timeslices',
    ],
    [
      'Timeslices of a ratio without timeSliceTarget',
      d => {
        d.spec.budgetingMethod = 'Timeslices';
      },
      'documents[0].spec.objectives[0].timeSliceTarget',
      'is required for Timeslices of a ratio indicator',
    ],
    [
      'timeSliceTarget of 0',
      d => {
        d.spec.budgetingMethod = 'Timeslices';
        d.spec.objectives[0].timeSliceTarget = 0;
      },
      'documents[0].spec.objectives[0].timeSliceTarget',
      'must be in (0, 1]',
    ],
    [
      'time slices in hours',
      d => {
        d.spec.budgetingMethod = 'Timeslices';
        d.spec.objectives[0].timeSliceTarget = 0.9;
        d.spec.objectives[0].timeSliceWindow = '1h';
      },
      'documents[0].spec.objectives[0].timeSliceWindow',
      'time slices shorter than a day are not supported: signals are counted per day',
    ],
    [
      'time slices as a number',
      d => {
        d.spec.budgetingMethod = 'Timeslices';
        d.spec.objectives[0].timeSliceTarget = 0.9;
        d.spec.objectives[0].timeSliceWindow = 60;
      },
      'documents[0].spec.objectives[0].timeSliceWindow',
      'must be a whole number of days or weeks, e.g. 1d, 7d or 1w',
    ],
    [
      'time slices longer than the window',
      d => {
        d.spec.timeWindow[0].duration = '5d';
        d.spec.budgetingMethod = 'Timeslices';
        d.spec.objectives[0].timeSliceTarget = 0.9;
        d.spec.objectives[0].timeSliceWindow = '1w';
      },
      'documents[0].spec.objectives[0].timeSliceWindow',
      'must not be longer than the time window',
    ],
    [
      'alertPolicies',
      d => {
        d.spec.alertPolicies = [{ kind: 'AlertPolicy' }];
      },
      'documents[0].spec.alertPolicies',
      'is not supported: alerting follows the burn-rate windows of userTrust.evaluation in app-config',
    ],
    [
      'unknown spec key',
      d => {
        d.spec.timeWindows = [];
      },
      'documents[0].spec.timeWindows',
      'is not supported',
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
      'is required (or indicatorRef naming an SLI document)',
    ],
    [
      'indicatorRef to nothing',
      d => {
        delete d.spec.indicator;
        d.spec.indicatorRef = 'missing-sli';
      },
      'documents[0].spec.indicatorRef',
      'no SLI named "missing-sli" in these documents',
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
      'is required (or bad)',
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
      'raw ratio',
      d => {
        d.spec.indicator.spec.ratioMetric.raw = {};
      },
      `${ratioPath}.raw`,
      'is not supported: user-trust ratios are computed from good or bad and total signals',
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
      'Prometheus metric source',
      d => {
        d.spec.indicator.spec.ratioMetric.total.metricSource.type =
          'Prometheus';
      },
      `${ratioPath}.total.metricSource.type`,
      'metricSource type Prometheus is not supported: user-trust SLOs are computed from signals',
    ],
    [
      'metricSourceRef',
      d => {
        d.spec.indicator.spec.ratioMetric.total.metricSource.metricSourceRef =
          'datadog';
      },
      `${ratioPath}.total.metricSource.metricSourceRef`,
      'is not supported: user-trust indicators are inline signal queries (type: UserTrust)',
    ],
    [
      'unknown signal kind',
      d => {
        d.spec.indicator.spec.ratioMetric.total.metricSource.spec.kind =
          'ticket';
      },
      `${ratioPath}.total.metricSource.spec.kind`,
      'unknown signal kind "ticket"',
    ],
    [
      'unknown signal kind in a list',
      d => {
        d.spec.indicator.spec.ratioMetric.total.metricSource.spec.kind = [
          'support_case',
          'ticket',
        ];
      },
      `${ratioPath}.total.metricSource.spec.kind[1]`,
      'unknown signal kind "ticket"',
    ],
    [
      'empty kind list',
      d => {
        d.spec.indicator.spec.ratioMetric.total.metricSource.spec.kind = [];
      },
      `${ratioPath}.total.metricSource.spec.kind`,
      'must not be empty',
    ],
    [
      'kind missing',
      d => {
        d.spec.indicator.spec.ratioMetric.total.metricSource.spec = {
          severity: ['high'],
        };
      },
      `${ratioPath}.total.metricSource.spec.kind`,
      'is required',
    ],
    [
      'unknown severity',
      d => {
        d.spec.indicator.spec.ratioMetric.total.metricSource.spec.severity = [
          'P1',
        ];
      },
      `${ratioPath}.total.metricSource.spec.severity[0]`,
      'unknown severity "P1": use critical, high, medium, low',
    ],
    [
      'severity not a list',
      d => {
        d.spec.indicator.spec.ratioMetric.total.metricSource.spec.severity =
          'high';
      },
      `${ratioPath}.total.metricSource.spec.severity`,
      'must be a non-empty list of severities (critical, high, medium, low)',
    ],
    [
      'valueAtLeast not a number',
      d => {
        d.spec.indicator.spec.ratioMetric.total.metricSource.spec.valueAtLeast =
          '4';
      },
      `${ratioPath}.total.metricSource.spec.valueAtLeast`,
      'must be a number',
    ],
    [
      'empty value range',
      d => {
        Object.assign(
          d.spec.indicator.spec.ratioMetric.total.metricSource.spec,
          {
            valueAtLeast: 5,
            valueAtMost: 4,
          },
        );
      },
      `${ratioPath}.total.metricSource.spec.valueAtLeast`,
      'must not be greater than valueAtMost',
    ],
    [
      'account not a list',
      d => {
        d.spec.indicator.spec.ratioMetric.total.metricSource.spec.account =
          'acme';
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
        d.spec.indicator.spec.ratioMetric.total.metricSource.spec.entityRef =
          'component:default/x';
      },
      `${ratioPath}.total.metricSource.spec.entityRef`,
      'is not supported',
    ],
  ];

  it.each(cases)('rejects %s', (_name, mutate, path, message) => {
    const doc = baseSlo();
    mutate(doc);
    expect(errorsOf(doc)).toEqual([{ path, message }]);
  });

  const rateCases: Array<[string, (doc: any) => void, string, string]> = [
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
      'is required for rate and count indicators (lt, lte, gt or gte)',
    ],
    [
      'threshold with a bad op',
      d => {
        d.spec.objectives[0].op = 'eq';
      },
      'documents[0].spec.objectives[0].op',
      'must be one of lt, lte, gt, gte',
    ],
    [
      'threshold without value',
      d => {
        delete d.spec.objectives[0].value;
      },
      'documents[0].spec.objectives[0].value',
      'is required for rate and count indicators',
    ],
    [
      'timeSliceTarget on a threshold',
      d => {
        d.spec.objectives[0].timeSliceTarget = 0.9;
      },
      'documents[0].spec.objectives[0].timeSliceTarget',
      'is only used by ratio indicators: rate and count slices are judged by op and value',
    ],
    [
      'Occurrences of a rate',
      d => {
        d.spec.budgetingMethod = 'Occurrences';
        delete d.spec.objectives[0].timeSliceWindow;
      },
      'documents[0].spec.budgetingMethod',
      'Occurrences needs a ratio indicator: rate indicators are judged per time slice, use Timeslices',
    ],
  ];

  it.each(rateCases)('rejects %s', (_name, mutate, path, message) => {
    const doc = rateSlo();
    mutate(doc);
    expect(errorsOf(doc)).toEqual([{ path, message }]);
  });

  it('reports several problems at once, per document', () => {
    const broken = baseSlo();
    broken.spec.budgetingMethod = 'RatioTimeslices';
    broken.spec.objectives[0].target = 2;
    const result = validateOpenSlo(JSON.stringify([baseSlo(), broken]));
    expect(result.slos.map(s => s.name)).toEqual(['escalation-free']);
    expect(result.errors).toEqual([
      {
        path: 'documents[1].spec.budgetingMethod',
        message:
          'RatioTimeslices is not supported: use Occurrences or Timeslices',
      },
      {
        path: 'documents[1].spec.objectives[0].target',
        message: 'must be in [0, 1)',
      },
    ]);
  });

  it('rejects duplicate SLO names', () => {
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
  indicatorRef: broken
  timeWindow: [{ duration: 28d, isRolling: true }]
  budgetingMethod: Occurrences
  objectives: [{ target: 0.9 }]
`);
    expect(result.errors).toEqual([
      {
        path: 'documents[0].spec.ratioMetric.good',
        message: 'is required (or bad)',
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

describe('OpenSloValidationError', () => {
  it('is thrown by parseOpenSlo with every error in its message', () => {
    const doc = baseSlo();
    doc.spec.objectives[0].target = 1.5;
    doc.spec.alertPolicies = [];
    let error: unknown;
    try {
      parseOpenSlo(JSON.stringify(doc));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OpenSloValidationError);
    const validation = error as OpenSloValidationError;
    expect(validation.name).toBe('OpenSloValidationError');
    expect(validation.errors).toHaveLength(2);
    expect(validation.message).toBe(
      'spec.alertPolicies: is not supported: alerting follows the burn-rate windows of userTrust.evaluation in app-config; spec.objectives[0].target: must be in [0, 1)',
    );
  });

  it('prefixes the document index when there are several documents', () => {
    const broken = baseSlo();
    broken.metadata.name = 'other';
    broken.spec.budgetingMethod = 'Sometimes';
    expect(() => parseOpenSlo(JSON.stringify([baseSlo(), broken]))).toThrow(
      '[1] spec.budgetingMethod: must be Occurrences or Timeslices',
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
      'document: must be an object',
    );
  });
});
