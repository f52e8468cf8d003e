import { rollupHealth } from './rollupHealth';
import { healthRow } from './testRows';

describe('rollupHealth', () => {
  const rows = [
    healthRow('checkout', {
      status: 'breached',
      score: 20,
      missingRoles: ['tam'],
      dissonance: true,
      supportCases: { last7d: 5, previous7d: 1 },
      incidents: { last7d: 1, previous7d: 0 },
      fastestBurn: { rate: 14, window: '1d', slo: 'incidents' },
    }),
    healthRow('cart', {
      score: 80,
      supportCases: { last7d: 2, previous7d: 3 },
    }),
    healthRow('payments', {
      owner: 'group:default/team-b',
      score: 70,
      fastestBurn: null,
    }),
    healthRow('ledger', {
      owner: 'group:default/team-c',
      score: null,
      status: 'no-data',
      fastestBurn: null,
    }),
    healthRow('orphan', { owner: undefined, score: 10, status: 'breached' }),
  ];

  it('sums each group, worst first, entities without one last', () => {
    const rollups = rollupHealth(rows, 'group');
    expect(rollups.map(r => r.key)).toEqual([
      'group:default/team-a',
      'group:default/team-b',
      'group:default/team-c',
      null,
    ]);
    expect(rollups[0]).toEqual({
      key: 'group:default/team-a',
      entities: 2,
      meanScore: 50,
      statusCounts: {
        breached: 1,
        'at-risk': 0,
        healthy: 1,
        'insufficient-data': 0,
        'no-data': 0,
      },
      blindSpots: 1,
      dissonant: 1,
      supportCases: { last7d: 7, previous7d: 4 },
      incidents: { last7d: 1, previous7d: 0 },
      fastestBurn: 14,
    });
    expect(rollups[1]).toMatchObject({ meanScore: 70, fastestBurn: null });
    expect(rollups[2]).toMatchObject({ meanScore: null, entities: 1 });
    expect(rollups[3]).toMatchObject({ key: null, entities: 1 });
  });

  it('groups by system and by domain', () => {
    expect(rollupHealth(rows, 'system').map(r => r.key)).toEqual([
      'system:default/shop',
    ]);
    expect(
      rollupHealth(
        [...rows, healthRow('x', { domain: 'domain:default/ops', score: 1 })],
        'domain',
      ).map(r => [r.key, r.entities]),
    ).toEqual([
      ['domain:default/commerce', 5],
      ['domain:default/ops', 1],
    ]);
  });
});
