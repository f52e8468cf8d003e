import { incidentSeverity, isCustomerImpacting } from './classification';

describe('incidentSeverity', () => {
  it.each([
    ['P1', 'low', 'critical'],
    ['sev1', 'low', 'critical'],
    ['P2', 'high', 'high'],
    ['P3', 'high', 'medium'],
    ['P4', 'high', 'low'],
    ['P5', 'high', 'low'],
    [undefined, 'high', 'high'],
    [undefined, 'low', 'low'],
    ['Major', 'low', 'low'],
    [undefined, undefined, undefined],
  ])('priority %s, urgency %s → %s', (priority, urgency, expected) => {
    expect(incidentSeverity(priority, urgency)).toBe(expected);
  });

  it('uses configured priority names first', () => {
    const options = {
      severityByPriority: { Major: 'critical' as const, p3: 'high' as const },
    };
    expect(incidentSeverity('major', 'low', options)).toBe('critical');
    expect(incidentSeverity('P3', 'low', options)).toBe('high');
  });
});

describe('isCustomerImpacting', () => {
  it('defaults to high urgency or priority P1/P2', () => {
    expect(isCustomerImpacting(undefined, 'high')).toBe(true);
    expect(isCustomerImpacting('P2', 'low')).toBe(true);
    expect(isCustomerImpacting('P3', 'low')).toBe(false);
    expect(isCustomerImpacting(undefined, undefined)).toBe(false);
  });

  it('follows config', () => {
    const options = {
      customerImpactUrgencies: [],
      customerImpactPriorities: ['P1'],
    };
    expect(isCustomerImpacting('P2', 'high', options)).toBe(false);
    expect(isCustomerImpacting('p1', 'low', options)).toBe(true);
  });
});
