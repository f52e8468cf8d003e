/**
 * The user-trust SLOs every service and website gets when
 * `userTrust.slos.defaults` is not configured: what an adopter sees before
 * writing any SLO. Each is an OpenSLO document computed from signals.
 * Timeslices objectives carry timeSliceTarget and timeSliceWindow, as
 * OpenSLO v1 requires: a day's rate or count is one value, so the day is
 * good or bad as a whole (timeSliceTarget 1).
 */
export const DEFAULT_SLO_RULE = {
  rule: 'built-in defaults for services and websites',
  filter: { kind: ['component'], type: ['service', 'website'] },
  documents: [
    {
      apiVersion: 'openslo/v1',
      kind: 'SLO',
      metadata: {
        name: 'csat',
        displayName: 'Customer satisfaction',
      },
      spec: {
        description:
          'Share of support satisfaction answers of 4 or 5 (of 5) over 28 days.',
        service: 'user-trust',
        budgetingMethod: 'Occurrences',
        timeWindow: [{ duration: '28d', isRolling: true }],
        indicator: {
          metadata: { name: 'csat-4-or-5' },
          spec: {
            ratioMetric: {
              good: {
                metricSource: {
                  type: 'UserTrust',
                  spec: { kind: 'csat_response', valueAtLeast: 4 },
                },
              },
              total: {
                metricSource: {
                  type: 'UserTrust',
                  spec: { kind: 'csat_response' },
                },
              },
            },
          },
        },
        objectives: [{ displayName: '80% satisfied', target: 0.8 }],
      },
    },
    {
      apiVersion: 'openslo/v1',
      kind: 'SLO',
      metadata: {
        name: 'cases-without-escalation',
        displayName: 'Cases resolved without escalation',
      },
      spec: {
        description: 'Support cases that did not need an escalation.',
        service: 'user-trust',
        budgetingMethod: 'Occurrences',
        timeWindow: [{ duration: '28d', isRolling: true }],
        indicator: {
          metadata: { name: 'escalated-cases' },
          spec: {
            ratioMetric: {
              bad: {
                metricSource: {
                  type: 'UserTrust',
                  spec: {
                    kind: 'support_case',
                    attributes: { escalated: true },
                  },
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
        objectives: [{ displayName: '90% without escalation', target: 0.9 }],
      },
    },
    {
      apiVersion: 'openslo/v1',
      kind: 'SLO',
      metadata: {
        name: 'support-case-rate',
        displayName: 'Support cases per 1,000 active customers',
      },
      spec: {
        description:
          'Days on which the support-case rate stayed at or below 10 per 1,000 active customers.',
        service: 'user-trust',
        budgetingMethod: 'Timeslices',
        timeWindow: [{ duration: '28d', isRolling: true }],
        indicator: {
          metadata: { name: 'cases-per-1000-customers' },
          spec: {
            thresholdMetric: {
              metricSource: {
                type: 'UserTrust',
                spec: {
                  rate: {
                    events: { kind: 'support_case' },
                    exposure: { kind: 'customer_activity' },
                    per: 1000,
                  },
                },
              },
            },
          },
        },
        objectives: [
          {
            displayName: '≤ 10 cases per 1,000 customers on 90% of days',
            op: 'lte',
            value: 10,
            target: 0.9,
            timeSliceTarget: 1,
            timeSliceWindow: '1d',
          },
        ],
      },
    },
    {
      apiVersion: 'openslo/v1',
      kind: 'SLO',
      metadata: {
        name: 'no-critical-incidents',
        displayName: 'No critical customer-impacting incidents',
      },
      spec: {
        description:
          'A zero-SLO: days with a critical customer-impacting incident.',
        service: 'user-trust',
        budgetingMethod: 'Timeslices',
        timeWindow: [{ duration: '28d', isRolling: true }],
        indicator: {
          metadata: { name: 'critical-incidents' },
          spec: {
            thresholdMetric: {
              metricSource: {
                type: 'UserTrust',
                spec: {
                  count: { kind: 'incident', severity: ['critical'] },
                },
              },
            },
          },
        },
        objectives: [
          {
            displayName: 'No critical incident',
            op: 'lte',
            value: 0,
            target: 0.97,
            timeSliceTarget: 1,
            timeSliceWindow: '1d',
          },
        ],
      },
    },
  ],
};
