import { healthCsv } from './healthCsv';
import { healthRow } from './testRows';

describe('healthCsv', () => {
  it('writes a header and one line per row, quoting what needs it', () => {
    const csv = healthCsv([
      healthRow('checkout', {
        title: 'Checkout, "the" API',
        missingRoles: ['tam', 'csm'],
        fastestBurn: { rate: 14.5, window: '1d', slo: 'incidents' },
        supportCases: { last7d: 9, previous7d: 2 },
      }),
      healthRow('search', { score: null, fastestBurn: null }),
    ]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'entityRef,title,kind,type,lifecycle,owner,system,domain,status,score,worstBudget,fastestBurn,burnWindow,dissonance,supportCases7d,supportCasesPrevious7d,incidents7d,incidentsPrevious7d,missingRoles',
    );
    expect(lines[1]).toBe(
      'component:default/checkout,"Checkout, ""the"" API",component,service,production,group:default/team-a,system:default/shop,domain:default/commerce,healthy,90,0.5,14.5,1d,false,9,2,0,0,tam csm',
    );
    expect(lines[2]).toBe(
      'component:default/search,,component,service,production,group:default/team-a,system:default/shop,domain:default/commerce,healthy,,0.5,,,false,0,0,0,0,',
    );
    expect(lines[3]).toBe('');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    const csv = healthCsv([healthRow('x', { title: '=HYPERLINK("evil")' })]);
    expect(csv.split('\r\n')[1]).toContain(`"'=HYPERLINK(""evil"")"`);
  });
});
